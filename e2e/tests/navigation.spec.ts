import type { Page } from '@playwright/test';
import { apiAs, DEMO, expect, openDemoPlan, section, test } from '../fixtures/app.js';
import { seriousViolations } from '../fixtures/axe.js';
import { pdfText } from '../fixtures/pdfText.js';

/** What a person sees at the sizes the plan is used at: desk, phone, and a desk at 200 % zoom. */
const SIZES = [
  { name: '1440×900', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  { name: '390×844 phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  // 200 % zoom halves the CSS pixels a 1440×900 window has.
  { name: '200 % zoom', viewport: { width: 720, height: 450 }, deviceScaleFactor: 2 },
] as const;

const TARGET = 'Barn og unge'; // section 5

/** The part of the window the sticky header covers (0 where it scrolls away). */
async function headerBottom(page: Page): Promise<number> {
  return page.locator('.app-header').evaluate((header) => {
    const box = header.getBoundingClientRect();
    return getComputedStyle(header).position === 'sticky' ? Math.max(0, box.bottom) : 0;
  });
}

async function expectHeadingAtTop(page: Page, title: string): Promise<void> {
  const heading = page.getByTestId('plan.section').getByRole('heading', { name: title, exact: false }).first();
  await expect
    .poll(
      async () => {
        const box = await heading.boundingBox();
        const covered = await headerBottom(page);
        const height = page.viewportSize()?.height ?? 0;
        // Its top is visible below the header, in the upper part of the window.
        return box !== null && box.y >= covered - 1 && box.y <= covered + height * 0.25;
      },
      { message: `«${title}» heading at the top of the window, below the header` },
    )
    .toBe(true);
}

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

    test('the contents land on the section heading, and mark it as current', async ({ loginAs }) => {
      const page = await loginAs(DEMO.hf);
      await page.setViewportSize(size.viewport);
      await openDemoPlan(page);
      const toc = page.getByTestId('plan.toc');
      if (size.viewport.width < 960) {
        // On a narrow screen the contents are folded and the text comes first.
        await expect(toc.getByTestId('toc.item').first()).toBeHidden();
        const firstSection = await page.getByTestId('plan.section').first().boundingBox();
        expect(firstSection?.y ?? Infinity).toBeLessThan(size.viewport.height * 2.5);
        await toc.getByTestId('toc.toggle').click();
      }
      const item = toc.getByTestId('toc.item').filter({ hasText: TARGET }).first();
      await expect(item).toContainText('Utkast'); // status in words, not only a colour
      await expect(item.getByTestId('toc.ours')).toBeVisible(); // hf owns «Barn og unge»
      await item.click();
      await expectHeadingAtTop(page, `5 ${TARGET}`);
      await expect(page).toHaveURL(/#section-/);
      // Focus follows the jump, for keyboard and screen-reader users.
      await expect(page.getByRole('heading', { name: `5 ${TARGET}` })).toBeFocused();
      if (size.viewport.width >= 960) {
        await expect(toc.getByTestId('toc.item').filter({ hasText: TARGET })).toHaveAttribute(
          'aria-current',
          'location',
        );
      }
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a link to a section opens at that section', async ({ loginAs, baseURL }) => {
      const page = await loginAs(DEMO.bruker);
      await page.setViewportSize(size.viewport);
      await openDemoPlan(page);
      const sectionId = await page
        .getByTestId('plan.section')
        .filter({ has: page.getByRole('heading', { name: 'Brukermedvirkning' }) })
        .getAttribute('data-section-id');
      const planUrl = page.url().replace(/#.*$/, '');
      const other = await loginAs(DEMO.bruker);
      await other.setViewportSize(size.viewport);
      await other.goto(`${planUrl}#section-${sectionId}`);
      await expectHeadingAtTop(other, '12 Brukermedvirkning');
      expect(baseURL).toBeTruthy();
    });
  });
}

test('a link to a comment thread opens the section with the thread active and focused', async ({
  loginAs,
  baseURL,
  playwright,
}) => {
  const api = await apiAs(playwright, baseURL ?? '', DEMO.kommune);
  const plans = (await (await api.get('/api/plans')).json()) as { id: string }[];
  const planId = plans[0]?.id ?? '';
  const plan = (await (await api.get(`/api/plans/${planId}`)).json()) as { sections: { id: string; title: string }[] };
  const target = plan.sections.find((s) => s.title === 'Økonomi og samhandlingsbudsjett');
  const created = await api.post('/api/commands/threads.create', {
    data: { sectionId: target?.id, body: 'Hvem dekker egenandelen i samhandlingsbudsjettet?' },
  });
  expect(created.ok()).toBe(true);
  const { id: threadId } = (await created.json()) as { id: string };

  const page = await loginAs(DEMO.hf);
  await page.goto(`/plans/${planId}#thread-${threadId}`);
  const thread = page.locator(`[data-thread-id="${threadId}"]`);
  await expect(thread).toBeFocused();
  await expect(thread).toBeInViewport();
  await expect(thread).toContainText('Hvem dekker egenandelen');
  await api.dispose();
});

test('the views show what asks something of us; disagreement notes are visible, not only on hover', async ({
  loginAs,
}) => {
  const page = await loginAs(DEMO.fastlege);
  await openDemoPlan(page);
  // The fastleger own three sections and are required on some.
  await page.getByTestId('view.ours').click();
  await expect(page).toHaveURL(/vis=ours/);
  await expect(page.getByTestId('plan.section')).toHaveCount(
    Number(await page.getByTestId('view.ours').getAttribute('data-count')),
  );
  await expect(page.getByTestId('plan.toc').getByTestId('toc.item')).toHaveCount(
    await page.getByTestId('plan.section').count(),
  );
  const card = page.getByTestId('plan.section').filter({ hasText: 'Barn og unge med sammensatte behov' });
  await card.scrollIntoViewIfNeeded();
  await card.getByTestId('mark.disagree').click();
  await card.getByTestId('mark.note').fill('Legevaktsamarbeidet må beskrives før vi kan slutte oss til teksten');
  await card.getByTestId('mark.save').click();
  await page.getByTestId('view.disputed').click();
  const disputed = page.getByTestId('plan.section');
  await expect(disputed).toHaveCount(1);
  await expect(disputed.getByTestId('consensus.note')).toContainText('Legevaktsamarbeidet må beskrives');
  await expect(disputed.getByTestId('consensus.note')).toBeVisible();
  await page.getByTestId('view.all').click();
  await expect(page.getByTestId('plan.section')).toHaveCount(14);
});

test('printing gives every section full text, numbered, with status, and no controls', async ({
  loginAs,
  baseURL,
  playwright,
}) => {
  // The last section gets text from its owner, so it is far from where the reader's page opens.
  const LAST = 'Oppfølging, evaluering og årsrapport';
  const writer = await loginAs(DEMO.sekretariat);
  await openDemoPlan(writer);
  const last = await section(writer, LAST);
  await last.getByTestId('section.editor').click();
  await writer.keyboard.type('Sekretariatet legger fram en årsrapport for partnerskapsmøtet hver vår.');

  const api = await apiAs(playwright, baseURL ?? '', DEMO.kommune);
  const plans = (await (await api.get('/api/plans')).json()) as { id: string }[];
  const bodiesUrl = `/api/plans/${plans[0]?.id ?? ''}/contents`;
  await expect
    .poll(async () => JSON.stringify(await (await api.get(bodiesUrl)).json()))
    .toContain('årsrapport for partnerskapsmøtet');
  const bodies = (await (await api.get(bodiesUrl)).json()) as { json: unknown }[];
  await api.dispose();
  // Every paragraph, heading and list item of every section. The PDF's text comes in pieces in
  // painting order, so blocks are compared one by one, without spaces.
  const texts = bodies.flatMap((body) => blocksOf(body.json)).map((text) => text.replace(/\s+/g, ''));
  expect(texts.length).toBeGreaterThanOrEqual(15);

  const page = await loginAs(DEMO.kommune);
  await openDemoPlan(page);
  await expect(page.getByTestId('section.static').last()).toBeAttached();
  await page.emulateMedia({ media: 'print' });
  const printed = (await pdfText(await page.pdf({ format: 'A4' }))).join(' ');
  const compact = printed.replace(/\s+/g, '');
  for (const text of texts) expect(compact).toContain(text);
  expect(compact).toContain('14Oppfølging,evalueringogårsrapport');
  expect(printed).toContain('Utkast');
  for (const control of ['Logg ut', 'Kommenter', 'Vårt standpunkt', 'Skriv ut planen', 'Alle seksjoner'])
    expect(printed).not.toContain(control);
});

/** The text of each paragraph and heading (list items and cells hold paragraphs). */
function blocksOf(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const { type, content } = node as { type?: unknown; content?: unknown };
  if (type === 'paragraph' || type === 'heading') return [textOf(node)].filter(Boolean);
  return Array.isArray(content) ? content.flatMap(blocksOf) : [];
}

function textOf(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const { text, content } = node as { text?: unknown; content?: unknown };
  return (typeof text === 'string' ? text : '') + (Array.isArray(content) ? content.map(textOf).join('') : '');
}
