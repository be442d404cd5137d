import { randomUUID } from 'node:crypto';
import type { CommandInput, CommandName, CommandResult, PartyKind } from '@fellesplan/domain';
import { plainTextToDoc } from '@fellesplan/editor';
import { appendAdminEvent } from '../audit/appendAdminEvent.js';
import { hashPassword } from '../auth/password.js';
import type { SessionUser } from '../auth/sessions.js';
import { commands } from '../commands/index.js';
import type { AppContext } from '../routes/context.js';
import type { Db } from '../storage/database.js';
import { listSections } from '../storage/repositories/plans.js';
import { writeNewSectionBody } from '../storage/repositories/sections.js';
import { DEMO_PARTIES, DEMO_PARTNERSHIP, DEMO_PASSWORD, DEMO_PLAN, demoBodies } from './demoPlan.js';

/** Seeds the demo helsefellesskap (DESIGN 6.1) into an empty database; returns whether it did. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  const existing = await ctx.db.selectFrom('helsefellesskap').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const { planId } = await seedDemo(ctx);
  ctx.logger.info({ planId }, 'demo data seeded');
  return true;
}

/**
 * The demo as a sekretariat would build it: the first start's setup (the helsefellesskap and its
 * first administrator), then, as that administrator, the other parties, their people and the plan
 * from the default template through the same commands the administration uses, and some text
 * typed into the first sections.
 */
export async function seedDemo(ctx: AppContext): Promise<{ helsefellesskapId: string; planId: string }> {
  const sekretariat = DEMO_PARTIES.find((p) => p.key === 'sekretariat');
  if (!sekretariat) throw new Error('the demo has no sekretariat');
  const admin = await setUpPartnership(ctx.db, DEMO_PARTNERSHIP, sekretariat);
  const run = async <N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandResult<N>> => {
    const command = commands[name];
    if (!command) throw new Error(`the demo needs the command ${name}`);
    return (await command.run(ctx, admin, input)) as CommandResult<N>;
  };

  const partyIds: string[] = [];
  for (const party of DEMO_PARTIES) {
    if (party.key === 'sekretariat') {
      partyIds.push(admin.partyId);
      continue;
    }
    const partyId = await createParty(ctx, admin, run, party);
    partyIds.push(partyId);
    await insertPerson(ctx.db, { partyId, name: party.person, email: party.email, role: 'member' });
  }

  const { id: planId } = await run('plans.create', {
    title: DEMO_PLAN.title,
    forum: DEMO_PLAN.forum,
    period: DEMO_PLAN.period,
    template: 'default',
    partyIds,
  });
  const bodies = demoBodies();
  for (const section of await listSections(ctx.db, planId)) {
    const body = bodies[section.position];
    if (body) await writeNewSectionBody(ctx.db, section.id, plainTextToDoc(body));
  }
  return { helsefellesskapId: admin.helsefellesskapId, planId };
}

/** What the first start's setup does: the helsefellesskap, its sekretariat party and first administrator. */
async function setUpPartnership(
  db: Db,
  name: string,
  sekretariat: (typeof DEMO_PARTIES)[number],
): Promise<SessionUser> {
  const helsefellesskapId = randomUUID();
  const partyId = randomUUID();
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('helsefellesskap').values({ id: helsefellesskapId, name, created_at: at }).execute();
    await trx
      .insertInto('parties')
      .values({
        id: partyId,
        helsefellesskap_id: helsefellesskapId,
        name: sekretariat.name,
        kind: 'sekretariat',
        created_at: at,
      })
      .execute();
  });
  const userId = await insertPerson(db, { partyId, name: sekretariat.person, email: sekretariat.email, role: 'admin' });
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('installation')
      .values({ id: 'installation', helsefellesskap_id: helsefellesskapId, set_up_at: at })
      .execute();
    await appendAdminEvent(trx, {
      helsefellesskapId,
      actor: { userId, partyId },
      type: 'partnership.set_up',
      payload: { name, partyId, userId, demo: true },
      at,
    });
  });
  return {
    userId,
    name: sekretariat.person,
    email: sekretariat.email,
    partyId,
    helsefellesskapId,
    role: 'admin',
    partyKind: 'sekretariat',
  };
}

type RunCommand = <N extends CommandName>(name: N, input: CommandInput<N>) => Promise<CommandResult<N>>;

async function createParty(
  ctx: AppContext,
  admin: SessionUser,
  run: RunCommand,
  party: { name: string; key: PartyKind },
): Promise<string> {
  if (commands['parties.create']) return (await run('parties.create', { name: party.name, kind: party.key })).id;
  // TODO(issue 10): remove once `parties.create` is registered (administration branch); the row it writes.
  const id = randomUUID();
  await ctx.db
    .insertInto('parties')
    .values({
      id,
      helsefellesskap_id: admin.helsefellesskapId,
      name: party.name,
      kind: party.key,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

/** A demo person with the demo password, as accepting an invitation would create them. */
async function insertPerson(
  db: Db,
  person: { partyId: string; name: string; email: string; role: 'member' | 'admin' },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({
      id,
      party_id: person.partyId,
      name: person.name,
      email: person.email,
      password_hash: await hashPassword(DEMO_PASSWORD),
      role: person.role,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}
