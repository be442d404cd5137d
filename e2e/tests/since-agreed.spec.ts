import { apiAs, DEMO, editorText, expect, openDemoPlan, section, test } from '../fixtures/app.js';
import { seriousViolations } from '../fixtures/axe.js';

const SECTION = 'Kunnskapsgrunnlag og utfordringsbilde'; // owned by Demo kommune and Demo HF; Fastlegene required
const VERSION = 'Versjon til styremøtet 12.03.2027';
const INSERTED = 'Tallene fra fastlegekontorene er med.';

test('a party that agreed sees exactly what changed, re-confirms in one step, and the comparison can be shared', async ({
  loginAs,
  baseURL,
  playwright,
}) => {
  test.slow();
  // Fastlegene agreed to the text before anything happens in the browser.
  const fastlegeApi = await apiAs(playwright, baseURL ?? '', DEMO.fastlege);
  const plans = (await (await fastlegeApi.get('/api/plans')).json()) as { id: string }[];
  const planId = plans[0]?.id ?? '';
  const plan = (await (await fastlegeApi.get(`/api/plans/${planId}`)).json()) as {
    parties: { id: string; name: string }[];
    sections: { id: string; title: string }[];
  };
  const sectionId = plan.sections.find((s) => s.title === SECTION)?.id ?? '';
  const fastlegene = plan.parties.find((p) => p.name === 'Fastlegene')?.id ?? '';
  const marked = await fastlegeApi.post('/api/commands/sections.mark', { data: { sectionId, stance: 'agree' } });
  expect(marked.ok()).toBe(true);
  await fastlegeApi.dispose();

  const sekretariat = await loginAs(DEMO.sekretariat);
  await openDemoPlan(sekretariat);
  await test.step('the sekretariat names a version on the versions page', async () => {
    await sekretariat.getByTestId('plan.versions').click();
    await sekretariat.getByLabel('Navn på versjonen').fill(VERSION);
    await sekretariat.getByTestId('versions.save').click();
    await expect(sekretariat.getByTestId('versions.saved')).toContainText(VERSION);
  });

  const fastlege = await loginAs(DEMO.fastlege);
  await openDemoPlan(fastlege);
  const seen = await section(fastlege, SECTION);
  const chip = seen.locator(`[data-testid="consensus.chip"][data-party-id="${fastlegene}"]`);
  await expect(chip).toHaveAttribute('data-stance', 'agree');
  await expect(chip).toHaveAttribute('data-stale', 'false');

  await test.step('an owner adds a sentence in the browser; the agreement turns stale on the other screen', async () => {
    const kommune = await loginAs(DEMO.kommune);
    await openDemoPlan(kommune);
    const card = await section(kommune, SECTION);
    await card.getByTestId('section.editor').click();
    await kommune.keyboard.press('Control+End');
    await kommune.keyboard.type(` ${INSERTED}`, { delay: 10 });
    await expect.poll(() => editorText(card)).toContain(INSERTED);
    // Every keystroke stored on the server: the comparison below is of the text as stored, and the
    // chip turned stale at the first one (a CI run once compared while the last were on the way).
    await expect(kommune.getByTestId('connection.status')).toHaveAttribute('data-unsynced', '0');
    await expect(chip).toHaveAttribute('data-stale', 'true');
  });

  await test.step('«Se hva som er endret» shows that sentence and nothing else; one step re-confirms', async () => {
    await seen.locator(`[data-testid="consensus.sinceAgreed"][data-party-id="${fastlegene}"]`).click();
    const dialog = fastlege.getByTestId('sinceAgreed.dialog');
    await expect(dialog.getByTestId('sinceAgreed.sentence')).toContainText('Endret etter at Fastlegene var enig');
    const body = dialog.getByTestId('compare.body');
    await expect(body.locator('ins')).toHaveCount(1);
    await expect(body.locator('ins')).toContainText(INSERTED);
    await expect(body.locator('del')).toHaveCount(0);
    expect(await seriousViolations(fastlege)).toEqual([]);
    await dialog.getByTestId('sinceAgreed.reconfirm').click();
    await expect(dialog.getByTestId('sinceAgreed.status')).toHaveText(
      'Standpunktet er bekreftet for teksten slik den er nå.',
    );
    await dialog.getByTestId('sinceAgreed.close').click();
    await expect(chip).toHaveAttribute('data-stale', 'false');
    await expect(chip).toHaveAttribute('data-stance', 'agree');
  });

  let shared = '';
  await test.step('the versions page links to the comparison of the named version with now', async () => {
    await sekretariat.reload();
    await sekretariat
      .getByTestId('versions.row')
      .filter({ hasText: VERSION })
      .getByTestId('versions.compare-now')
      .click();
    await expect(sekretariat).toHaveURL(/\/compare\?from=[^&]+&to=now$/);
    await expect(sekretariat.getByTestId('compare.summary')).toHaveText('1 seksjon endret');
    const changed = sekretariat.locator(`[data-testid="compare.section"][data-section-id="${sectionId}"]`);
    await expect(changed.getByRole('heading', { level: 2 })).toContainText(SECTION);
    await expect(changed.getByTestId('compare.body').locator('ins')).toContainText(INSERTED);
    await expect(changed.getByTestId('compare.markers')).toContainText('Fastlegene: Enig, satt på nytt');
    await expect(sekretariat.getByTestId('compare.unchanged')).toContainText('13 seksjoner er uendret');
    expect(await seriousViolations(sekretariat)).toEqual([]);
    shared = sekretariat.url();
  });

  await test.step('the shared link shows the same comparison to someone else, and after a reload', async () => {
    const hf = await loginAs(DEMO.hf);
    await hf.goto(shared);
    const changed = hf.locator(`[data-testid="compare.section"][data-section-id="${sectionId}"]`);
    await expect(changed.getByTestId('compare.body').locator('ins')).toContainText(INSERTED);
    await expect(hf.getByTestId('compare.from').locator('option:checked')).toContainText(VERSION);
    await expect(hf.getByTestId('compare.to')).toHaveValue('now');
    await hf.reload();
    await expect(hf.getByTestId('compare.summary')).toHaveText('1 seksjon endret');
    await expect(changed.getByTestId('compare.body').locator('ins')).toContainText(INSERTED);
  });

  await test.step('turning the choice around updates the link and shows the sentence as deleted', async () => {
    const versionId = new URL(shared).searchParams.get('from') ?? '';
    await sekretariat.getByTestId('compare.from').selectOption('now');
    await sekretariat.getByTestId('compare.to').selectOption(versionId);
    await expect(sekretariat).toHaveURL(new RegExp(`\\?from=now&to=${versionId}$`));
    const changed = sekretariat.locator(`[data-testid="compare.section"][data-section-id="${sectionId}"]`);
    await expect(changed.getByTestId('compare.body').locator('del')).toContainText(INSERTED);
  });

  await test.step('a link to a version the plan does not have says so on the page', async () => {
    await sekretariat.goto(`/plans/${planId}/compare?from=finnes-ikke&to=now`);
    await expect(sekretariat.getByTestId('compare.error')).toContainText('Fant ikke versjonen lenken peker på');
    await expect(sekretariat.getByTestId('compare.section')).toHaveCount(0);
  });
});
