import { DEMO, expect, openDemoPlan, section, test } from '../fixtures/app.js';

test('a user switches to nynorsk and the choice is remembered after reload', async ({ loginAs }) => {
  const page = await loginAs(DEMO.bruker);
  await page.locator('label', { hasText: 'Nynorsk' }).click();
  await expect(page.getByRole('heading', { name: 'Planane mine' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await openDemoPlan(page);
  const card = await section(page, 'Kunnskapsgrunnlag og utfordringsbilde');
  await expect(card.getByTestId('section.readonly-notice')).toHaveText(
    'Berre Demo kommune og Demo HF kan redigere denne seksjonen.',
  );
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Innhald' })).toBeVisible();
  await page.locator('label', { hasText: 'Bokmål' }).click();
  await expect(page.getByRole('navigation', { name: 'Innhold' })).toBeVisible();
});
