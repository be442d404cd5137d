import { DEMO, expect, highlightedText, openDemoPlan, section, test } from '../fixtures/app.js';
import { seriousViolations } from '../fixtures/axe.js';

test('the login page has no serious or critical WCAG 2.1 AA violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the plan page has no serious or critical WCAG 2.1 AA violations, editable or read-only', async ({ loginAs }) => {
  const page = await loginAs(DEMO.kommune);
  await openDemoPlan(page);
  await section(page, 'Innledning og mandat'); // read-only for kommune
  await section(page, 'Kunnskapsgrunnlag og utfordringsbilde'); // editable, with toolbar
  expect(await seriousViolations(page)).toEqual([]);
});

test('the login form works with the keyboard alone', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Logg inn' })).toBeVisible();
  await page.keyboard.press('Tab'); // skip link
  await expect(page.getByRole('link', { name: 'Hopp til hovedinnhold' })).toBeFocused();
  await page.getByLabel('E-postadresse').focus();
  await page.keyboard.type(DEMO.bruker);
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Mine planer' })).toBeVisible();
});

test('consensus controls with the note field, and the decision log, have no serious or critical violations', async ({
  loginAs,
}) => {
  const page = await loginAs(DEMO.kommune);
  await openDemoPlan(page);
  // A section with text: no stance is offered on an empty one ([C5]).
  const card = await section(page, 'Samarbeidsstruktur og organisering');
  await card.getByTestId('mark.reservation').click();
  await expect(card.getByTestId('mark.note')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await card.getByTestId('mark.note').fill('Forbehold om politisk behandling i kommunestyret');
  await card.getByTestId('mark.save').click();
  await expect(card.locator('[data-testid="consensus.chip"][data-stance="reservation"]')).toHaveCount(1);
  // The chip's details are reachable by keyboard: focus shows them.
  await card.locator('[data-testid="consensus.chip"][data-stance="reservation"]').focus();
  await expect(page.getByText('Merknad: Forbehold om politisk behandling i kommunestyret')).toBeVisible();

  await page.getByTestId('summary.log').click();
  await expect(page.getByTestId('audit.verification')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('comment threads, the composer and the filter have no serious or critical violations', async ({ loginAs }) => {
  const page = await loginAs(DEMO.bruker);
  await openDemoPlan(page);
  const card = await section(page, 'Økonomi og samhandlingsbudsjett');
  await card.getByTestId('section.comment').click();
  await card.getByTestId('thread.create.body').fill('Hvem dekker utgiftene? @Demo HF');
  await card.getByTestId('thread.create.submit').click();
  await expect(card.getByTestId('thread')).toHaveCount(1);
  await card.getByTestId('thread.reply-open').click();
  await card.getByTestId('thread.reply.body').fill('@Ola');
  await expect(card.getByRole('button', { name: '@Ola Hansen' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a keyboard-only user comments on a paragraph of a read-only section', async ({ loginAs }) => {
  const page = await loginAs(DEMO.bruker);
  await openDemoPlan(page);
  const card = await section(page, 'Nasjonale og lokale føringer'); // read-only for the bruker
  await card.getByTestId('section.comment').focus();
  await page.keyboard.press('Enter');
  const target = card.getByTestId('thread.create.target');
  await target.focus();
  await target.selectOption({ index: 1 }); // the first paragraph
  await card.getByTestId('thread.create.body').focus();
  await page.keyboard.type('Er § 6-2 riktig henvisning?');
  await card.getByTestId('thread.create.submit').focus();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('thread')).toContainText('Er § 6-2 riktig henvisning?');
  await expect
    .poll(() => highlightedText(card))
    .toBe(
      'Helse- og omsorgstjenesteloven § 6-2 krever at samarbeidsavtalen mellom kommunen og helseforetaket beskriver hvordan partene skal planlegge og utvikle tjenester sammen.',
    );
});
