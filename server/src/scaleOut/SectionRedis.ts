import { parseDocumentName } from '@fellesplan/domain';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { OutgoingMessage } from '@hocuspocus/server';
import type {
  afterLoadDocumentPayload,
  afterStoreDocumentPayload,
  beforeUnloadDocumentPayload,
  onAwarenessUpdatePayload,
  onChangePayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { redisClientOptions } from './redisOptions.js';

function isSection(documentName: string): boolean {
  return parseDocumentName(documentName)?.kind === 'section';
}

function isPlan(documentName: string): boolean {
  return parseDocumentName(documentName)?.kind === 'plan';
}

/**
 * Hocuspocus's Redis extension, for section documents only, and able to go on without Redis.
 * Plan documents are projections each instance builds from the database (a command's effect
 * reaches them through the cluster bus): two instances writing one projection into a shared
 * Y.Doc would merge two copies of it. Every edit a section receives is stored before it is
 * applied (PersistenceExtension), so what travels through Redis is only the live copy: while
 * Redis is down each instance serves its own connections, and when it returns every loaded
 * section exchanges state with its peers again.
 */
export class SectionRedis extends RedisExtension {
  private readonly log: Logger;
  private readonly channelPrefix: string;
  private lostLink = false;
  private wasReady = false;

  constructor(options: { url: string; prefix: string; logger: Logger }) {
    super({
      prefix: `${options.prefix}:doc`,
      createClient: () => new Redis(options.url, redisClientOptions),
      // A document loading here waits at most this long for peers' copies (then goes on alone).
      awaitInitialSyncTimeout: 1000,
    });
    this.log = options.logger.child({ component: 'section-redis' });
    this.channelPrefix = `${options.prefix}:doc`;
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error: Error) => this.log.debug({ err: error }, 'redis client error'));
    }
    this.sub.on('close', () => {
      if (this.wasReady) this.lostLink = true;
    });
    this.sub.on('ready', () => {
      const resync = this.lostLink;
      this.wasReady = true;
      this.lostLink = false;
      if (resync) void this.resynchronise();
    });
  }

  private get linked(): boolean {
    return this.sub.status === 'ready' && this.pub.status === 'ready';
  }

  override async afterLoadDocument(data: afterLoadDocumentPayload): Promise<void> {
    if (isPlan(data.documentName)) {
      if (this.linked) await this.joinPresence(data.documentName);
      else this.lostLink = true;
      return;
    }
    if (!isSection(data.documentName)) return;
    if (!this.linked) {
      // Taken up by `resynchronise` when Redis returns.
      this.lostLink = true;
      return;
    }
    await this.join(data.documentName, data.document);
  }

  override async onChange(data: onChangePayload): Promise<void> {
    if (!isSection(data.documentName) || !this.linked) return;
    await super.onChange(data);
  }

  /** Presence travels for plan pages too («Her nå»): only presence, never the projection. */
  override async onAwarenessUpdate(data: onAwarenessUpdatePayload): Promise<void> {
    if (!(isSection(data.documentName) || isPlan(data.documentName)) || !this.linked) return;
    await super.onAwarenessUpdate(data);
  }

  override async onStoreDocument(data: onStoreDocumentPayload): Promise<void> {
    // Without Redis there is no lock to take: each instance compacts (compaction is safe to run
    // on two instances at once; the lock only saves work).
    if (!isSection(data.documentName) || !this.linked) return;
    try {
      await super.onStoreDocument(data);
    } catch (error) {
      // Another instance holds the lock: the extension skips our compaction by throwing, and
      // Hocuspocus prints the message of every error a hook throws. Expected, so said nothing of.
      if (error instanceof Error && error.constructor.name === 'SkipFurtherHooksError') error.message = '';
      throw error;
    }
  }

  override async afterStoreDocument(data: afterStoreDocumentPayload): Promise<void> {
    if (!isSection(data.documentName)) return;
    await super.afterStoreDocument(data);
  }

  override async beforeUnloadDocument(data: beforeUnloadDocumentPayload): Promise<void> {
    if (!isSection(data.documentName)) return;
    await super.beforeUnloadDocument(data);
  }

  /** Subscribes to a section and exchanges state with peers; never fails a load over Redis. */
  private async join(documentName: string, document: afterLoadDocumentPayload['document']): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const joined = await Promise.race([
        super.afterLoadDocument({ documentName, document } as afterLoadDocumentPayload).then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 2000))),
      ]);
      if (!joined) this.lostLink = true;
    } catch (error) {
      this.lostLink = true;
      this.log.warn({ err: error, documentName }, 'could not share a section through Redis: serving it alone');
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A plan document listens on its channel for the other instances' presence, and asks them for
   * theirs; it never sends a sync step (its content is this instance's own projection), so the
   * extension's handler only ever gets presence for it.
   */
  private async joinPresence(documentName: string): Promise<void> {
    const channel = `${this.channelPrefix}:${documentName}`;
    try {
      await this.sub.subscribe(channel);
      const query = new OutgoingMessage(documentName).writeQueryAwareness().toUint8Array();
      await this.pub.publish(channel, Buffer.concat([this.messagePrefix, Buffer.from(query)]));
    } catch (error) {
      this.lostLink = true;
      this.log.warn({ err: error, documentName }, 'could not share presence on a plan through Redis');
    }
  }

  /** After an outage: every loaded section subscribes again and trades state with its peers. */
  private async resynchronise(): Promise<void> {
    const documents = [...this.instance.documents.entries()];
    const sections = documents.filter(([name]) => isSection(name));
    this.log.warn({ sections: sections.length }, 'the link to Redis is back: sections trade state again');
    await Promise.all([
      ...sections.map(([name, document]) => this.join(name, document)),
      ...documents.filter(([name]) => isPlan(name)).map(([name]) => this.joinPresence(name)),
    ]);
  }
}
