import type { WebSocketRoute } from '@playwright/test';
import { DEMO, editorText, expect, openDemoPlan, section, test } from '../fixtures/app.js';

const SECTION = 'Samarbeidsstruktur og organisering'; // owned by Demo kommune and Demo HF

test('the indicator shows offline with unsaved changes, and reconnecting saves them', async ({ loginAs }) => {
  const hf = await loginAs(DEMO.hf);
  // The page's collaboration socket goes through this route, so the test can cut the network.
  let networkUp = true;
  const sockets: WebSocketRoute[] = [];
  await hf.routeWebSocket(/\/collab$/, (ws) => {
    if (!networkUp) {
      void ws.close({ code: 4000, reason: 'network down' });
      return;
    }
    ws.connectToServer();
    sockets.push(ws);
  });
  await hf.reload(); // the socket opened at login predates the route
  await openDemoPlan(hf);
  const card = await section(hf, SECTION);
  const status = hf.getByTestId('connection.status');
  await expect(status).toHaveAttribute('data-state', 'online');
  await expect(status).toHaveText('Tilkoblet – alt er lagret');

  expect(sockets.length).toBeGreaterThan(0);
  networkUp = false;
  for (const ws of sockets) await ws.close({ code: 4000, reason: 'network down' });
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

  networkUp = true;
  await expect(status).toHaveAttribute('data-state', 'online', { timeout: 20_000 });
  await expect.poll(() => editorText(kommuneCard)).toContain('Skrevet uten nett.');
});
