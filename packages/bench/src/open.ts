import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * Opening a plan as the page does: one socket carrying a provider per section; the time from
 * the first byte until every section has synced.
 */
export async function openAllSections(url: string, documentNames: string[], token: string): Promise<number> {
  const started = performance.now();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  const providers = documentNames.map(
    (name) => new HocuspocusProvider({ name, document: new Y.Doc(), token, websocketProvider: socket }),
  );
  try {
    await Promise.all(
      providers.map(
        (provider) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${provider.configuration.name} did not sync`)), 30_000);
            provider.on('synced', () => {
              clearTimeout(timer);
              resolve();
            });
            provider.attach();
          }),
      ),
    );
    return performance.now() - started;
  } finally {
    for (const provider of providers) {
      provider.destroy();
      provider.document.destroy();
    }
    socket.destroy();
  }
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The plan page in Debian's Chromium, from the built client the server serves: a fresh context
 * (empty cache) per run, logged in over the API. Interactive = every section card is on the
 * page and the first section's editor takes input (contenteditable), by the page's own clock
 * from navigation start. The first run warms the server and Chromium and is not counted.
 */
export async function pageInteractive(base: string, planId: string, sections: number, runs: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const samples: number[] = [];
  try {
    for (let run = 0; run <= runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const login = await context.request.post(`${base}/api/session`, {
          data: { email: 'kommune@demo.no', password: 'demo' },
        });
        if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
        const page = await context.newPage();
        await page.goto(`${base}/plans/${planId}`, { waitUntil: 'commit' });
        const handle = await page.waitForFunction(
          (expected) => {
            const cards = document.querySelectorAll('[data-testid="plan.section"]');
            if (cards.length < expected) return false;
            const editable = cards[0]?.querySelector('[contenteditable="true"]');
            return editable ? performance.now() : false;
          },
          sections,
          { polling: 'raf', timeout: 60_000 },
        );
        const ms = (await handle.jsonValue()) as number;
        if (run > 0) samples.push(ms);
      } finally {
        await context.close();
      }
    }
    return samples;
  } finally {
    await browser.close();
  }
}
