import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, openDemoPlan, section, test } from '../fixtures/app.js';

const SECTION = 'Akuttmedisinsk kjede'; // owned by Demo HF and Demo kommune; all four parties required

test('four parties agree, the sekretariat locks live for everyone, and an edit after unlock makes markers stale', async ({
  loginAs,
}) => {
  // Five people, each with a live plan page in a browser context of their own.
  test.slow();
  const users = {
    kommune: await loginAs(DEMO.kommune),
    hf: await loginAs(DEMO.hf),
    fastlege: await loginAs(DEMO.fastlege),
    bruker: await loginAs(DEMO.bruker),
    sekretariat: await loginAs(DEMO.sekretariat),
  };
  const cards: Record<string, Locator> = {};
  // The kommune's overview counts the section as waiting for its stance, and can show just those.
  await openDemoPlan(users.kommune);
  const waitingView = users.kommune.getByTestId('view.needsUs');
  const waitingBefore = Number(await waitingView.getAttribute('data-count'));
  await users.kommune.getByTestId('summary.show-waiting').click();
  await expect(users.kommune.getByTestId('plan.section')).toHaveCount(waitingBefore);
  await expect(users.kommune.getByTestId('plan.section').filter({ hasText: SECTION })).toHaveCount(1);
  await users.kommune.getByTestId('view.all').click();
  for (const [who, page] of Object.entries(users)) {
    if (who !== 'kommune') await openDemoPlan(page);
    cards[who] = await section(page, SECTION);
  }
  const card = (who: keyof typeof users) => cards[who] as Locator;
  const chips = (who: keyof typeof users) => card(who).getByTestId('consensus.chip');

  // The section has no text yet, so nobody is offered a stance ([C5]); the kommune writes it.
  await expect(card('hf').getByTestId('mark.empty')).toBeVisible();
  await expect(card('hf').getByTestId('mark.agree')).toHaveCount(0);
  await card('kommune').getByTestId('section.editor').click();
  await users.kommune.keyboard.type('Kommunene og HF har felles prosedyrer for akutt syke.');
  await expect(card('hf').getByTestId('mark.agree')).toBeVisible();
  // A stance names the revision on its party's screen, and one on text that has moved on since is
  // refused ([C2]): every screen must show the finished sentence's revision before anyone marks.
  await expect(card('hf')).toContainText('Kommunene og HF har felles prosedyrer for akutt syke.');
  const sectionId = await card('kommune').getAttribute('data-section-id');
  const stored = async () =>
    ((await (await users.kommune.request.get(`/api/sections/${sectionId}/content`)).json()) as { revision: string })
      .revision;
  for (const who of ['kommune', 'hf', 'fastlege', 'bruker'] as const) {
    await expect.poll(async () => (await card(who).getAttribute('data-revision')) === (await stored())).toBe(true);
  }

  // Each party marks Enig in its own browser; every screen follows live.
  for (const who of ['kommune', 'hf', 'fastlege', 'bruker'] as const) {
    await card(who).getByTestId('mark.agree').click();
    await expect(card(who).getByTestId('mark.agree')).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(waitingView).toHaveAttribute('data-count', String(waitingBefore - 1));
  for (const who of Object.keys(users) as (keyof typeof users)[]) {
    await expect(card(who).getByTestId('section.status')).toHaveAttribute('data-status', 'consensus');
    await expect(chips(who).and(card(who).locator('[data-stance="agree"][data-stale="false"]'))).toHaveCount(4);
  }
  await expect(card('sekretariat').getByTestId('mark.agree')).toHaveCount(0); // not a party to consensus

  // The sekretariat locks, with a confirmation.
  await card('sekretariat').getByTestId('section.lock').click();
  await users.sekretariat.getByTestId('lock.confirm').click();
  for (const [who, page] of Object.entries(users) as [keyof typeof users, Page][]) {
    await expect(card(who).getByTestId('section.status')).toHaveAttribute('data-status', 'locked');
    await expect(card(who).locator('.section-editor')).toHaveAttribute('data-editable', 'false');
    await expect(page.getByTestId('summary.consensus')).toContainText('1 av 14 seksjoner har konsensus');
  }
  await expect(card('kommune').getByTestId('section.readonly-notice')).toHaveText(
    'Seksjonen er låst fordi partene er enige om teksten.',
  );
  await expect(card('hf').getByTestId('mark.agree')).toHaveCount(0);

  // The owner types into the locked section: nothing changes, anywhere.
  const before = await card('hf').getByTestId('section.editor').innerText();
  await card('kommune').getByTestId('section.editor').click();
  await users.kommune.keyboard.type('Forsøk etter låsing');
  expect(await card('kommune').getByTestId('section.editor').innerText()).not.toContain('Forsøk etter låsing');
  expect(await card('hf').getByTestId('section.editor').innerText()).toBe(before);

  // Unlock needs a reason.
  await card('sekretariat').getByTestId('section.unlock').click();
  await expect(users.sekretariat.getByTestId('lock.confirm')).toBeDisabled();
  await users.sekretariat.getByTestId('lock.reason').fill('Ny statistikk må inn');
  await users.sekretariat.getByTestId('lock.confirm').click();
  await expect(card('kommune').locator('.section-editor')).toHaveAttribute('data-editable', 'true');
  await expect(card('kommune').getByTestId('section.status')).toHaveAttribute('data-status', 'consensus');

  // An edit after unlock turns every marker stale on every screen.
  await card('kommune').getByTestId('section.editor').click();
  await users.kommune.keyboard.press('Control+End');
  await users.kommune.keyboard.type(' Tall fra 2026 er lagt inn.');
  for (const who of Object.keys(users) as (keyof typeof users)[]) {
    await expect(card(who).locator('[data-testid="consensus.chip"][data-stale="true"]')).toHaveCount(4);
    await expect(card(who).getByTestId('section.status')).toHaveAttribute('data-status', 'draft');
  }
  await expect(chips('bruker').filter({ hasText: 'Demo HF' })).toContainText('teksten er endret');

  // The decision log tells the story and verifies.
  await users.bruker.getByTestId('summary.log').click();
  await expect(users.bruker.getByTestId('audit.verification')).toHaveAttribute('data-ok', 'true');
  await expect(
    users.bruker
      .getByTestId('audit.event')
      .filter({ hasText: 'Sekretariatet (Siri Larsen) gjenåpnet 9 Akuttmedisinsk kjede: «Ny statistikk må inn»' }),
  ).toHaveCount(1);
  await users.bruker.getByTestId('audit.filter-party').selectOption({ label: 'Demo HF' });
  await expect(users.bruker.getByTestId('audit.event')).toHaveCount(1);
  await expect(users.bruker.getByTestId('audit.event')).toContainText(
    'Demo HF (Ola Hansen) var enig i 9 Akuttmedisinsk kjede',
  );
});
