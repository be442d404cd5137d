import * as Y from 'yjs';
import { boundWebSocketClass, connectOne, CONTENT_FIELD, disconnect, now, pool, type Connected } from './clients.js';
import type { ConnectionSpec, ToWorker, FromWorker } from './workerProtocol.js';

/**
 * A client worker process (forked by the coordinator): it holds many real providers, types into
 * section bodies at a steady rate and records when other writers' characters arrive. Every
 * character a writer types goes at the end of its own paragraph, which starts `w<id>:`, so a
 * peer knows from the paragraph's length which keystrokes it has; the coordinator joins the
 * writers' send times with the peers' arrival times (one clock: every process on this machine).
 */

interface Held extends Connected {
  spec: ConnectionSpec;
  /** The writer's own paragraph text, for writers. */
  own?: Y.XmlText;
}

const PREFIX = /^w(\d+):/;
let held: Held[] = [];
/** Per writer id: when each of its keystrokes was typed. */
let sent = new Map<number, number[]>();
/** Triples (writer id, keystroke number from 1, arrival time). */
let arrivals: number[] = [];

function send(message: FromWorker): void {
  process.send?.(message);
}

/** Records arrivals of other writers' keystrokes in this peer's copy. */
function watch(client: Held): void {
  const seen = new WeakMap<Y.XmlText, { writer: number; prefix: number; count: number }>();
  client.doc.getXmlFragment(CONTENT_FIELD).observeDeep((events, transaction) => {
    if (transaction.local) return;
    const at = now();
    for (const event of events) {
      const text = event.target;
      if (!(text instanceof Y.XmlText)) continue;
      let known = seen.get(text);
      if (!known) {
        const match = PREFIX.exec(text.toString());
        if (!match?.[1]) continue;
        const inserted = event.changes.delta.reduce(
          (sum, change) => sum + (typeof change.insert === 'string' ? change.insert.length : 0),
          0,
        );
        const prefix = match[0].length;
        known = { writer: Number(match[1]), prefix, count: Math.max(0, text.length - prefix - inserted) };
        seen.set(text, known);
      }
      const count = text.length - known.prefix;
      for (let seq = known.count + 1; seq <= count; seq++) arrivals.push(known.writer, seq, at);
      known.count = Math.max(known.count, count);
    }
  });
}

async function connectAll(url: string, addresses: string[], specs: ConnectionSpec[], concurrency: number) {
  const WebSocketClass = boundWebSocketClass(addresses);
  let failures = 0;
  let firstError: string | undefined;
  const results = await pool(specs, concurrency, async (spec) => {
    try {
      const client: Held = { ...(await connectOne(url, spec.documentName, spec.token, WebSocketClass)), spec };
      if (spec.writer !== null) {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText(`w${spec.writer}:`);
        paragraph.insert(0, [text]);
        client.doc.getXmlFragment(CONTENT_FIELD).push([paragraph]);
        client.own = text;
        sent.set(spec.writer, []);
      }
      watch(client);
      return client;
    } catch (error) {
      failures += 1;
      firstError ??= error instanceof Error ? error.message : String(error);
      return null;
    }
  });
  held = results.filter((client): client is Held => client !== null);
  send({ kind: 'connected', connectMs: held.map((c) => c.connectMs), failures, firstError });
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz ';

async function type(startAt: number, stopAt: number, intervalMs: number, graceMs: number): Promise<void> {
  arrivals = [];
  for (const list of sent.values()) list.length = 0;
  const writers = held.filter((c) => c.own && c.spec.writer !== null);
  const timers: NodeJS.Timeout[] = [];
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  await wait(startAt - now());
  for (const [index, writer] of writers.entries()) {
    // Spread evenly over one interval: typists do not press keys in lockstep.
    const phase = (index / writers.length) * intervalMs;
    timers.push(
      setTimeout(() => {
        let n = 0;
        const press = () => {
          const times = sent.get(writer.spec.writer ?? -1);
          const text = writer.own;
          if (!times || !text || now() >= stopAt) return;
          times.push(now());
          text.insert(text.length, LETTERS[n++ % LETTERS.length] ?? 'a');
        };
        press();
        timers.push(setInterval(press, intervalMs));
      }, phase),
    );
  }
  await wait(stopAt - now());
  for (const timer of timers) clearInterval(timer);
  await wait(graceMs);
  send({
    kind: 'typed',
    sent: [...sent.entries()].map(([writer, times]) => ({ writer, times: Float64Array.from(times) })),
    arrivals: Float64Array.from(arrivals),
  });
}

/** Connects and disconnects `cycles` times; counts failures. */
async function churn(
  url: string,
  addresses: string[],
  documents: { documentName: string; token: string }[],
  cycles: number,
  concurrency: number,
) {
  const WebSocketClass = boundWebSocketClass(addresses);
  const started = performance.now();
  let failures = 0;
  let firstError: string | undefined;
  let done = 0;
  let lastReport = started;
  await pool(
    Array.from({ length: cycles }, (_, i) => i),
    concurrency,
    async (i) => {
      const target = documents[i % documents.length];
      if (!target) return;
      try {
        disconnect(await connectOne(url, target.documentName, target.token, WebSocketClass));
      } catch (error) {
        failures += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      done += 1;
      if (performance.now() - lastReport > 1000) {
        lastReport = performance.now();
        send({ kind: 'progress', done });
      }
    },
  );
  send({ kind: 'churned', cycles, failures, firstError, ms: performance.now() - started });
}

process.on('message', (message: ToWorker) => {
  const run = async () => {
    switch (message.kind) {
      case 'connect':
        return connectAll(message.url, message.addresses, message.connections, message.concurrency);
      case 'type':
        return type(message.startAt, message.stopAt, message.intervalMs, message.graceMs);
      case 'churn':
        return churn(message.url, message.addresses, message.documents, message.cycles, message.concurrency);
      case 'close':
        for (const client of held) disconnect(client);
        held = [];
        sent = new Map();
        arrivals = [];
        return send({ kind: 'closed' });
      case 'exit':
        return process.exit(0);
    }
  };
  run().catch((error: unknown) => {
    send({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });
});
send({ kind: 'ready' });
