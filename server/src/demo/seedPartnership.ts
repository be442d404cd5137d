import { randomUUID } from 'node:crypto';
import { defaultRequiredParties, sectionDocumentName, type PartyKind } from '@fellesplan/domain';
import { plainTextToDoc, writeJsonToYDoc, type TiptapJSON } from '@fellesplan/editor';
import * as Y from 'yjs';
import { hashPassword } from '../auth/password.js';
import type { Db } from '../storage/database.js';
import { appendDocumentUpdates } from '../storage/repositories/documents.js';

export interface SectionSpec {
  title: string;
  /** Owning parties, by party key. */
  owners: string[];
  /** Parties whose stance counts, by party key; every non-sekretariat party when left out (O1). */
  required?: string[];
  body?: string | TiptapJSON;
}

export interface PlanSpec {
  title: string;
  forum?: string;
  sections: SectionSpec[];
}

export interface PartnershipSpec {
  name: string;
  parties: {
    key: string;
    name: string;
    kind: PartyKind;
    users: { name: string; email: string; password: string; role?: 'member' | 'admin' }[];
  }[];
  plan: PlanSpec;
}

export interface SeededPlan {
  planId: string;
  sectionIds: string[];
}

export interface SeededPartnership extends SeededPlan {
  helsefellesskapId: string;
  partyIds: Record<string, string>;
  userIds: Record<string, string>;
}

/** What a plan needs to know of the helsefellesskap it belongs to: every party takes part. */
export interface PlanParties {
  helsefellesskapId: string;
  parties: readonly { key: string; id: string; kind: PartyKind }[];
}

/**
 * Creates a helsefellesskap with its parties, users and one plan, in one transaction. Section
 * owners are given by party key; every non-sekretariat party is required (rule O1). `hash` turns
 * a user's password into its stored hash; tests pass one that hashes each password only once.
 */
export async function seedPartnership(
  db: Db,
  spec: PartnershipSpec,
  hash: (password: string) => Promise<string> = hashPassword,
): Promise<SeededPartnership> {
  const now = new Date().toISOString();
  const hashes = new Map<string, string>();
  for (const party of spec.parties) {
    for (const user of party.users) hashes.set(user.email, await hash(user.password));
  }

  return db.transaction().execute(async (trx) => {
    const helsefellesskapId = randomUUID();
    await trx
      .insertInto('helsefellesskap')
      .values({ id: helsefellesskapId, name: spec.name, created_at: now })
      .execute();

    const partyIds: Record<string, string> = {};
    const userIds: Record<string, string> = {};
    const parties: { key: string; id: string; kind: PartyKind }[] = [];
    for (const [index, party] of spec.parties.entries()) {
      const id = randomUUID();
      partyIds[party.key] = id;
      parties.push({ key: party.key, id, kind: party.kind });
      // Creation order is display order; a distinct timestamp per party keeps it stable.
      const createdAt = new Date(Date.parse(now) + index).toISOString();
      await trx
        .insertInto('parties')
        .values({
          id,
          helsefellesskap_id: helsefellesskapId,
          name: party.name,
          kind: party.kind,
          created_at: createdAt,
        })
        .execute();
      for (const user of party.users) {
        const userId = randomUUID();
        userIds[user.email] = userId;
        await trx
          .insertInto('users')
          .values({
            id: userId,
            party_id: id,
            name: user.name,
            email: user.email.toLowerCase(),
            password_hash: hashes.get(user.email) ?? '',
            created_at: now,
            // Administrators are sekretariat people (issue 10); a spec may say so explicitly.
            role: user.role ?? (party.kind === 'sekretariat' ? 'admin' : 'member'),
          })
          .execute();
      }
    }

    const plan = await insertPlan(trx, { helsefellesskapId, parties }, spec.plan, now);
    return { helsefellesskapId, partyIds, userIds, ...plan };
  });
}

/** Adds another plan to a seeded helsefellesskap, in one transaction. */
export function seedPlan(db: Db, partnership: PlanParties, spec: PlanSpec): Promise<SeededPlan> {
  return db.transaction().execute((trx) => insertPlan(trx, partnership, spec, new Date().toISOString()));
}

async function insertPlan(trx: Db, { helsefellesskapId, parties }: PlanParties, spec: PlanSpec, now: string) {
  const partyId = (key: string, section: string) => {
    const id = parties.find((p) => p.key === key)?.id;
    if (!id) throw new Error(`Unknown party key ${key} in section ${section}`);
    return id;
  };
  const planId = randomUUID();
  await trx
    .insertInto('plans')
    .values({
      id: planId,
      helsefellesskap_id: helsefellesskapId,
      title: spec.title,
      forum: spec.forum ?? null,
      created_at: now,
    })
    .execute();
  await trx
    .insertInto('plan_parties')
    .values(parties.map((p) => ({ plan_id: planId, party_id: p.id })))
    .execute();

  const defaultRequired = defaultRequiredParties(parties);
  const sectionIds: string[] = [];
  for (const [position, section] of spec.sections.entries()) {
    const sectionId = randomUUID();
    sectionIds.push(sectionId);
    await trx
      .insertInto('sections')
      .values({ id: sectionId, plan_id: planId, position, title: section.title, locked: 0, created_at: now })
      .execute();
    const owners = section.owners.map((key) => partyId(key, section.title));
    if (owners.length > 0) {
      await trx
        .insertInto('section_owners')
        .values(owners.map((party_id) => ({ section_id: sectionId, party_id })))
        .execute();
    }
    const required = section.required?.map((key) => partyId(key, section.title)) ?? defaultRequired;
    if (required.length > 0) {
      await trx
        .insertInto('section_required_parties')
        .values(required.map((party_id) => ({ section_id: sectionId, party_id })))
        .execute();
    }
    if (section.body) {
      const doc = new Y.Doc();
      writeJsonToYDoc(doc, typeof section.body === 'string' ? plainTextToDoc(section.body) : section.body);
      await appendDocumentUpdates(trx, [
        { documentName: sectionDocumentName(sectionId), update: Y.encodeStateAsUpdate(doc) },
      ]);
      doc.destroy();
    }
  }
  return { planId, sectionIds };
}
