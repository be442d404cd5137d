import { readFile } from 'node:fs/promises';
import { buildPlanDocx, readDocx, sourceSections } from '../../server/src/testing/planDocx.js';
import { DEMO, expect, openDemoPlan, test } from '../fixtures/app.js';
import { seriousViolations } from '../fixtures/axe.js';
import { pdfText } from '../fixtures/pdfText.js';

test('«Last ned Word» and «Last ned PDF» download the plan as files that open, with its sections', async ({
  loginAs,
}) => {
  const page = await loginAs(DEMO.kommune);
  await openDemoPlan(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan.export-docx').click()]);
  // The browser takes the UTF-8 name (filename*), en dash and all.
  expect(download.suggestedFilename()).toBe('Felles-utviklingsplan-2027–2030.docx');
  const { html, text } = await readDocx(await readFile(await download.path()));
  expect(text).toContain('Felles utviklingsplan 2027–2030');
  expect(html).toMatch(/<h1>(<a id="_Toc\d+"><\/a>)?1 Innledning og mandat<\/h1>/);
  expect(html).toMatch(/<h1>(<a id="_Toc\d+"><\/a>)?14 Oppfølging, evaluering og årsrapport<\/h1>/);

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan.export-pdf').click()]);
  expect(pdf.suggestedFilename()).toBe('Felles-utviklingsplan-2027–2030.pdf');
  const pages = await pdfText(await readFile(await pdf.path()));
  expect(pages[0]).toContain('Felles utviklingsplan 2027–2030');
  expect(pages.join(' ')).toContain('1 Innledning og mandat');
});

test('«Importer fra Word»: choose a file, see the proposed sections, create the plan, land on its structure page', async ({
  loginAs,
}) => {
  test.setTimeout(120_000);
  const page = await loginAs(DEMO.sekretariat);
  await page.goto('/admin/planer');
  const form = page.getByTestId('adminPlans.create');
  await form.getByLabel('Tittel').fill('Utviklingsplan 2031–2034');
  await form.getByLabel('Importer fra Word').check();
  await form.getByLabel('Word-dokument (.docx)').setInputFiles({
    name: 'utviklingsplan.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await buildPlanDocx({ introduction: 'Denne planen bygger på forrige periode.', image: true }),
  });
  await form.getByTestId('wordImport.preview').click();
  const titles = ['Innledning', ...sourceSections().map((s) => s.title)];
  await expect(form.getByTestId('wordImport.section')).toHaveCount(titles.length);
  for (const [index, title] of titles.entries()) {
    await expect(form.getByTestId('wordImport.section').nth(index)).toContainText(title);
  }
  await expect(form.getByTestId('wordImport.warning')).toContainText('1 bilde i dokumentet tas ikke med.');
  expect(await seriousViolations(page)).toEqual([]);
  await expect(form.getByLabel('Eier av seksjonene')).toHaveValue(/.+/);
  await form.getByTestId('adminPlans.create.submit').click();

  await expect(page.getByTestId('structure.page')).toBeVisible();
  await expect(page.getByTestId('structure.created')).toBeVisible();
  await expect(page.getByTestId('structure.title')).toHaveText(titles);
});

test('a file that is no Word document gets a clear Norwegian message in the preview', async ({ loginAs }) => {
  const page = await loginAs(DEMO.sekretariat);
  await page.goto('/admin/planer');
  const form = page.getByTestId('adminPlans.create');
  await form.getByLabel('Importer fra Word').check();
  await form.getByLabel('Word-dokument (.docx)').setInputFiles({
    name: 'plan.docx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('dette er ikke et Word-dokument'),
  });
  await form.getByTestId('wordImport.preview').click();
  await expect(form.getByTestId('wordImport.error')).toContainText('kan ikke leses som et Word-dokument');
  await expect(form.getByTestId('wordImport.sections')).toHaveCount(0);
});
