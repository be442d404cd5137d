import { DEMO, editorText, expect, openDemoPlan, section, test } from '../fixtures/app.js';
import { heldAcknowledgements, switchableNetwork } from '../fixtures/collabSocket.js';

const SECTION = 'Samarbeidsstruktur og organisering'; // owned by Demo kommune and Demo HF, has text

/**
 * Text typed while offline lives only in the section's document in this tab. Choosing a view
 * that hides the section unmounted its editor and closed that document: the text was gone, the
 * page no longer asked before closing, and nothing reached the server when the network came back.
 */
test('text typed offline survives its section being hidden by a view, and leaving asks until it is saved', async ({
  loginAs,
}) => {
  const page = await loginAs(DEMO.kommune);
  const network = await switchableNetwork(page);
  await openDemoPlan(page);
  const card = await section(page, SECTION);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss(); // stay on the page
  });
  await network.down();
  await card.getByTestId('section.editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Skrevet før visningen ble byttet.');
  await expect(page.getByTestId('connection.status')).toHaveAttribute('data-state', 'offline');

  // A view without this section: its card (and editor) leaves the page.
  await page.getByTestId('view.disputed').click();
  await expect(page.getByTestId('plan.section').filter({ hasText: SECTION })).toHaveCount(0);
  await expect(page.getByTestId('connection.status')).not.toHaveAttribute('data-unsynced', '0');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  // The network comes back: the text is saved, and then the tab closes without asking.
  network.up();
  await expect(page.getByTestId('connection.status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(page.getByTestId('connection.status')).toHaveAttribute('data-unsynced', '0');
  const reader = await loginAs(DEMO.hf);
  await openDemoPlan(reader);
  await expect
    .poll(async () => editorText(await section(reader, SECTION)))
    .toContain('Skrevet før visningen ble byttet.');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toEqual(['beforeunload']);
});

test('an untouched page never asks: not when a peer edits the open section, nor after the socket reconnects', async ({
  loginAs,
}) => {
  const reader = await loginAs(DEMO.kommune);
  const network = await heldAcknowledgements(reader, () => true);
  await openDemoPlan(reader);
  const card = await section(reader, SECTION);
  const peer = await loginAs(DEMO.hf);
  await openDemoPlan(peer);
  const peerCard = await section(peer, SECTION);
  await peerCard.getByTestId('section.editor').click();
  await peer.keyboard.press('Control+End');
  await peer.keyboard.type(' Fra den andre parten.');
  await expect.poll(() => editorText(card)).toContain('Fra den andre parten.');
  await network.drop();
  await expect(reader.getByTestId('connection.status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(card.locator('.section-editor')).toHaveAttribute('data-synced', 'true');
  expect(network.held.length).toBeGreaterThan(0);
  let asked = false;
  reader.on('dialog', (dialog) => {
    asked = true;
    void dialog.accept();
  });
  await reader.close({ runBeforeUnload: true });
  await expect.poll(() => reader.isClosed()).toBe(true);
  expect(asked).toBe(false);
});

test('typing then undoing it, or typing across a reconnect, asks until the server confirms', async ({ loginAs }) => {
  const page = await loginAs(DEMO.kommune);
  let holding = false;
  const network = await heldAcknowledgements(page, () => holding);
  await openDemoPlan(page);
  const card = await section(page, SECTION);
  await expect(page.getByTestId('connection.status')).toHaveAttribute('data-unsynced', '0');
  holding = true;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss(); // stay on the page
  });
  await card.getByTestId('section.editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Angret');
  await page.keyboard.press('Control+z');
  await network.drop();
  await expect(page.getByTestId('connection.status')).toHaveAttribute('data-state', /saving|online/, {
    timeout: 30_000,
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  holding = false;
  for (const release of network.held.splice(0)) release();
  await expect(page.getByTestId('connection.status')).toHaveAttribute('data-unsynced', '0');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toEqual(['beforeunload']);
});
