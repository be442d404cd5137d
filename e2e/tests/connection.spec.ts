import { DEMO, editorText, expect, openDemoPlan, section, test } from '../fixtures/app.js';
import { switchableNetwork } from '../fixtures/collabSocket.js';

const SECTION = 'Samarbeidsstruktur og organisering'; // owned by Demo kommune and Demo HF

test('the indicator shows offline with unsaved changes, and reconnecting saves them', async ({ loginAs }) => {
  const hf = await loginAs(DEMO.hf);
  // The page's collaboration socket goes through a switch, so the test can cut the network.
  const network = await switchableNetwork(hf);
  await openDemoPlan(hf);
  const card = await section(hf, SECTION);
  const status = hf.getByTestId('connection.status');
  await expect(status).toHaveAttribute('data-state', 'online');
  await expect(status).toHaveText('Tilkoblet – alt er lagret');

  expect(network.open()).toBeGreaterThan(0);
  await network.down();
  await expect(status).not.toHaveAttribute('data-state', 'online');

  await card.getByTestId('section.editor').click();
  await hf.keyboard.press('Control+End');
  await hf.keyboard.type(' Skrevet uten nett.');
  await expect(status).toHaveAttribute('data-state', 'offline');
  await expect(status).toContainText(/Frakoblet – \d+ endringer? er ikke lagret ennå/);

  // A colleague does not see the text yet: it exists only in the offline browser.
  const kommune = await loginAs(DEMO.kommune);
  await openDemoPlan(kommune);
  const kommuneCard = await section(kommune, SECTION);
  expect(await editorText(kommuneCard)).not.toContain('Skrevet uten nett.');

  network.up();
  await expect(status).toHaveAttribute('data-state', 'online', { timeout: 20_000 });
  await expect.poll(() => editorText(kommuneCard)).toContain('Skrevet uten nett.');
});
