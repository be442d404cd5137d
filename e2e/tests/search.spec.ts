import { seriousViolations } from '../fixtures/axe.js';
import { DEMO, expect, openDemoPlan, test } from '../fixtures/app.js';

const LAST = 'Oppfølging, evaluering og årsrapport';

/** Where the revealed passage stands, relative to the viewport, or null when nothing is highlighted. */
function highlightedPassage() {
  const ranges = CSS.highlights.get('search-passage');
  const range = ranges ? [...ranges][0] : undefined;
  if (!(range instanceof Range)) return null;
  const rect = range.getBoundingClientRect();
  return { text: range.toString(), top: rect.top, bottom: rect.bottom, height: window.innerHeight };
}

test('search finds a word only the last section has, without scrolling, and its result shows the passage', async ({
  loginAs,
}) => {
  const page = await loginAs(DEMO.kommune);
  await openDemoPlan(page);
  const last = page.getByTestId('plan.section').filter({ has: page.getByRole('heading', { name: LAST }) });
  // The last section is far below: its editor is not mounted, so the browser's own find cannot see it.
  await expect(last.getByTestId('section.editor')).toHaveCount(0);

  const search = page.getByRole('search', { name: 'Søk i planen' });
  await search.getByLabel('Søk i planen').fill('midtveisevaluering');
  await expect(search.getByRole('status')).toHaveText('1 treff');
  const result = search.getByTestId('search.result');
  await expect(result).toHaveCount(1);
  await expect(result).toContainText('Midtveisevalueringen legges fram');
  expect(await seriousViolations(page)).toEqual([]);

  await result.click();
  await expect(last.locator('.section-editor')).toHaveAttribute('data-synced', 'true');
  await expect.poll(() => page.evaluate(highlightedPassage)).toMatchObject({ text: 'Midtveisevaluering' });
  const passage = await page.evaluate(highlightedPassage);
  expect(passage?.top).toBeGreaterThanOrEqual(0);
  expect(passage?.bottom).toBeLessThanOrEqual(passage?.height ?? 0);
});

test('a comment filter lists its threads with a count, and says so when none match', async ({ loginAs }) => {
  const page = await loginAs(DEMO.fastlege);
  await openDemoPlan(page);
  await page.getByTestId('comments.filter-mine').check();
  await expect(page.getByTestId('comments.filtered-count')).toHaveText('Ingen tråder passer filteret.');
  const bruker = await loginAs(DEMO.bruker);
  const created = await bruker.request.post('/api/commands/threads.create', {
    data: {
      sectionId: await page
        .getByTestId('plan.section')
        .filter({ has: page.getByRole('heading', { name: LAST }) })
        .getAttribute('data-section-id'),
      body: 'Hvem skriver årsrapporten? @Fastlegene',
    },
  });
  expect(created.ok()).toBe(true);
  await page.getByTestId('comments.filter-mine').uncheck();
  await page.getByTestId('comments.filter-mentions').check();
  await expect(page.getByTestId('comments.filtered-count')).toHaveText('1 tråd');
  const item = page.getByTestId('comments.filtered-item');
  await expect(item).toHaveText(`14 ${LAST}: Hvem skriver årsrapporten? @Fastlegene`);
  await item.click();
  const { id } = (await created.json()) as { id: string };
  await expect(page.locator(`[data-thread-id="${id}"]`)).toBeInViewport();
  expect(await seriousViolations(page)).toEqual([]);
});
