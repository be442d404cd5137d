import type { Page } from '@playwright/test';
import { DEMO, editorText, expect, openDemoPlan, section, selectPhrase, test } from '../fixtures/app.js';
import { seriousViolations } from '../fixtures/axe.js';

const SECTION = 'Skrøpelige eldre'; // number 7, owned by Demo kommune, Demo HF and Fastlegene
const SENTENCE = 'Kommunene skal tilby alle skrøpelige eldre en fast kontaktperson.';
const QUOTE = 'en fast kontaktperson';
const PROPOSAL = 'en fast kontaktperson og en individuell plan';

/** A date 30 days from now, as a date field takes it. */
function inThirtyDays(): string {
  return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
}

test('a hearing: published, answered without an account, seen live, applied and assessed by the owner', async ({
  loginAs,
  newPerson,
}) => {
  test.slow();
  const kommune = await loginAs(DEMO.kommune);
  await openDemoPlan(kommune);
  const planUrl = kommune.url();

  await test.step('an owner writes the sentence the hearing will be about', async () => {
    const card = await section(kommune, SECTION);
    await card.getByTestId('section.editor').click();
    await kommune.keyboard.type(SENTENCE, { delay: 5 });
    await expect.poll(() => editorText(card)).toBe(SENTENCE);
    // Stored on the server (what the hearing freezes), not only in this browser.
    const planId = new URL(planUrl).pathname.split('/').at(-1) ?? '';
    await expect
      .poll(async () => JSON.stringify(await (await kommune.request.get(`/api/plans/${planId}/contents`)).json()))
      .toContain(SENTENCE);
  });

  const sekretariat = await loginAs(DEMO.sekretariat);
  let link = '';
  await test.step('the sekretariat publishes the hearing and gets the public link', async () => {
    await sekretariat.goto(planUrl);
    await sekretariat.getByTestId('plan.hearings').click();
    await expect(sekretariat.getByTestId('hearings.none')).toBeVisible();
    await sekretariat.getByLabel('Innledning').fill('Vi ber særlig om innspill til kapitlet om skrøpelige eldre.');
    await sekretariat.getByLabel('Høringsfrist, dato').fill(inThirtyDays());
    await sekretariat.getByLabel('Høringsfrist, klokkeslett').fill('12:00');
    await sekretariat.getByTestId('hearings.publish-submit').click();
    await expect(sekretariat.getByTestId('hearings.published')).toBeVisible();
    link = new URL((await sekretariat.getByTestId('hearings.published-link').getAttribute('href')) ?? '').pathname;
    expect(link).toMatch(/^\/horing\/[A-Za-z0-9_-]{20,}$/);
    await expect(sekretariat.getByTestId('hearings.row')).toHaveCount(1);
    expect(await seriousViolations(sekretariat)).toEqual([]);
    await sekretariat.getByTestId('hearings.workbench').click();
    await expect(sekretariat.getByTestId('workbench.none')).toBeVisible();
  });

  const respondent: Page = await newPerson();
  await test.step('anyone with the link reads the frozen draft without logging in', async () => {
    await respondent.goto(link);
    await expect(respondent.getByTestId('hearing.title')).toHaveText('Høring om Felles utviklingsplan 2027–2030');
    await expect(respondent.getByTestId('hearing.deadline')).toContainText(/Høringsfrist: \d+\. \w+ \d{4} kl\. 12\.00/);
    await expect(respondent.getByTestId('hearing.deadline-left')).toHaveText(/\d+ dager igjen/);
    await expect(respondent.getByTestId('hearing.toc').getByRole('listitem')).not.toHaveCount(0);
    await expect(respondent).toHaveURL(link);
    expect(await seriousViolations(respondent)).toEqual([]);
  });

  // Section 7, numbered as a reader cites it (section 2 mentions skrøpelige eldre too).
  const seven = respondent
    .getByTestId('hearing.section')
    .filter({ has: respondent.getByRole('heading', { level: 2, name: `7 ${SECTION}`, exact: true }) });
  await test.step('the respondent quotes a passage of section 7 and proposes new wording; the draft survives a reload', async () => {
    await expect(seven).toHaveCount(1);
    await selectPhrase(seven.locator('[data-hearing-section]'), QUOTE);
    await seven.getByTestId('hearing.comment-selection').click();
    await expect(seven.getByTestId('hearing.remark-quote')).toHaveValue(QUOTE);
    await expect(seven.getByTestId('hearing.remark-text')).toBeFocused();
    await seven.getByTestId('hearing.remark-text').fill('Eldrerådet mener at kontaktperson alene ikke er nok.');
    await seven.getByTestId('hearing.remark-propose').check();
    await seven.getByTestId('hearing.remark-proposed').fill(PROPOSAL);
    await respondent.getByLabel('På vegne av en organisasjon').check();
    await respondent.getByTestId('hearing.name').fill('Anne Eldre');
    await respondent.getByTestId('hearing.organisation').fill('Eldrerådet i Demo kommune');
    await respondent.getByTestId('hearing.email').fill('eldreradet@demo.example');
    await respondent.getByTestId('hearing.statement').fill('Eldrerådet støtter planen, med én merknad.');
    await expect(respondent.getByTestId('hearing.draft-status')).toContainText(
      'Utkastet ditt er lagret i denne nettleseren.',
    );
    await expect(respondent.getByTestId('hearing.public-notice')).toContainText('offentlige dokumenter');
    expect(await seriousViolations(respondent)).toEqual([]);

    await respondent.reload();
    await expect(seven.getByTestId('hearing.remark-proposed')).toHaveValue(PROPOSAL);
    await expect(respondent.getByTestId('hearing.name')).toHaveValue('Anne Eldre');
    await expect(respondent.getByTestId('hearing.draft-status')).toContainText('hentet det fram');
  });

  let reference = '';
  await test.step('the respondent acknowledges that responses are public, submits, and gets a receipt', async () => {
    await respondent.getByTestId('hearing.submit').click();
    // Not sent before the respondent has confirmed the response is public.
    await expect(respondent.getByText('Bekreft at du har lest at svaret er offentlig.')).toBeVisible();
    await respondent.getByTestId('hearing.acknowledge').check();
    await respondent.getByTestId('hearing.submit').click();
    await expect(respondent.getByTestId('hearing.receipt')).toBeVisible();
    reference = (await respondent.getByTestId('hearing.receipt-reference').textContent()) ?? '';
    expect(reference).not.toBe('');
    await expect(respondent.getByTestId('hearing.receipt')).toContainText('1 merknad');
    await expect(respondent.getByTestId('hearing.receipt-download')).toHaveAttribute('href', /.+/);
    expect(await seriousViolations(respondent)).toEqual([]);
    // Published responses are listed only after the deadline (the sekretariat's choice here).
    await expect(respondent.getByTestId('hearing.responses')).toContainText('når fristen har gått ut');
    // The draft is gone once sent.
    await respondent.reload();
    await expect(respondent.getByTestId('hearing.name')).toHaveValue('');
  });

  await test.step('the sekretariat sees the response arrive on the workbench without reloading', async () => {
    const response = sekretariat.getByTestId('workbench.response');
    await expect(response).toHaveCount(1);
    await expect(response).toHaveAttribute('data-reference', reference);
    await expect(response).toContainText('Eldrerådet i Demo kommune');
    await expect(response.getByTestId('workbench.proposal')).toContainText(PROPOSAL);
    await expect(sekretariat.getByTestId('workbench.progress')).toContainText('0 av 1 innspill vurdert');
    await expect(sekretariat.getByTestId('workbench.toc-item').filter({ hasText: SECTION })).toContainText(
      '0 av 1 vurdert',
    );
    expect(await seriousViolations(sekretariat)).toEqual([]);
  });

  await test.step('the owner of section 7 applies the wording to the live text and assesses the remark', async () => {
    await kommune.goto(planUrl);
    await kommune.getByTestId('plan.hearings').click();
    await kommune.getByTestId('hearings.workbench').click();
    const remark = kommune.getByTestId('workbench.remark');
    await remark.getByTestId('workbench.apply').click();
    await expect(remark.getByTestId('workbench.applied')).toBeVisible();
    await remark.getByLabel('Delvis tatt til følge').check();
    await remark
      .getByTestId('workbench.justification')
      .fill('Individuell plan tas inn; kontaktperson beholdes som minstekrav.');
    await remark.getByTestId('workbench.save-assessment').click();
    await expect(remark.getByTestId('workbench.assessment')).toContainText('Delvis tatt til følge');
    await expect(kommune.getByTestId('workbench.progress')).toContainText('1 av 1 innspill vurdert');
    // The sekretariat's workbench follows, live.
    await expect(sekretariat.getByTestId('workbench.progress')).toContainText('1 av 1 innspill vurdert');

    await kommune.goto(planUrl);
    const card = await section(kommune, SECTION);
    await expect.poll(() => editorText(card)).toContain(PROPOSAL);
  });

  await test.step('the høringsoppsummering downloads as a Word file, and its page lists the remark', async () => {
    // The file itself, not the download event: a download of an error page would pass that.
    const href = (await sekretariat.getByTestId('workbench.summary').getAttribute('href')) ?? '';
    const res = await sekretariat.request.get(href);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    await sekretariat.getByTestId('workbench.summary-page').click();
    await expect(sekretariat.getByRole('heading', { level: 1 })).toContainText('Høringsoppsummering');
    await expect(sekretariat.getByText(PROPOSAL).first()).toBeVisible();
  });
});
