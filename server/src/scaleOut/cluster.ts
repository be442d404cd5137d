import { z } from 'zod';

/**
 * What one instance tells the others (DESIGN 3: any instance may handle a command; its effect
 * must reach connections on every instance). A message never carries a decision or private
 * content: it says where to look again, and each instance decides from the database.
 */
const id = z.string().min(1).max(100);
const accessChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('section'), sectionId: id }),
  z.object({ kind: z.literal('plan'), planId: id }),
  z.object({ kind: z.literal('user'), userId: id, ended: z.boolean() }),
  z.object({ kind: z.literal('party'), partyId: id }),
]);

export const clusterMessage = z.discriminatedUnion('type', [
  /**
   * A plan's projection changed: after a command rebuild it, after edits to `sections` re-derive
   * those (if loaded here).
   */
  z.object({ type: z.literal('projection'), planId: id, sections: z.array(id).max(1000).optional() }),
  /** Rights changed (see AccessChange): re-decide open connections. */
  z.object({ type: z.literal('access'), change: accessChange }),
  /** A session ended (logout, deactivation): close its connections and notification streams. */
  z.object({ type: z.literal('session-ended'), sessionId: id }),
  /** These people have new notifications. */
  z.object({ type: z.literal('notify'), userIds: z.array(id).max(10_000) }),
  /** A command is about to lock or rewrite a section: stop accepting edits to it, then answer. */
  z.object({ type: z.literal('freeze'), sectionId: id, requestId: id }),
  /** The command that froze the section is done. */
  z.object({ type: z.literal('thaw'), sectionId: id, requestId: id }),
  /** Answer to `freeze`, sent to the asking instance only: every accepted edit is stored. */
  z.object({ type: z.literal('frozen'), requestId: id }),
  /** An instance has started: the others watch for it to leave (see RedisCluster.checkPeers). */
  z.object({ type: z.literal('hello') }),
]);
export type ClusterMessage = z.infer<typeof clusterMessage>;

/** A message as it travels: who sent it, so an instance ignores its own. */
export const clusterEnvelope = z.object({ from: id, message: clusterMessage });

/** What an instance does with a message from another one. */
export interface ClusterHandlers {
  projection(planId: string, sections?: readonly string[]): Promise<void>;
  access(change: z.infer<typeof accessChange>): Promise<void>;
  sessionEnded(sessionId: string): void;
  notify(userIds: readonly string[]): void;
  /** Freezes the section here and resolves once every edit accepted here before is stored. */
  freeze(sectionId: string): Promise<void>;
  thaw(sectionId: string): Promise<void>;
  /** The link to the others came back after an outage: messages may have been missed. */
  resynchronise(): Promise<void>;
  /** Another instance left (died): what it stored but never relayed is read from storage. */
  peerLost(): Promise<void>;
}

export type ClusterHealth = 'single' | 'ok' | 'down';

/** The other instances, as seen from this one. */
export interface Cluster {
  readonly instanceId: string;
  /** Sends to every other instance; never throws (a lost message is logged, storage stays the authority). */
  broadcast(message: ClusterMessage): Promise<void>;
  /**
   * Asks every other instance to freeze the section and waits (bounded) for each to answer.
   * Returns the thaw. An instance that does not answer in time is logged: storage still refuses
   * its edits once the lock commits (DocumentUpdateWriter), so waiting is for the user, not integrity.
   */
  freezeElsewhere(sectionId: string): Promise<() => Promise<void>>;
  start(handlers: ClusterHandlers): Promise<void>;
  health(): ClusterHealth;
  close(): Promise<void>;
}

/** One instance on its own: nobody to tell. */
export class SingleInstance implements Cluster {
  readonly instanceId = 'single';
  broadcast(): Promise<void> {
    return Promise.resolve();
  }
  freezeElsewhere(): Promise<() => Promise<void>> {
    return Promise.resolve(() => Promise.resolve());
  }
  start(): Promise<void> {
    return Promise.resolve();
  }
  health(): ClusterHealth {
    return 'single';
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
