import type { PartyKind } from '@fellesplan/domain';
import pino from 'pino';
import { seedPlan, type PlanParties, type SectionSpec } from '../../../server/src/demo/seedPartnership.js';
import { openDatabase, type Db } from '../../../server/src/storage/database.js';

/**
 * Extra plans for the benchmark, written with the server's own seed functions into the database
 * of a server that has seeded the demo helsefellesskap (its parties and logins). Sections are
 * owned by kommune and helseforetak; fastlege and bruker read them.
 */
export const WRITER_EMAILS = ['kommune@demo.no', 'hf@demo.no'];
export const READER_EMAILS = ['fastlege@demo.no', 'bruker@demo.no'];

export interface SeededPlan {
  planId: string;
  sectionIds: string[];
}

/** Plain text of about `bytes` bytes in paragraphs, so a body looks like one people wrote. */
export function paragraphs(bytes: number, seed = 0): string {
  const words = ['helsefellesskap', 'kommune', 'pasient', 'tjeneste', 'samhandling', 'plan', 'tiltak', 'oppfølging'];
  const out: string[] = [];
  let size = 0;
  let n = seed;
  while (size < bytes) {
    const sentence = Array.from({ length: 12 }, () => words[n++ % words.length]).join(' ');
    const paragraph = `${sentence[0]?.toUpperCase()}${sentence.slice(1)}. ${sentence}.`;
    out.push(paragraph);
    size += paragraph.length + 2;
  }
  return out.join('\n\n');
}

async function planParties(db: Db): Promise<PlanParties> {
  const parties = await db.selectFrom('parties').select(['id', 'kind', 'helsefellesskap_id']).execute();
  const first = parties[0];
  if (!first) throw new Error('no parties: the server has not seeded the demo');
  return {
    helsefellesskapId: first.helsefellesskap_id,
    parties: parties.map((p) => ({ key: p.kind, id: p.id, kind: p.kind as PartyKind })),
  };
}

export interface PlanShape {
  title: string;
  /** Bytes of text in each section. */
  sectionBytes: number[];
}

/** Seeds `shapes` into the database in `dataDir` (SQLite) or at `databaseUrl` (PostgreSQL). */
export async function seedPlans(
  where: { dataDir: string; databaseUrl?: string | null },
  shapes: PlanShape[],
): Promise<SeededPlan[]> {
  const db = await openDatabase({ ...where, logger: pino({ level: 'warn' }) });
  try {
    const parties = await planParties(db);
    const seeded: SeededPlan[] = [];
    for (const [planIndex, shape] of shapes.entries()) {
      const sections: SectionSpec[] = shape.sectionBytes.map((bytes, index) => ({
        title: `Seksjon ${index + 1}`,
        owners: ['kommune', 'helseforetak'],
        body: paragraphs(bytes, planIndex + index),
      }));
      seeded.push(await seedPlan(db, parties, { title: shape.title, sections }));
    }
    return seeded;
  } finally {
    await db.destroy();
  }
}
