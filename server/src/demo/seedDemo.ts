import type { CommandInput, CommandName, CommandResult } from '@fellesplan/domain';
import { plainTextToDoc } from '@fellesplan/editor';
import { acceptInvitation } from '../auth/invitations.js';
import { hashPassword } from '../auth/password.js';
import { commands } from '../commands/index.js';
import type { AppContext } from '../routes/context.js';
import { listSections } from '../storage/repositories/plans.js';
import { writeNewSectionBody } from '../storage/repositories/sections.js';
import { prepareFirstStart, runSetup } from '../setup/firstStart.js';
import { actorOf } from '../presenters/user.js';
import { loadUserRecord } from '../queries/userRecord.js';
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
 * first administrator), then, as that administrator, the other parties, an invitation for each
 * person, accepted with the demo password, and the plan from the default template, all through
 * the same commands the administration uses; then some text typed into the first sections.
 */
export async function seedDemo(ctx: AppContext): Promise<{ helsefellesskapId: string; planId: string }> {
  const sekretariat = DEMO_PARTIES.find((p) => p.key === 'sekretariat');
  if (!sekretariat) throw new Error('the demo has no sekretariat');
  // One hash for every demo person: the password is the same, and scrypt is the slow part.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const token = await prepareFirstStart(ctx.db);
  if (!token) throw new Error('the demo needs an empty database');
  const { userId, helsefellesskapId } = await runSetup(
    ctx.db,
    {
      token,
      partnershipName: DEMO_PARTNERSHIP,
      partyName: sekretariat.name,
      admin: { name: sekretariat.person, email: sekretariat.email, password: DEMO_PASSWORD },
    },
    passwordHash,
  );
  const admin = actorOf(await loadUserRecord(ctx.db, userId));
  const run = async <N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandResult<N>> =>
    (await commands[name].run(ctx, admin, input, { baseUrl: DEMO_LINK_BASE })) as CommandResult<N>;

  const partyIds: string[] = [];
  for (const party of DEMO_PARTIES) {
    if (party.key === 'sekretariat') {
      partyIds.push(admin.partyId);
      continue;
    }
    const { id: partyId } = await run('parties.create', { name: party.name, kind: party.key });
    partyIds.push(partyId);
    const invitation = await run('invitations.create', { partyId, email: party.email, name: party.person });
    const invitationToken = new URL(invitation.url).pathname.split('/').pop() ?? '';
    await acceptInvitation(ctx.db, invitationToken, { name: party.person, credential: { passwordHash } });
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
  return { helsefellesskapId, planId };
}

// Invitation links of the demo are accepted at once; they are never shown or sent anywhere.
const DEMO_LINK_BASE = 'http://demo.invalid';
