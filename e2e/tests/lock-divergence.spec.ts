import type { WebSocketRoute } from '@playwright/test';
import type { PlanView } from '@fellesplan/domain';
import { apiAs, DEMO, editorText, expect, openDemoPlan, section, test } from '../fixtures/app.js';

const SECTION = 'Kunnskapsgrunnlag og utfordringsbilde'; // owned by Demo kommune and Demo HF, has text

test('edits still in flight when a lock commits are dropped by the client, not kept as a silent fork', async ({
  loginAs,
  playwright,
  baseURL,
}) => {
  const kommune = await loginAs(DEMO.kommune);
  // Hold what the page sends, to have edits the server has not seen when the lock lands.
  let holding = false;
  const held: (string | Buffer)[] = [];
  const routes: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await kommune.routeWebSocket(/\/collab$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => (holding ? held.push(message) : server.send(message)));
    server.onMessage((message) => ws.send(message));
    routes.push({ page: ws, server });
  });
  await kommune.reload();
  await openDemoPlan(kommune);
  const card = await section(kommune, SECTION);
  const serverText = await editorText(card);
  expect(serverText.length).toBeGreaterThan(50);

  // Everyone agrees (through the API, as any client could), so the section can be locked.
  const origin = baseURL ?? '';
  const sekretariat = await apiAs(playwright, origin, DEMO.sekretariat);
  const plan = (await (await sekretariat.get('/api/plans')).json()) as { id: string }[];
  const view = (await (await sekretariat.get(`/api/plans/${plan[0]?.id}`)).json()) as PlanView;
  const target = view.sections.find((s) => s.title === SECTION);
  if (!target) throw new Error('section missing');
  for (const email of [DEMO.kommune, DEMO.hf, DEMO.fastlege, DEMO.bruker]) {
    const party = await apiAs(playwright, origin, email);
    const res = await party.post('/api/commands/sections.mark', {
      data: { sectionId: target.id, stance: 'agree', revision: target.revision },
    });
    expect(res.ok()).toBe(true);
  }

  holding = true;
  await card.getByTestId('section.editor').click();
  await kommune.keyboard.press('Control+End');
  await kommune.keyboard.type(' Lokal endring som aldri når fram.');
  await expect(kommune.getByTestId('connection.status')).toHaveAttribute('data-state', 'saving');

  // The edit is held; from here new messages flow again (the client must be able to reload the
  // document after the lock), the held ones stay held. Releasing before the lock is sent, not
  // after its answer: the server tells the page about the lock before the answer reaches us, and
  // a reload held in that gap would never sync.
  holding = false;
  const lock = await sekretariat.post('/api/commands/sections.lock', { data: { sectionId: target.id } });
  expect(lock.ok()).toBe(true);

  // The client learns it is read-only, throws away what the server refused, and shows the agreed text.
  await expect(card.locator('.section-editor')).toHaveAttribute('data-editable', 'false');
  await expect.poll(() => editorText(card)).toBe(serverText);
  await expect(kommune.getByTestId('connection.status')).toHaveAttribute('data-state', 'online');

  // Releasing the held messages changes nothing on the server either.
  for (const message of held.splice(0)) for (const { server } of routes) server.send(message);
  const content = (await (await sekretariat.get(`/api/sections/${target.id}/content`)).json()) as {
    text: string;
    revision: string;
  };
  expect(content.text).not.toContain('Lokal endring');
  expect(content.revision).toBe(target.revision);
});
