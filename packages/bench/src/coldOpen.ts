import { loadavg } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';

/** One open of the plan page, timed by the page's own clock (0 = navigation start). */
export interface OpenSample {
  /** Navigation start → the first section's text is visible. */
  textVisibleMs: number;
  /** Bytes of script that crossed the wire until then (compressed size plus headers). */
  scriptTransferBytes: number;
  /** The same scripts once decoded: what the browser had to parse. */
  scriptDecodedBytes: number;
  scriptRequests: number;
}

export interface ColdOpenResult {
  runs: number;
  loadAverage: number;
  cold: {
    textVisibleMsP50: number;
    scriptTransferBytesP50: number;
    scriptDecodedBytesP50: number;
    scriptRequests: number;
  };
  warmReload: { textVisibleMsP50: number; scriptTransferBytesP50: number };
  samples: { cold: OpenSample[]; warm: OpenSample[] };
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Waits until the first section card shows `words` (the start of its text as the server holds
 * it) and is visible, then reads the clock and the script bytes from Resource Timing.
 */
async function timeFirstText(page: Page, words: string): Promise<OpenSample> {
  const handle = await page.waitForFunction(
    (expected) => {
      const card = document.querySelector('[data-testid="plan.section"]');
      if (!(card instanceof HTMLElement) || !card.innerText.includes(expected)) return false;
      const box = card.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.top >= window.innerHeight) return false;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry): entry is PerformanceResourceTiming => /\.m?js(\?|$)/.test(entry.name));
      return {
        textVisibleMs: performance.now(),
        scriptTransferBytes: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
        scriptDecodedBytes: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
        scriptRequests: scripts.length,
      };
    },
    words,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as OpenSample;
}

/**
 * Cold open of the plan page in Debian's Chromium: each run is a fresh browser context (empty
 * HTTP cache), logged in over the API so the login page does not warm the cache, then the plan
 * URL is opened; a reload in the same context is the warm figure.
 */
export async function measureColdOpen(options: {
  base: string;
  email: string;
  password: string;
  runs: number;
}): Promise<ColdOpenResult> {
  const { base } = options;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const cold: OpenSample[] = [];
    const warm: OpenSample[] = [];
    let planUrl = '';
    let words = '';
    // One extra run first: the server's first plan load and Chromium's own start are not ours.
    for (let run = 0; run <= options.runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const login = await context.request.post(`${base}/api/session`, {
          data: { email: options.email, password: options.password },
        });
        if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
        if (!planUrl) {
          const plans = (await (await context.request.get(`${base}/api/plans`)).json()) as { id: string }[];
          const plan = (await (await context.request.get(`${base}/api/plans/${plans[0]?.id}`)).json()) as {
            sections: { id: string }[];
          };
          const content = (await (
            await context.request.get(`${base}/api/sections/${plan.sections[0]?.id}/content`)
          ).json()) as { text: string };
          planUrl = `${base}/plans/${plans[0]?.id}`;
          // The first words of the first paragraph: in the editor and in any static rendering alike.
          words = content.text.trim().split('\n')[0]?.slice(0, 40) ?? '';
          if (!words) throw new Error('the first section has no text to wait for');
        }
        const page = await context.newPage();
        await page.goto(planUrl, { waitUntil: 'commit' });
        const first = await timeFirstText(page, words);
        await page.reload({ waitUntil: 'commit' });
        const again = await timeFirstText(page, words);
        if (run > 0) {
          cold.push(first);
          warm.push(again);
        }
      } finally {
        await context.close();
      }
    }
    return {
      runs: options.runs,
      loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      cold: {
        textVisibleMsP50: Math.round(median(cold.map((s) => s.textVisibleMs))),
        scriptTransferBytesP50: median(cold.map((s) => s.scriptTransferBytes)),
        scriptDecodedBytesP50: median(cold.map((s) => s.scriptDecodedBytes)),
        scriptRequests: median(cold.map((s) => s.scriptRequests)),
      },
      warmReload: {
        textVisibleMsP50: Math.round(median(warm.map((s) => s.textVisibleMs))),
        scriptTransferBytesP50: median(warm.map((s) => s.scriptTransferBytes)),
      },
      samples: { cold, warm },
    };
  } finally {
    await browser.close();
  }
}
