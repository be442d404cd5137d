import { sectionDocumentName, type PlanView, type Stance } from '@fellesplan/domain';
import { api } from './api.js';
import { command, type CommandReply } from './command.js';
import { Prng } from './prng.js';
import { RaceEditor } from './raceEditor.js';
import { randomEdit } from './randomEdit.js';
import { waitFor } from './waitFor.js';

export const RACE_PARTIES = ['kommune', 'hf', 'fastlege', 'bruker'] as const;
type Party = (typeof RACE_PARTIES)[number];

export interface RandomNetworkOptions {
  url: string;
  /**
   * Another server instance on the same database (its own process), where some of the marks
   * that race a lock go: in one process a command runs from reading the section to its commit
   * without yielding to other requests, across processes it does not.
   */
  otherUrl?: string;
  planId: string;
  /** A section owned by `kommune` and `hf`, required of every party in `RACE_PARTIES`. */
  sectionId: string;
  tokens: Record<Party | 'sekretariat', string>;
  seed: number;
  steps: number;
}

export interface RandomNetworkRun {
  seed: number;
  /** What was done, step by step (for the failure message). */
  trace: string[];
  /** Every replica: the owners' editors and a read-only reader. */
  replicas: RaceEditor[];
  /** Counts of what happened, e.g. `sections.lock 200`, `sections.mark 409 section_locked`. */
  tally: Map<string, number>;
  /** Commands the server answered with a 5xx, in words. */
  serverErrors: string[];
}

/** Step kinds and how often each is chosen. */
const STEP_WEIGHTS = {
  edit: 30,
  hold: 6,
  release: 6,
  disconnect: 3,
  reconnect: 4,
  read: 5,
  mark: 8,
  agreeRound: 10,
  lock: 12,
  unlock: 6,
  settle: 4,
  quiet: 6,
} as const;

/**
 * A random network in the spirit of Yjs' `tests/testHelper.js`, with real providers against a
 * real server: owners edit the section, their messages are held and released, they drop off
 * and come back, while the parties read the plan and mark the section (with the revision they
 * last read, stale or not) and the sekretariat locks and unlocks it over HTTP. Commands are
 * often not awaited, so they race the edits and each other. The seed fixes every choice; the
 * timing is real. Ends with every replica settled: connected, synced, nothing unconfirmed.
 */
export async function runRandomNetwork(options: RandomNetworkOptions): Promise<RandomNetworkRun> {
  const { url, planId, sectionId, tokens } = options;
  const rng = new Prng(options.seed);
  const documentName = sectionDocumentName(sectionId);
  const trace: string[] = [];
  const note = (line: string) => trace.push(`${trace.length}: ${line}`);
  const editors = [
    new RaceEditor('kommune-1', url, tokens.kommune, documentName, note),
    new RaceEditor('kommune-2', url, tokens.kommune, documentName, note),
    new RaceEditor('hf', url, tokens.hf, documentName, note),
  ];
  const reader = new RaceEditor('fastlege-reader', url, tokens.fastlege, documentName, note);
  const run: RandomNetworkRun = {
    seed: options.seed,
    trace,
    replicas: [...editors, reader],
    tally: new Map(),
    serverErrors: [],
  };
  const lastRead = new Map<Party | 'sekretariat', string>();
  const pending = new Set<Promise<void>>();
  const count = (key: string) => run.tally.set(key, (run.tally.get(key) ?? 0) + 1);
  const turns = async (n: number) => {
    for (; n > 0; n--) await new Promise((resolve) => setImmediate(resolve));
  };

  /** Sends a command; awaited or left to race the following steps. */
  async function send(
    label: string,
    token: string,
    name: string,
    body: Record<string, unknown>,
    awaited: boolean,
    to = url,
  ) {
    const where = `${awaited ? '' : ' (not awaited)'}${to === url ? '' : ' (other instance)'}`;
    note(`${label} ${name} ${JSON.stringify({ ...body, sectionId: undefined })}${where}`);
    const reply = command(to, token, name, { sectionId, ...body }).then(({ status, body: result }) => {
      const code = (result as CommandReply).error?.code;
      const outcome = `${name} ${status}${code ? ` ${code}` : ''}${to === url ? '' : ' (other instance)'}`;
      count(outcome);
      if (status >= 500) run.serverErrors.push(`${label} ${outcome}`);
    });
    if (awaited) return reply;
    const tracked = reply.finally(() => pending.delete(tracked));
    pending.add(tracked);
  }

  async function read(party: Party | 'sekretariat') {
    const { body } = await api<PlanView>(url, `/api/plans/${planId}`, { token: tokens[party] });
    const section = body.sections.find((s) => s.id === sectionId);
    if (section) lastRead.set(party, section.revision);
    note(`${party} read ${section?.status} ${section?.revision.slice(0, 8)}`);
  }

  /** Marks with the revision the party last read (stale or not), now and then with none. */
  function mark(party: Party, stance: Stance, awaited: boolean, random: Prng, to = url) {
    const revision = random.chance(0.9) ? lastRead.get(party) : undefined;
    const noteText = stance === 'reservation' || stance === 'disagree' ? `Merknad ${random.word()}` : undefined;
    return send(party, tokens[party], 'sections.mark', { stance, revision, note: noteText }, awaited, to);
  }

  function edit(editor: RaceEditor, random: Prng, why = '') {
    if (!editor.canEdit) return;
    for (let n = random.int(1, 3); n > 0; n--) note(`${editor.name} ${randomEdit(editor.doc, random)}${why}`);
    count('edit');
  }

  /**
   * The sekretariat locks while parties may still be changing their stance and an owner may
   * still be typing, each a random number of event-loop turns before or after the lock is sent
   * (the server runs in this process, so each turn lets it go on a little).
   */
  async function lock(random: Prng) {
    const actions: { at: number; run: () => unknown }[] = [];
    const awaited = random.chance(0.4);
    actions.push({ at: 0, run: () => send('sekretariat', tokens.sekretariat, 'sections.lock', {}, awaited) });
    for (let n = random.pick([0, 1, 1, 2, 3]); n > 0; n--) {
      const party = random.pick(RACE_PARTIES);
      const stance = random.weighted({ agree: 3, reservation: 1, abstain: 1, disagree: 2 });
      const to = options.otherUrl && random.chance(0.7) ? options.otherUrl : url;
      const markRandom = new Prng(random.int(0, 2 ** 31));
      actions.push({ at: random.int(-4, 12), run: () => mark(party, stance, false, markRandom, to) });
    }
    for (let n = random.pick([0, 1, 1, 2]); n > 0; n--) {
      const typist = random.pick(editors);
      const typeRandom = new Prng(random.int(0, 2 ** 31));
      actions.push({ at: random.int(-8, 6), run: () => edit(typist, typeRandom, ' (racing the lock)') });
    }
    actions.sort((a, b) => a.at - b.at);
    const started: unknown[] = [];
    let now = actions[0]?.at ?? 0;
    for (const action of actions) {
      await turns(action.at - now);
      now = action.at;
      started.push(action.run());
    }
    await Promise.all(started);
  }

  await waitFor(() => editors.every((e) => e.canEdit) && reader.isSettled);

  // Each step draws the same values from `rng` whatever the state, and what it does with them
  // from its own generator: the seed fixes the sequence of steps even where timing differs.
  for (let step = 0; step < options.steps; step++) {
    const kind = rng.weighted(STEP_WEIGHTS);
    const editor = rng.pick(editors);
    const party = rng.pick(RACE_PARTIES);
    const random = new Prng(rng.int(0, 2 ** 31));
    switch (kind) {
      case 'edit':
        edit(editor, random);
        break;
      case 'hold':
        editor.hold();
        note(`${editor.name} hold`);
        break;
      case 'release':
        editor.release();
        note(`${editor.name} release`);
        break;
      case 'disconnect':
        editor.disconnect();
        note(`${editor.name} disconnect`);
        break;
      case 'reconnect':
        editor.reconnect();
        note(`${editor.name} reconnect`);
        break;
      case 'read':
        await read(party);
        break;
      case 'mark':
        await mark(
          party,
          random.weighted({ agree: 6, reservation: 1, abstain: 1, disagree: 1 }),
          random.chance(0.5),
          random,
        );
        break;
      case 'agreeRound': {
        // A meeting: everyone reads the text and agrees to it, and the sekretariat may lock.
        await Promise.all(RACE_PARTIES.map((p) => read(p)));
        const awaited = random.chance(0.5);
        const thenLock = random.chance(0.5);
        await Promise.all(RACE_PARTIES.map((p) => mark(p, 'agree', awaited, new Prng(random.int(0, 2 ** 31)))));
        if (thenLock) await lock(random);
        break;
      }
      case 'lock':
        await lock(random);
        break;
      case 'unlock':
        await send('sekretariat', tokens.sekretariat, 'sections.unlock', { reason: 'Ny runde' }, random.chance(0.6));
        break;
      case 'settle':
        note('settle commands');
        await Promise.all(pending);
        break;
      case 'quiet':
        note('quiet');
        await Promise.all(pending);
        await waitFor(() => editors.every((e) => e.isOffline || e.isHolding || e.isSettled), { timeout: 3000 }).catch(
          () => note('quiet: not every editor settled'),
        );
        break;
    }
    await turns(random.int(0, 2));
  }

  note('end: release, reconnect, settle');
  for (const replica of run.replicas) {
    replica.release();
    replica.reconnect();
  }
  await Promise.all(pending);
  // Generous: on a loaded machine (CI on two cores) reconnecting and syncing takes seconds; a
  // settled network returns at once.
  await waitFor(() => run.replicas.every((r) => r.isSettled), { timeout: 15_000 }).catch(() => {
    for (const r of run.replicas) {
      if (!r.isSettled)
        note(
          `${r.name} did not settle: scope ${r.scope}, synced ${r.provider.isSynced}, unsynced ${r.provider.unsyncedChanges}`,
        );
    }
  });
  return run;
}
