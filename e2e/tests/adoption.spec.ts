import type { Page } from '@playwright/test';
import { apiAs, DEMO, expect, openDemoPlan, test } from '../fixtures/app.js';
import { seriousViolations } from '../fixtures/axe.js';

const VERSION = 'Endelig plan til vedtak';

/** A party's person opens the Vedtak page from the plan and records their own body's decision. */
async function recordOwnDecision(page: Page, party: string, body: string, caseNumber: string): Promise<void> {
  await openDemoPlan(page);
  await expect(page.getByTestId('adoption.status')).toContainText('Vedtatt av');
  await page.getByTestId('plan.adoption').click();
  await expect(page.getByTestId('adoption.page')).toBeVisible();
  const row = page.getByTestId('adoption.row').filter({ hasText: party });
  // Only its own row offers the form: the other parties record their own.
  await expect(page.getByTestId('adoption.record')).toHaveCount(1);
  await row.getByRole('button', { name: `Registrer vedtak for ${party}` }).click();
  const dialog = page.getByTestId('adoption.record-dialog');
  await expect(dialog.getByLabel('Vedtaksorgan')).toHaveValue(body);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByLabel('Dato for vedtaket').fill('2027-06-19');
  await dialog.getByLabel('Saksnummer (valgfritt)').fill(caseNumber);
  await dialog.getByLabel('Utfall').selectOption({ label: 'Vedtatt' });
  await dialog.getByTestId('adoption.record.save').click();
  await expect(page.getByTestId('adoption.recorded')).toContainText(`Vedtaket til ${party} er registrert.`);
  await expect(row.getByTestId('adoption.outcome')).toHaveText('Vedtatt');
  await expect(row).toContainText(caseNumber);
}

test('the sekretariat sends a version for adoption, two parties record their decisions, the plan shows the count', async ({
  loginAs,
}) => {
  test.slow();
  const sekretariat = await loginAs(DEMO.sekretariat);
  await openDemoPlan(sekretariat);
  const planUrl = sekretariat.url();

  await test.step('the sekretariat names a version and sends it to the parties', async () => {
    await sekretariat.getByTestId('plan.versions').click();
    await sekretariat.getByLabel('Navn på versjonen').fill(VERSION);
    await sekretariat.getByTestId('versions.save').click();
    await expect(sekretariat.getByTestId('versions.saved')).toContainText(VERSION);
    await sekretariat.getByTestId('versions.adoption').click();
    await expect(sekretariat.getByTestId('adoption.none')).toBeVisible();
    await sekretariat.getByLabel('Versjon', { exact: true }).selectOption({ index: 1 });
    await sekretariat.getByLabel('Merknad til partene (valgfritt)').fill('Vedtak innen 1. juli');
    await sekretariat.getByTestId('adoption.send').click();
    await expect(sekretariat.getByTestId('adoption.sent')).toContainText(VERSION);
    await expect(sekretariat.getByTestId('adoption.row')).toHaveCount(4);
    await expect(sekretariat.getByTestId('adoption.status')).toContainText('Vedtatt av 0 av 4 parter');
    expect(await seriousViolations(sekretariat)).toEqual([]);
  });

  await sekretariat.goto(planUrl);
  await expect(sekretariat.getByTestId('adoption.status')).toContainText('Vedtatt av 0 av 4 parter');

  await test.step('Demo kommune records its kommunestyre’s decision', async () => {
    const kommune = await loginAs(DEMO.kommune);
    await recordOwnDecision(kommune, 'Demo kommune', 'Kommunestyret', '2027/45');
  });
  await test.step('Demo HF records its board’s decision', async () => {
    const hf = await loginAs(DEMO.hf);
    await recordOwnDecision(hf, 'Demo HF', 'Styret i HF', 'Sak 028-2027');
  });

  await test.step('the sekretariat’s open plan page shows the count live, and the plan list too', async () => {
    await expect(sekretariat.getByTestId('adoption.status')).toContainText('Vedtatt av 2 av 4 parter');
    await expect(sekretariat.getByTestId('adoption.text-changed')).toHaveCount(0);
    await sekretariat.goto('/plans');
    await expect(sekretariat.getByTestId('plans.adoption')).toHaveText('Vedtatt av 2 av 4 parter');
  });
});

test('the høringsoppsummering shows every remark by section and downloads as Word and CSV', async ({
  loginAs,
  playwright,
  baseURL,
}) => {
  const api = await apiAs(playwright, baseURL ?? '', DEMO.sekretariat);
  const plans = (await (await api.get('/api/plans')).json()) as { id: string }[];
  const planId = plans[0]?.id ?? '';
  const plan = (await (await api.get(`/api/plans/${planId}`)).json()) as { sections: { id: string; title: string }[] };
  const deadline = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  const published = await api.post('/api/commands/hearings.publish', {
    data: { planId, title: 'Høring om utviklingsplanen', deadline, intro: 'Vi ber om innspill.' },
  });
  expect(published.ok(), await published.text()).toBe(true);
  const { id: hearingId, publicToken } = (await published.json()) as { id: string; publicToken: string };
  const section = plan.sections[6];
  const response = await playwright.request.newContext({ baseURL });
  const sent = await response.post(`/api/public/hearings/${publicToken}/responses`, {
    data: {
      respondent: { name: 'Eldrerådet i Bergen', organisation: 'Eldrerådet', email: 'eldreradet@example.no' },
      statement: 'Eldrerådet støtter planen.',
      remarks: [
        { sectionId: section?.id, text: 'Eldreråd må være med i samhandlingen.', proposedText: 'Eldreråd deltar.' },
      ],
    },
  });
  expect(sent.ok(), await sent.text()).toBe(true);

  const page = await loginAs(DEMO.kommune);
  await page.goto(`/plans/${planId}/horinger/${hearingId}/oppsummering`);
  await expect(page.getByTestId('hearing-summary.page')).toBeVisible();
  const remark = page.getByTestId('hearing-summary.remark');
  await expect(remark).toContainText('Eldreråd må være med i samhandlingen.');
  await expect(remark).toContainText('Vurdering: Ikke vurdert');
  await expect(page.getByRole('heading', { name: `7 ${section?.title}` })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  for (const [testId, name] of [
    ['hearing-summary.docx', /\.docx$/],
    ['hearing-summary.csv', /\.csv$/],
  ] as const) {
    const download = page.waitForEvent('download');
    await page.getByTestId(testId).click();
    expect((await download).suggestedFilename()).toMatch(name);
  }
});
