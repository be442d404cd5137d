import type { Cluster } from '../scaleOut/cluster.js';

/**
 * Where "these people have new notifications" is announced once a command has committed. The
 * message carries no content: each listener reads the person's own rows again, so the same
 * message can later travel between instances (Redis pub/sub) without carrying anything private.
 */
export interface NotificationFeed {
  publish(userIds: readonly string[]): Promise<void>;
  /** Calls `listener` whenever the person has news; returns the unsubscribe. */
  subscribe(userId: string, listener: () => void): () => void;
}

/** The feed within one instance. */
export class LocalNotificationFeed implements NotificationFeed {
  private readonly listeners = new Map<string, Set<() => void>>();

  publish(userIds: readonly string[]): Promise<void> {
    for (const userId of new Set(userIds)) {
      for (const listener of this.listeners.get(userId) ?? []) listener();
    }
    return Promise.resolve();
  }

  subscribe(userId: string, listener: () => void): () => void {
    const set = this.listeners.get(userId) ?? new Set();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }
}

/** The feed across instances: published here and on every other instance (Redis). */
export class ClusterNotificationFeed implements NotificationFeed {
  constructor(
    readonly local: LocalNotificationFeed,
    private readonly peers: Pick<Cluster, 'broadcast'>,
  ) {}

  async publish(userIds: readonly string[]): Promise<void> {
    await this.local.publish(userIds);
    if (userIds.length > 0) await this.peers.broadcast({ type: 'notify', userIds: [...new Set(userIds)] });
  }

  subscribe(userId: string, listener: () => void): () => void {
    return this.local.subscribe(userId, listener);
  }
}
