import { planDocumentName, sectionDocumentName, type PartyKind, type PlanView } from '@fellesplan/domain';
import { afterAll, beforeAll } from 'vitest';
import { createSession } from '../auth/sessions.js';
import { testPartnershipSpec } from './testPartnershipSpec.js';
import {
  seedPartnership,
  seedPlan,
  type PartnershipSpec,
  type SectionSpec,
  type SeededPartnership,
} from '../demo/seedPartnership.js';
import { api } from './api.js';
import { command, type CommandReply } from './command.js';
import { seedPasswordHash } from './seedPasswordHash.js';
import { startTestServer, type TestServer } from './startTestServer.js';

export type FixtureOptions = NonNullable<Parameters<typeof startTestServer>[0]>;

export interface FixtureSection {
  id: string;
  title: string;
  position: number;
  /** `section:<id>`, the collaboration document of its body. */
  documentName: string;
}

export interface FixturePerson {
  id: string;
  name: string;
  email: string;
  partyKey: string;
  partyId: string;
  /** A session of this person, as logging in would create it. */
  token: string;
}

/**
 * A plan as a test asked for it. `sections` are the demo plan's sections named by title (with
 * their owners and text), or sections spelt out; all of the demo plan's when left out.
 */
export interface PlanRequest {
  title?: string;
  forum?: string;
  sections?: (string | SectionSpec)[];
  /** The partnership the plan belongs to; the demo helsefellesskap unless named. */
  partnership?: FixturePartnership;
}

/** One item by title: exactly, or the only one whose title starts with it. */
function byTitle<T extends { title: string }>(items: readonly T[], title: string, where: string): T {
  const exact = items.find((item) => item.title === title);
  if (exact) return exact;
  const starting = items.filter((item) => item.title.startsWith(title));
  if (starting.length === 1 && starting[0]) return starting[0];
  const titles = items.map((item) => `«${item.title}»`).join(', ');
  throw new Error(`${starting.length ? 'More than one' : 'No'} «${title}» in ${where}: ${titles}`);
}

export class FixturePlan {
  constructor(
    readonly id: string,
    readonly title: string,
    readonly sections: readonly FixtureSection[],
    readonly partnership: FixturePartnership,
  ) {}

  /** `plan:<id>`, the live projection of the plan. */
  get documentName(): string {
    return planDocumentName(this.id);
  }

  section(title: string): FixtureSection {
    return byTitle(this.sections, title, `plan «${this.title}»`);
  }

  /** The plan as `GET /api/plans/:id` shows it to this person. */
  async view(who: string): Promise<PlanView> {
    const res = await api<PlanView>(this.partnership.fixture.url, `/api/plans/${this.id}`, {
      token: this.partnership.token(who),
    });
    if (res.status !== 200) throw new Error(`GET plan answered ${res.status}`);
    return res.body;
  }

  async sectionView(title: string, who: string): Promise<PlanView['sections'][number]> {
    const id = this.section(title).id;
    const view = (await this.view(who)).sections.find((s) => s.id === id);
    if (!view) throw new Error(`section «${title}» is not in the plan view`);
    return view;
  }

  /**
   * Every required party's first person marks «agree» on the revision they read now; the
   * replies in party order, so the test can assert on them.
   */
  async agreeAll(title: string): Promise<{ revision: string; replies: { status: number; body: CommandReply }[] }> {
    const view = await this.sectionView(title, this.partnership.people[0]?.email ?? '');
    const replies = [];
    for (const partyId of view.requiredParties) {
      const person = this.partnership.people.find((p) => p.partyId === partyId);
      if (!person) throw new Error(`nobody of party ${partyId} to mark «${title}»`);
      const res = await command(this.partnership.fixture.url, person.token, 'sections.mark', {
        sectionId: view.id,
        stance: 'agree',
        revision: view.revision,
      });
      replies.push({ status: res.status, body: res.body });
    }
    return { revision: view.revision, replies };
  }
}

export class FixturePartnership {
  private constructor(
    readonly fixture: Fixture,
    readonly id: string,
    readonly parties: readonly { key: string; id: string; kind: PartyKind }[],
    readonly people: readonly FixturePerson[],
    plan: { id: string; title: string; sections: FixtureSection[] },
  ) {
    this.plan = new FixturePlan(plan.id, plan.title, plan.sections, this);
  }

  /** The plan seeded with the partnership. */
  readonly plan: FixturePlan;

  /** Reads back what was seeded and opens a session for every person. */
  static async load(fixture: Fixture, seeded: SeededPartnership): Promise<FixturePartnership> {
    const db = fixture.db;
    const partyRows = await db
      .selectFrom('parties')
      .select(['id', 'kind'])
      .where('helsefellesskap_id', '=', seeded.helsefellesskapId)
      .execute();
    const parties = Object.entries(seeded.partyIds).map(([key, id]) => {
      const kind = partyRows.find((row) => row.id === id)?.kind;
      if (!kind) throw new Error(`party ${key} was not seeded`);
      return { key, id, kind: kind as PartyKind };
    });
    const people: FixturePerson[] = [];
    // In the order the spec named them: the first person of a party speaks for it.
    for (const id of Object.values(seeded.userIds)) {
      const row = await db
        .selectFrom('users')
        .select(['name', 'email', 'party_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const party = parties.find((p) => p.id === row.party_id);
      if (!party) throw new Error(`user ${row.email} is in no seeded party`);
      const token = await createSession(db, id);
      people.push({ id, name: row.name, email: row.email, partyKey: party.key, partyId: party.id, token });
    }
    const plan = await db
      .selectFrom('plans')
      .select(['id', 'title'])
      .where('id', '=', seeded.planId)
      .executeTakeFirstOrThrow();
    return new FixturePartnership(fixture, seeded.helsefellesskapId, parties, people, {
      ...plan,
      sections: await sectionsOf(fixture, plan.id),
    });
  }

  /** The party's id, by its key (`kommune`, `helseforetak` … in the demo). */
  party(key: string): string {
    const party = this.parties.find((p) => p.key === key);
    if (!party) throw new Error(`No party «${key}»: ${this.parties.map((p) => p.key).join(', ')}`);
    return party.id;
  }

  /** A person by e-mail, the first person of a party by the party's key, or by the e-mail's first word. */
  user(who: string): FixturePerson {
    const person =
      this.people.find((p) => p.email === who.toLowerCase()) ??
      this.people.find((p) => p.partyKey === who) ??
      this.people.find((p) => p.email.split(/[.@]/)[0] === who);
    if (!person) throw new Error(`Nobody «${who}» in the partnership: ${this.people.map((p) => p.email).join(', ')}`);
    return person;
  }

  token(who: string): string {
    return this.user(who).token;
  }

  /** A section of the partnership's own plan, by title. */
  section(title: string): FixtureSection {
    return this.plan.section(title);
  }
}

async function sectionsOf(fixture: Fixture, planId: string): Promise<FixtureSection[]> {
  const rows = await fixture.db
    .selectFrom('sections')
    .select(['id', 'title', 'position'])
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ ...row, documentName: sectionDocumentName(row.id) }));
}

/**
 * What a test file or a test needs, built on a real test server (`startTestServer`): the demo
 * helsefellesskap (`demo`), a second one whose people are members of nothing in it (`other`),
 * and whatever plans and partnerships a test adds. Everything is found by name: sections by
 * title, people and parties by party key or e-mail. A test that changes shared state (markers,
 * locks, threads, caps, the decision log) makes its own plan, so it passes alone and in any order.
 */
export class Fixture {
  #server: TestServer | undefined;
  #demo: FixturePartnership | undefined;
  #other: FixturePartnership | undefined;
  #plans = 0;

  constructor(readonly options: FixtureOptions = {}) {}

  get server(): TestServer {
    if (!this.#server) throw new Error('The fixture has not started: use it inside a test or a hook');
    return this.#server;
  }

  get url(): string {
    return this.server.url;
  }

  get db(): TestServer['db'] {
    return this.server.db;
  }

  /** The demo helsefellesskap (DESIGN 6.1) and its plan. */
  get demo(): FixturePartnership {
    if (!this.#demo) throw new Error('The fixture has not started: use it inside a test or a hook');
    return this.#demo;
  }

  /** Another helsefellesskap with its own plan («Innledning»); its people are members of nothing in `demo`. */
  get other(): FixturePartnership {
    if (!this.#other) throw new Error('The fixture has not started: use it inside a test or a hook');
    return this.#other;
  }

  /** A section of the demo plan, by title. */
  section(title: string): FixtureSection {
    return this.demo.section(title);
  }

  /** A demo person, by e-mail or by party key. */
  user(who: string): FixturePerson {
    return this.demo.user(who);
  }

  /** The session token of a demo person, by e-mail or by party key. */
  token(who: string): string {
    return this.demo.token(who);
  }

  /** A demo party's id, by key. */
  party(key: string): string {
    return this.demo.party(key);
  }

  /** A section's stored text as the API gives it (read by the bruker, who may read every section). */
  async storedText(sectionId: string): Promise<string> {
    const content = await api<{ text?: string }>(this.url, `/api/sections/${sectionId}/content`, {
      token: this.token('bruker'),
    });
    return content.body.text ?? '';
  }

  /** A new plan of its own, in the demo helsefellesskap unless another is named. */
  async plan(request: PlanRequest = {}): Promise<FixturePlan> {
    const partnership = request.partnership ?? this.demo;
    const template = testPartnershipSpec().plan;
    const sections = (request.sections ?? template.sections.map((s) => s.title)).map((section) =>
      typeof section === 'string' ? byTitle(template.sections, section, 'the demo plan') : section,
    );
    this.#plans += 1;
    const title = request.title ?? `${template.title} (${this.#plans})`;
    const seeded = await seedPlan(
      this.db,
      { helsefellesskapId: partnership.id, parties: partnership.parties },
      { title, forum: request.forum ?? template.forum, sections },
    );
    return new FixturePlan(seeded.planId, title, await sectionsOf(this, seeded.planId), partnership);
  }

  /** A new helsefellesskap with its parties, people (each with a session) and plan. */
  async partnership(spec: PartnershipSpec): Promise<FixturePartnership> {
    return FixturePartnership.load(this, await seedPartnership(this.db, spec, seedPasswordHash));
  }

  async start(): Promise<this> {
    this.#server = await startTestServer(this.options);
    this.#demo = await FixturePartnership.load(this, this.#server.demo);
    this.#other = await FixturePartnership.load(this, this.#server.other);
    return this;
  }

  /** Restarts the server on the same data; plans, people and their sessions stay. */
  async restart(): Promise<void> {
    this.#server = await this.server.restart();
  }

  async destroy(): Promise<void> {
    await this.#server?.destroy();
    this.#server = undefined;
  }
}

/** A fixture for the whole file: started before its first test, destroyed after its last. */
export function useFixture(options?: FixtureOptions): Fixture {
  const fixture = new Fixture(options);
  beforeAll(async () => {
    await fixture.start();
  });
  afterAll(() => fixture.destroy());
  return fixture;
}

/** A fixture of one test's own, e.g. on a server with other limits; the test destroys it. */
export function startFixture(options?: FixtureOptions): Promise<Fixture> {
  return new Fixture(options).start();
}
