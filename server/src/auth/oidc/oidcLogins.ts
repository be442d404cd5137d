import type { Db } from '../../storage/database.js';
import type { OidcLoginTable } from '../../storage/schema.js';

/** How long the provider may take to send the browser back. */
export const OIDC_LOGIN_MINUTES = 10;

export interface OidcLogin {
  state: string;
  codeVerifier: string;
  nonce: string;
  /** Hash of the invitation the login accepts, if it started from one. */
  invitationTokenHash: string | null;
  returnTo: string | null;
}

/** Stores a login under way; logins that expired unfinished are cleared on the way. */
export async function saveOidcLogin(db: Db, login: OidcLogin, now = new Date()): Promise<void> {
  await db.deleteFrom('oidc_logins').where('expires_at', '<=', now.toISOString()).execute();
  await db
    .insertInto('oidc_logins')
    .values({
      state: login.state,
      code_verifier: login.codeVerifier,
      nonce: login.nonce,
      invitation_token_hash: login.invitationTokenHash,
      return_to: login.returnTo,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + OIDC_LOGIN_MINUTES * 60_000).toISOString(),
    })
    .execute();
}

/**
 * Takes the login a state names out of storage: deleting is the read, so of two callbacks with
 * the same state at most one gets it. `null` for an unknown, used or expired state.
 */
export async function takeOidcLogin(db: Db, state: string, now = new Date()): Promise<OidcLogin | null> {
  if (state.length === 0 || state.length > 200) return null;
  const row: OidcLoginTable | undefined = await db
    .deleteFrom('oidc_logins')
    .where('state', '=', state)
    .returningAll()
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return {
    state: row.state,
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    invitationTokenHash: row.invitation_token_hash,
    returnTo: row.return_to,
  };
}
