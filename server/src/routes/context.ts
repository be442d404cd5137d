import type { Logger } from 'pino';
import type { AuditHeadSigner } from '../audit/headSigner.js';
import type { SectionContent } from '../content/sectionContent.js';
import type { AccessControl } from '../collaboration/AccessControl.js';
import type { SessionConnections } from '../collaboration/SessionConnections.js';
import type { AccessChanges } from '../collaboration/accessChanges.js';
import type { ProjectionExtension } from '../collaboration/ProjectionExtension.js';
import type { FairQueue } from '../auth/fairQueue.js';
import type { CommandLimits } from '../http/commandLimits.js';
import type { Mailer } from '../mail/mailer.js';
import type { Db } from '../storage/database.js';
import type { NotificationFeed } from '../notifications/notificationFeed.js';
import type { NotificationStreams } from '../notifications/notificationStreams.js';
import type { SectionSearch } from '../search/sectionSearch.js';
import type { WordDocuments } from '../documentWork/wordDocuments.js';
import type { HearingLimits } from '../http/hearingLimits.js';
import type { Cluster } from '../scaleOut/cluster.js';
import type { ServerMetrics } from '../observability/metrics.js';

/** What route handlers and commands share: storage, live content and the projection. */
export interface AppContext {
  db: Db;
  content: SectionContent;
  projection: ProjectionExtension;
  access: AccessControl;
  logger: Logger;
  loginAttemptsPerMinute: number;
  commandLimits: CommandLimits;
  loginAttemptsPerAddressPerMinute: number;
  /** Signs the decision-log head whenever a command moves it. */
  auditSigner: AuditHeadSigner;
  /** Closes open collaboration connections when their session ends. */
  sessions: SessionConnections;
  /** Where commands announce rights changes; every open connection concerned follows at once. */
  accessChanges: AccessChanges;
  /** scrypt work (login, setup, accepting an invitation): a few at a time, in turn per address. */
  passwordWork: FairQueue;
  /** Whether password login is on (`LOCAL_PASSWORDS`). */
  localPasswords: boolean;
  /** The OpenID Connect button on offer (`OIDC_*` configured), or null. */
  oidcMethod: { label: string } | null;
  /** `PUBLIC_URL`, or null: links are then built from the request's origin. */
  publicUrl: string | null;
  /** Sends invitations when `SMTP_URL` is set; null otherwise. */
  mailer: Mailer | null;
  /** Where committed commands announce who has new notifications. */
  notifications: NotificationFeed;
  /** Open notification streams, ended on logout. */
  notificationStreams: NotificationStreams;
  /** Plan search over section bodies, cached by content revision. */
  search: SectionSearch;
  /** Word import and Word/PDF export, off the event loop. */
  wordDocuments: WordDocuments;
  /**
   * The time commands record and hearing deadlines are judged by: real time, unless a test moves
   * it (deadlines are tested by moving the clock, never by waiting).
   */
  clock: () => Date;
  /** Rate limits on public hearing responses, per address and per hearing. */
  hearingLimits: HearingLimits;
  /** The other instances of this deployment (Redis), or a single instance. */
  cluster: Cluster;
  /** This instance's Prometheus metrics (`/metrics`); absent in contexts that unit tests build. */
  metrics?: ServerMetrics;
}
