import { PARTY_COLORS, connectionScope, parseDocumentName, planDocumentName } from '@fellesplan/domain';
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { Logger } from 'pino';
import { findSessionUser, type AuthenticatedUser } from '../auth/sessions.js';
import { tokenFromCookieHeader } from '../auth/requestToken.js';
import type { Db } from '../storage/database.js';
import { findPlan, findSection } from '../storage/repositories/plans.js';
import { CollabRefusal, type CollabContext } from './context.js';
import type { SectionScopes } from './sectionScopes.js';

/**
 * Decides, per document a connection opens, whether it may read and whether it may write
 * (DESIGN 6.3). A read-only connection's updates are dropped by Hocuspocus itself.
 */
export class AuthenticationExtension implements Extension {
  readonly extensionName = 'Authentication';
  readonly priority = 1000;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly scopes: SectionScopes,
  ) {}

  async onAuthenticate(data: onAuthenticatePayload<Partial<CollabContext>>): Promise<CollabContext> {
    const document = parseDocumentName(data.documentName);
    if (!document) {
      this.logger.warn(
        { socketId: data.socketId, documentName: data.documentName.slice(0, 100) },
        'refused malformed document name',
      );
      throw new CollabRefusal('invalid-document');
    }
    // Before the person is read: a change of their rights from now on may not be in what is read.
    const authenticatedAt = Date.now();
    const actor = await this.authenticate(data);
    if (!actor) throw new CollabRefusal('unauthenticated');

    // Read before the section: a scope change after this read moves the version, so it is noticed.
    const scopeVersion = this.scopes.version(document.kind === 'section' ? document.id : planDocumentName(document.id));
    const section = document.kind === 'section' ? await findSection(this.db, document.id) : null;
    const planId = document.kind === 'plan' ? document.id : section?.planId;
    const plan = planId ? await findPlan(this.db, planId) : null;
    if (!plan) throw new CollabRefusal('not-found');
    const scope = connectionScope(actor, document.kind === 'plan' ? document : { kind: 'section', section }, plan);
    if (scope === 'refuse') {
      this.logger.warn(
        { socketId: data.socketId, userId: actor.userId, documentName: data.documentName },
        'refused non-member',
      );
      throw new CollabRefusal('forbidden');
    }
    // Hocuspocus drops every update of a read-only connection; the plan document is always read-only.
    data.connectionConfig.readOnly = scope !== 'write';
    const party = plan.parties.find((p) => p.id === actor.partyId);
    const presence = {
      name: actor.name,
      party: party?.name ?? '',
      color: party ? PARTY_COLORS[party.kind] : '#444444',
    };
    return { actor, document, planId: plan.id, presence, session: actor.session, scopeVersion, authenticatedAt };
  }

  /**
   * The provider's token, or else the session cookie of the upgrade request. The cookie is only
   * honoured from our own origin, so another site cannot ride a logged-in user's session.
   */
  private async authenticate(data: onAuthenticatePayload): Promise<AuthenticatedUser | null> {
    if (data.token && data.token !== 'cookie') return findSessionUser(this.db, data.token);
    const cookieToken = tokenFromCookieHeader(data.requestHeaders.get('cookie'));
    if (!cookieToken || !isSameOrigin(data.requestHeaders)) return null;
    return findSessionUser(this.db, cookieToken);
  }
}

function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  const host = headers.get('host');
  if (!origin) return true; // Non-browser clients send no Origin and cannot carry a victim's cookie.
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
