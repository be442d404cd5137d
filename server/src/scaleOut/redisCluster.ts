import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  clusterEnvelope,
  type Cluster,
  type ClusterHandlers,
  type ClusterHealth,
  type ClusterMessage,
} from './cluster.js';
import { redisClientOptions } from './redisOptions.js';

export interface RedisClusterOptions {
  url: string;
  /** Keys and channels start with it: several deployments (or test runs) can share one Redis. */
  prefix: string;
  logger: Logger;
  /** How long a command waits for the other instances to freeze a section (default 3 s). */
  freezeAckTimeoutMs?: number;
  /**
   * How long a freeze asked for by another instance holds without word from it: the asking
   * instance renews it while its command runs, so one that died lets go after this.
   */
  freezeLeaseMs?: number;
  /** How often the instances still listening are checked, to notice one that died (default 250 ms). */
  peerCheckMs?: number;
}

interface PendingFreeze {
  acks: Set<string>;
  needed: number | null;
  done: () => void;
}

/**
 * The other instances over Redis pub/sub: one channel every instance listens on, and one reply
 * channel per instance for answers to a freeze. Publishing uses a client without an offline
 * queue, so a message to a Redis that is down fails at once instead of piling up; what was missed
 * is made good when the link returns (`resynchronise`).
 */
export class RedisCluster implements Cluster {
  readonly instanceId = `i-${randomUUID()}`;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly logger: Logger;
  private readonly busChannel: string;
  private readonly replyChannel: string;
  private readonly pendingFreezes = new Map<string, PendingFreeze>();
  /** Freezes other instances asked for, by request id, each with the lease that ends it. */
  private readonly heldFreezes = new Map<string, { sectionId: string; lease: NodeJS.Timeout }>();
  /** Freeze and thaw of one request run in order, whatever order their handlers finish in. */
  private readonly requestQueues = new Map<string, Promise<void>>();
  private handlers: ClusterHandlers | undefined;
  private wasReady = false;
  private lostLink = false;
  private closed = false;
  private peerTimer: NodeJS.Timeout | undefined;
  /** The other instances seen alive (by their reply channel, or a message from them). */
  private readonly peers = new Set<string>();
  private readonly replyPrefix: string;
  private checking = false;

  constructor(private readonly options: RedisClusterOptions) {
    this.logger = options.logger.child({ component: 'cluster', instance: this.instanceId });
    this.busChannel = `${options.prefix}:bus`;
    this.replyPrefix = `${options.prefix}:bus:reply:`;
    this.replyChannel = `${this.replyPrefix}${this.instanceId}`;
    this.pub = new Redis(options.url, { ...redisClientOptions, enableOfflineQueue: false });
    // The subscriber queues its SUBSCRIBE until connected and subscribes again after a reconnect.
    this.sub = new Redis(options.url, { ...redisClientOptions, enableOfflineQueue: true });
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error: Error) => this.logger.debug({ err: error }, 'redis client error'));
    }
    this.sub.on('close', () => {
      if (this.wasReady && !this.closed && !this.lostLink) {
        this.lostLink = true;
        this.logger.warn('lost the link to Redis: serving this instance’s own connections until it returns');
      }
    });
    this.sub.on('ready', () => {
      this.wasReady = true;
      if (!this.lostLink) return;
      this.lostLink = false;
      this.logger.warn('the link to Redis is back: resynchronising');
      this.handlers?.resynchronise().catch((error: unknown) => {
        this.logger.error({ err: error }, 'resynchronising after a Redis outage failed');
      });
    });
    this.sub.on('message', (channel: string, text: string) => this.receive(channel, text));
  }

  async start(handlers: ClusterHandlers): Promise<void> {
    this.handlers = handlers;
    const subscribed = this.sub.subscribe(this.busChannel, this.replyChannel);
    // A server starts even while Redis is down: it serves its own connections, and the queued
    // subscription completes (and everything resynchronises) when Redis comes.
    const started = await Promise.race([
      subscribed.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 3000).unref()),
    ]).catch(() => false);
    if (!started) {
      this.lostLink = true;
      this.logger.warn('Redis is not reachable at start: serving this instance’s own connections until it is');
    } else {
      await this.publish(this.busChannel, { type: 'hello' });
    }
    this.peerTimer = setInterval(() => void this.checkPeers(), this.options.peerCheckMs ?? 250);
    this.peerTimer.unref();
  }

  /**
   * An instance that died may have acknowledged (so stored) edits whose relay through Redis never
   * left it: when one is gone, every loaded section catches up from storage. Instances are told
   * apart by id, not counted: one starting while another dies leaves the count as it was. An
   * instance announces itself when it starts, so one that dies before the next check is missed
   * neither. One check at a time, and a failed catch-up is logged, never thrown: a timer runs it.
   */
  private async checkPeers(): Promise<void> {
    if (this.closed || this.checking || this.pub.status !== 'ready') return;
    this.checking = true;
    try {
      const channels = (await this.pub.pubsub('CHANNELS', `${this.replyPrefix}*`)) as string[];
      const alive = new Set(channels.map((channel) => channel.slice(this.replyPrefix.length)));
      const gone = [...this.peers].filter((peer) => !alive.has(peer));
      for (const peer of alive) if (peer !== this.instanceId) this.peers.add(peer);
      if (gone.length === 0) return;
      for (const peer of gone) this.peers.delete(peer);
      this.logger.warn({ gone }, 'an instance left: sections catch up from storage');
      await this.handlers?.peerLost();
    } catch (error) {
      // The database may be away as well (a restart): the next instance to leave, or the link's
      // return (resynchronise), catches up again.
      this.logger.error({ err: error }, 'could not catch up after an instance left');
    } finally {
      this.checking = false;
    }
  }

  /**
   * A `hello` counts only from an instance that listens on its reply channel: a message on the
   * bus names a sender, but anything with access to Redis could name one that never existed, and
   * each such «instance» would seem to leave at the next check.
   */
  private async confirmPeer(id: string): Promise<void> {
    try {
      const reply = (await this.pub.pubsub('NUMSUB', `${this.replyPrefix}${id}`)) as [string, number | string];
      if (Number(reply[1] ?? 0) > 0 && id !== this.instanceId) this.peers.add(id);
    } catch (error) {
      this.logger.debug({ err: error }, 'could not confirm an instance that announced itself');
    }
  }

  health(): ClusterHealth {
    return this.pub.status === 'ready' && this.sub.status === 'ready' && !this.lostLink ? 'ok' : 'down';
  }

  async broadcast(message: ClusterMessage): Promise<void> {
    await this.publish(this.busChannel, message);
  }

  async freezeElsewhere(sectionId: string): Promise<() => Promise<void>> {
    const requestId = randomUUID();
    // Renewed while the command runs: a freeze whose asker died ends with its lease.
    const leaseMs = this.options.freezeLeaseMs ?? 6000;
    const renewal = setInterval(
      () => void this.publish(this.busChannel, { type: 'freeze', sectionId, requestId }),
      Math.max(100, Math.floor(leaseMs / 3)),
    );
    renewal.unref();
    const thaw = async () => {
      clearInterval(renewal);
      await this.broadcast({ type: 'thaw', sectionId, requestId });
    };
    let done!: () => void;
    const answered = new Promise<void>((resolve) => (done = resolve));
    const pending: PendingFreeze = { acks: new Set(), needed: null, done };
    this.pendingFreezes.set(requestId, pending);
    try {
      const receivers = await this.publish(this.busChannel, { type: 'freeze', sectionId, requestId });
      // PUBLISH counts the subscribers it reached: one per instance, this one included.
      pending.needed = receivers === null ? 0 : Math.max(0, receivers - 1);
      if (pending.acks.size >= pending.needed) return thaw;
      const timeoutMs = this.options.freezeAckTimeoutMs ?? 3000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        answered.then(() => false),
        new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        this.logger.warn(
          { sectionId, answered: pending.acks.size, instances: pending.needed },
          'not every instance answered a freeze in time: storage refuses their late edits',
        );
      }
      return thaw;
    } catch (error) {
      clearInterval(renewal);
      throw error;
    } finally {
      this.pendingFreezes.delete(requestId);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.peerTimer);
    for (const { lease } of this.heldFreezes.values()) clearTimeout(lease);
    this.heldFreezes.clear();
    this.pub.disconnect(false);
    this.sub.disconnect(false);
  }

  /** Publishes; resolves to the number of instances reached, or null when Redis could not be reached. */
  private async publish(channel: string, message: ClusterMessage): Promise<number | null> {
    if (this.closed) return null;
    try {
      return await this.pub.publish(channel, JSON.stringify({ from: this.instanceId, message }));
    } catch (error) {
      this.logger.warn({ err: error, type: message.type }, 'could not tell the other instances');
      return null;
    }
  }

  private receive(channel: string, text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const envelope = clusterEnvelope.safeParse(parsed);
    if (!envelope.success) {
      this.logger.warn({ channel, bytes: text.length }, 'ignored a malformed cluster message');
      return;
    }
    const { from, message } = envelope.data;
    if (from === this.instanceId) return;
    if (channel === this.replyChannel) {
      if (message.type === 'frozen') this.acknowledge(message.requestId, from);
      return;
    }
    if (channel !== this.busChannel) return;
    this.handle(from, message).catch((error: unknown) => {
      this.logger.error({ err: error, type: message.type }, 'could not apply a message from another instance');
    });
  }

  private acknowledge(requestId: string, from: string): void {
    const pending = this.pendingFreezes.get(requestId);
    if (!pending) return;
    pending.acks.add(from);
    if (pending.needed !== null && pending.acks.size >= pending.needed) pending.done();
  }

  private async handle(from: string, message: ClusterMessage): Promise<void> {
    const handlers = this.handlers;
    if (!handlers) return;
    switch (message.type) {
      case 'projection':
        return handlers.projection(message.planId, message.sections);
      case 'access':
        return handlers.access(message.change);
      case 'session-ended':
        return handlers.sessionEnded(message.sessionId);
      case 'notify':
        return handlers.notify(message.userIds);
      case 'freeze':
        return this.inOrder(message.requestId, async () => {
          const lease = () => {
            const timer = setTimeout(() => {
              this.logger.warn({ sectionId: message.sectionId, from }, 'a freeze outlived its lease: thawed');
              void this.thawHeld(message.requestId);
            }, this.options.freezeLeaseMs ?? 6000);
            timer.unref();
            return timer;
          };
          const held = this.heldFreezes.get(message.requestId);
          if (held) {
            // A renewal: the asking instance is still at it.
            clearTimeout(held.lease);
            held.lease = lease();
            return;
          }
          this.heldFreezes.set(message.requestId, { sectionId: message.sectionId, lease: lease() });
          await handlers.freeze(message.sectionId);
          await this.pub
            .publish(
              `${this.options.prefix}:bus:reply:${from}`,
              JSON.stringify({ from: this.instanceId, message: { type: 'frozen', requestId: message.requestId } }),
            )
            .catch((error: unknown) => this.logger.warn({ err: error }, 'could not answer a freeze'));
        });
      case 'thaw':
        return this.inOrder(message.requestId, () => this.thawHeld(message.requestId));
      case 'hello':
        return this.confirmPeer(from);
      case 'frozen':
        return;
    }
  }

  private async thawHeld(requestId: string): Promise<void> {
    const held = this.heldFreezes.get(requestId);
    if (!held) return;
    this.heldFreezes.delete(requestId);
    clearTimeout(held.lease);
    await this.handlers?.thaw(held.sectionId);
  }

  private inOrder(key: string, run: () => Promise<void>): Promise<void> {
    const previous = this.requestQueues.get(key) ?? Promise.resolve();
    const next = previous.then(run, run);
    const tail = next.catch(() => undefined);
    this.requestQueues.set(key, tail);
    void tail.then(() => {
      if (this.requestQueues.get(key) === tail) this.requestQueues.delete(key);
    });
    return next;
  }
}
