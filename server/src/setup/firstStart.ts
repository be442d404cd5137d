import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, type SetupInput } from '@fellesplan/domain';
import { appendAdminEvent } from '../audit/appendAdminEvent.js';
import { hashToken } from '../auth/sessions.js';
import type { Db } from '../storage/database.js';

/** The `installation` table's one row: its fixed key lets exactly one setup commit. */
const INSTALLATION_ID = 'installation';

/** The sekretariat party of the first administrator, unless the setup names it. */
export const DEFAULT_SEKRETARIAT_NAME = 'Sekretariatet';

/**
 * Whether this database is set up: the first start's setup has run, or it holds a helsefellesskap
 * some other way (the demo, data from before setup existed). Then no setup link works any more.
 */
export async function isSetUp(db: Db): Promise<boolean> {
  const installed = await db.selectFrom('installation').select('id').limit(1).executeTakeFirst();
  if (installed) return true;
  const partnership = await db.selectFrom('helsefellesskap').select('id').limit(1).executeTakeFirst();
  return partnership !== undefined;
}

/**
 * On a database that is not set up, a new setup token (only its hash is stored); null otherwise.
 * Every start makes one, and each works until a setup succeeds: the link is printed on the
 * console of whoever started the server, and nowhere else.
 */
export async function prepareFirstStart(db: Db, now = new Date()): Promise<string | null> {
  if (await isSetUp(db)) return null;
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('setup_tokens')
    .values({ token_hash: hashToken(token), created_at: now.toISOString() })
    .execute();
  return token;
}

/** The console line that hands the setup link to whoever started the server. */
export function setupLine(baseUrl: string, token: string): string {
  return `Sett opp Fellesplan: ${baseUrl.replace(/\/+$/, '')}/setup/${token}`;
}

export async function isSetupToken(db: Db, token: string): Promise<boolean> {
  const row = await db
    .selectFrom('setup_tokens')
    .select('token_hash')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Creates the helsefellesskap, its sekretariat party, the first administrator and the
 * installation row, in one transaction, and spends every setup token. A second setup finds the
 * installation (409 `setup_done`); two at once both insert it and the primary key lets one commit.
 */
export async function runSetup(
  db: Db,
  input: SetupInput,
  passwordHash: string,
  now = new Date(),
): Promise<{ userId: string; helsefellesskapId: string }> {
  const at = now.toISOString();
  const helsefellesskapId = randomUUID();
  const partyId = randomUUID();
  const userId = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      if (await isSetUp(trx)) throw new DomainError('setup_done');
      if (!(await isSetupToken(trx, input.token))) throw new DomainError('setup_invalid');
      await trx
        .insertInto('helsefellesskap')
        .values({ id: helsefellesskapId, name: input.partnershipName, created_at: at })
        .execute();
      await trx
        .insertInto('installation')
        .values({ id: INSTALLATION_ID, helsefellesskap_id: helsefellesskapId, set_up_at: at })
        .execute();
      await trx
        .insertInto('parties')
        .values({
          id: partyId,
          helsefellesskap_id: helsefellesskapId,
          name: input.partyName ?? DEFAULT_SEKRETARIAT_NAME,
          kind: 'sekretariat',
          created_at: at,
        })
        .execute();
      await trx
        .insertInto('users')
        .values({
          id: userId,
          party_id: partyId,
          name: input.admin.name,
          email: input.admin.email,
          password_hash: passwordHash,
          role: 'admin',
          created_at: at,
        })
        .execute();
      await trx.deleteFrom('setup_tokens').execute();
      await appendAdminEvent(trx, {
        helsefellesskapId,
        actor: { userId, partyId },
        type: 'partnership.set_up',
        payload: {
          name: input.partnershipName,
          partyId,
          partyName: input.partyName ?? DEFAULT_SEKRETARIAT_NAME,
          userId,
        },
        at,
      });
    });
  } catch (error) {
    // The loser of two setups at once fails on the installation's key (PostgreSQL) or finds it.
    if (!(error instanceof DomainError) && (await isSetUp(db))) throw new DomainError('setup_done');
    throw error;
  }
  return { userId, helsefellesskapId };
}
