/**
 * CPU per keystroke of the content check an incoming update gets, the full check against the
 * live one, on a typical section and a 200 KB one. Not a test (numbers, no assertions):
 * `pnpm --filter @fellesplan/server bench:content-check`.
 */
import { CONTENT_FIELD, plainTextToDoc, writeJsonToYDoc } from '@fellesplan/editor';
import * as Y from 'yjs';
import { LiveContentCheck } from './liveContentCheck.js';
import { sectionContentProblem } from './sectionContentProblem.js';

const KEYSTROKES = Number(process.env.KEYSTROKES ?? 2000);
const WORDS = ['helsefellesskap', 'kommune', 'pasient', 'tjeneste', 'samhandling', 'plan', 'tiltak', 'oppfølging'];

function body(bytes: number): string {
  const out: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes;) {
    const sentence = Array.from({ length: 12 }, () => WORDS[n++ % WORDS.length]).join(' ');
    out.push(`${sentence}. ${sentence}.`);
    size += 2 * sentence.length + 4;
  }
  return out.join('\n\n');
}

/** One character typed into a pseudo-random paragraph, as the update the server receives. */
function keystrokes(client: Y.Doc, count: number): Uint8Array[] {
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  const blocks = client.getXmlFragment(CONTENT_FIELD).toArray() as Y.XmlElement[];
  let seed = 7;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const text = blocks[seed % blocks.length]?.get(0) as Y.XmlText;
    text.insert(seed % (text.length + 1), 'a');
  }
  return updates;
}

function measure(bytes: number, check: (mirror: Y.Doc) => () => unknown): { checkUs: number; applyUs: number } {
  const document = new Y.Doc();
  writeJsonToYDoc(document, plainTextToDoc(body(bytes)));
  const state = Y.encodeStateAsUpdate(document);
  const client = new Y.Doc();
  Y.applyUpdate(client, state);
  const updates = keystrokes(client, KEYSTROKES);
  const mirror = new Y.Doc();
  Y.applyUpdate(mirror, state);
  const problem = check(mirror);
  problem(); // the first check of a mirror reads everything; the hot path is every one after it
  let checkCpu = 0;
  let applyCpu = 0;
  for (const update of updates) {
    const start = process.cpuUsage();
    Y.applyUpdate(mirror, update);
    const applied = process.cpuUsage(start);
    const verdict = problem();
    const checked = process.cpuUsage(start);
    if (verdict !== null) throw new Error(`unexpected verdict ${String(verdict)}`);
    applyCpu += applied.user + applied.system;
    checkCpu += checked.user + checked.system - applied.user - applied.system;
  }
  return { checkUs: checkCpu / updates.length, applyUs: applyCpu / updates.length };
}

const checks: Record<string, (mirror: Y.Doc) => () => unknown> = {
  full: (mirror) => () => sectionContentProblem(mirror),
  live: (mirror) => {
    const live = new LiveContentCheck(mirror);
    return () => live.problem();
  },
};

for (const bytes of [3 * 1024, 200 * 1024]) {
  for (const [name, check] of Object.entries(checks)) {
    measure(bytes, check); // warm the JIT on the same work
    const { checkUs, applyUs } = measure(bytes, check);
    console.log(
      `${String(bytes / 1024).padStart(4)} KB  ${name.padEnd(4)}  check ${checkUs.toFixed(1).padStart(7)} µs CPU/keystroke` +
        `  (applying the update: ${applyUs.toFixed(1)} µs)`,
    );
  }
}
