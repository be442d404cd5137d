import type { APIRequestContext, Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apiAs, DEMO, expect, openDemoPlan, section, test } from '../fixtures/app.js';
import { seriousViolations } from '../fixtures/axe.js';

const SECTION = 'Barn og unge'; // 5 in the demo plan; owned by kommune, HF and fastlegene; has text
const EMPTY = 'Skrøpelige eldre'; // 7; no text in the demo plan
const NOTE = 'Forutsetter at brukerrådet deltar i forløpsarbeidet';

interface PlanApi {
  id: string;
  sections: { id: string; title: string; revision: string }[];
}

async function demoPlan(request: APIRequestContext): Promise<PlanApi> {
  const plans = (await (await request.get('/api/plans')).json()) as { id: string }[];
  const id = plans[0]?.id ?? '';
  return (await (await request.get(`/api/plans/${id}`)).json()) as PlanApi;
}

/** All the text of a PDF, page after page. */
async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    // Chromium writes a line as several runs; pdf.js marks where a line ends.
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join(''));
  }
  return pages.join('\n').replace(/\s+/g, ' ');
}

/** The log page, loaded again until it shows the event: the text change is logged shortly after the edit. */
async function openLogUntil(page: Page, planId: string, text: string): Promise<void> {
  await expect(async () => {
    await page.goto(`/plans/${planId}/logg`);
    await expect(page.getByTestId('audit.event').filter({ hasText: text })).toHaveCount(1, { timeout: 2_000 });
  }).toPass();
}

test('the decision log tells a board what happened in plain Norwegian, filters, prints and verifies', async ({
  loginAs,
  playwright,
  baseURL,
}) => {
  test.slow();
  const api = {
    hf: await apiAs(playwright, baseURL ?? '', DEMO.hf),
    bruker: await apiAs(playwright, baseURL ?? '', DEMO.bruker),
  };
  const plan = await demoPlan(api.hf);
  const target = plan.sections.find((s) => s.title === SECTION);
  const empty = plan.sections.find((s) => s.title === EMPTY);
  if (!target || !empty) throw new Error('demo plan without the expected sections');

  const kommune = await loginAs(DEMO.kommune);
  await openDemoPlan(kommune);

  await test.step('no stance on an empty section: refused by the server, not offered on the page', async () => {
    const refused = await api.hf.post('/api/commands/sections.mark', {
      data: { sectionId: empty.id, stance: 'agree' },
    });
    expect(refused.status()).toBe(409);
    expect((await refused.json()) as unknown).toMatchObject({ error: { code: 'section_empty' } });
    const card = await section(kommune, EMPTY);
    await expect(card.getByTestId('mark.agree')).toHaveCount(0);
    await expect(card.getByTestId('mark.empty')).toContainText('når seksjonen har fått tekst');
  });

  await test.step('three parties take their stance; then the kommune changes the text', async () => {
    const card = await section(kommune, SECTION);
    await card.getByTestId('mark.agree').click();
    await expect(card.getByTestId('mark.agree')).toHaveAttribute('aria-pressed', 'true');
    const { revision } = (await demoPlan(api.hf)).sections.find((s) => s.id === target.id) ?? target;
    for (const [request, body] of [
      [api.hf, { stance: 'agree' }],
      [api.bruker, { stance: 'reservation', note: NOTE }],
    ] as const) {
      const res = await request.post('/api/commands/sections.mark', {
        data: { sectionId: target.id, revision, ...body },
      });
      expect(res.status()).toBe(200);
    }
    await expect(
      card.locator('[data-testid="consensus.chip"][data-stale="false"]:not([data-stance="none"])'),
    ).toHaveCount(3);
    await card.getByTestId('section.editor').click();
    await kommune.keyboard.press('Control+End');
    await kommune.keyboard.type(' Skolehelsetjenesten er med.');
    await expect(card.locator('[data-testid="consensus.chip"][data-stale="true"]')).toHaveCount(3);
  });

  const changed =
    'Teksten i 5 Barn og unge ble endret av Demo kommune (Kari Nordmann) etter at 3 parter var enige (Demo kommune, Demo HF og Brukerrådet)';
  await test.step('every event is one sentence naming its section; the check is said in plain words', async () => {
    await openLogUntil(kommune, plan.id, changed);
    const events = kommune.getByTestId('audit.event');
    // Exactly one event for the whole typed sentence, not one per keystroke.
    await expect(events.filter({ hasText: 'Teksten i 5 Barn og unge ble endret' })).toHaveCount(1);
    await expect(
      events.filter({ hasText: `Brukerrådet (Per Johansen) var enig med forbehold i 5 ${SECTION}: «${NOTE}»` }),
    ).toHaveCount(1);
    await expect(events.filter({ hasText: `Demo HF (Ola Hansen) var enig i 5 ${SECTION}` })).toHaveCount(1);
    await expect(events.filter({ hasText: `Demo kommune (Kari Nordmann) var enig i 5 ${SECTION}` })).toHaveCount(1);
    for (const text of await events.allTextContents())
      expect(text).not.toMatch(/\b(section|thread|comment|plan)\.[a-z_]+/);
    await expect(kommune.getByTestId('audit.verification-line')).toHaveText(
      /^Loggen er kontrollert: alle \d+ hendelser er uendret siden de ble skrevet\.$/,
    );
    // The technique is there for whoever asks, folded away from the line a board reads.
    await expect(kommune.getByTestId('audit.verification').locator('details')).not.toHaveAttribute('open');
    await expect(kommune.locator('details summary')).toHaveText('Teknisk om kontrollen');
    expect(await seriousViolations(kommune)).toEqual([]);
  });

  await test.step('filters by party, kind, section and date', async () => {
    const events = kommune.getByTestId('audit.event');
    const total = await events.count();
    await kommune.getByLabel('Part', { exact: true }).selectOption({ label: 'Brukerrådet' });
    await expect(events).toHaveCount(1);
    await expect(events).toContainText('var enig med forbehold');
    await kommune.getByLabel('Part', { exact: true }).selectOption({ label: 'Alle' });
    await kommune.getByLabel('Type hendelse').selectOption({ label: 'Tekstendringer etter standpunkt' });
    await expect(events).toHaveCount(1);
    await expect(events).toContainText(changed);
    await kommune.getByLabel('Type hendelse').selectOption({ label: 'Standpunkter' });
    await expect(events).toHaveCount(3);
    await kommune.getByLabel('Seksjon', { exact: true }).selectOption({ label: `7 ${EMPTY}` });
    await expect(events).toHaveCount(0);
    await expect(kommune.getByText('Ingen hendelser.')).toBeVisible();
    await kommune.getByLabel('Seksjon', { exact: true }).selectOption({ label: 'Alle' });
    await kommune.getByLabel('Type hendelse').selectOption({ label: 'Alle' });
    await expect(events).toHaveCount(total);
    await kommune.getByLabel('Fra og med dato').fill('2099-01-01');
    await expect(events).toHaveCount(0);
    await kommune.getByLabel('Fra og med dato').fill('');
    await expect(events).toHaveCount(total);
    await expect(kommune.getByTestId('audit.count')).toHaveText(`Viser ${total} av ${total} hendelser.`);
  });

  await test.step('prints as meeting papers: the sentences, no header, filters or buttons', async () => {
    await kommune.getByLabel('Part', { exact: true }).selectOption({ label: 'Brukerrådet' });
    await kommune.emulateMedia({ media: 'print' });
    await expect(kommune.getByTestId('audit.filters')).toBeHidden();
    await expect(kommune.getByTestId('audit.print')).toBeHidden();
    await expect(kommune.locator('.app-header')).toBeHidden();
    await expect(kommune.getByTestId('audit.printed')).toBeVisible();
    const text = await pdfText(await kommune.pdf({ format: 'A4' }));
    await kommune.emulateMedia({ media: 'screen' });
    expect(text).toContain('Beslutningslogg');
    expect(text).toContain('Felles utviklingsplan 2027–2030');
    expect(text).toMatch(/Skrevet ut \d\d\.\d\d\.\d{4}/);
    expect(text).toContain('Utvalg: Part: Brukerrådet');
    expect(text).toContain('var enig med forbehold i 5 Barn og unge');
    expect(text).not.toContain('Demo HF (Ola Hansen) var enig');
    for (const control of [
      'Skriv ut / lagre som PDF',
      'Type hendelse',
      'Fra og med dato',
      'Logg ut',
      'Teknisk om kontrollen',
    ])
      expect(text).not.toContain(control);
  });

  await test.step('the print button asks the browser to print', async () => {
    await kommune.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await kommune.getByRole('button', { name: 'Skriv ut / lagre som PDF' }).click();
    expect(await kommune.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });

  await test.step('an empty login form asks for the e-mail address in Norwegian', async () => {
    const context = await kommune.context().browser()?.newContext({ baseURL });
    if (!context) throw new Error('no browser');
    const person = await context.newPage();
    await person.goto('/login');
    await person.getByRole('button', { name: 'Logg inn' }).click();
    await expect(person.getByTestId('login.error')).toHaveText(/Fyll inn e-postadresse\./);
    await expect(person.getByTestId('login.error')).not.toContainText('email');
    await context.close();
  });
  await api.hf.dispose();
  await api.bruker.dispose();
});
