import type pg from 'pg';
import type { Sql } from '../db/sql.ts';
import { BoundedStream } from './bounded-stream.ts';
import { decodeFeedPayload, FEED_CHANNEL } from './channel.ts';
import { loadFeedArticles, loadFeedEvents, loadFeedStatements, type FeedArticle, type FeedEvent, type FeedStatement } from './feed-items.ts';

export interface FeedItems {
  article: FeedArticle;
  statement: FeedStatement;
  event: FeedEvent;
}
export type FeedKind = keyof FeedItems;

interface Subscriber<K extends FeedKind> {
  kind: K;
  matches: (item: FeedItems[K]) => boolean;
  stream: BoundedStream<FeedItems[K]['node']>;
}

const LOADERS: { [K in FeedKind]: (sql: Sql, articleIds: number[]) => Promise<FeedItems[K][]> } = { article: loadFeedArticles, statement: loadFeedStatements, event: loadFeedEvents };

/**
 * This process's end of the live feed: one LISTEN connection hears which articles were committed (by
 * any writer, on any machine), the nodes are loaded once per batch for the kinds someone subscribed
 * to, and each subscriber gets the ones its filter matches.
 */
export class LiveFeed {
  private readonly subscribers = new Set<Subscriber<FeedKind>>();
  private listener: pg.PoolClient | null = null;
  private stopped = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: pg.Pool,
    private readonly sql: Sql,
    /** maxPending: committed batches a subscriber may have undelivered before it is dropped. */
    private readonly options: { maxPending: number; log?: (msg: string, fields?: Record<string, unknown>) => void },
  ) {}

  async start(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (n) => {
      if (n.channel === FEED_CHANNEL && n.payload) this.enqueue(decodeFeedPayload(n.payload));
    });
    client.on('error', () => this.reconnect(client));
    await client.query(`LISTEN ${FEED_CHANNEL}`);
    this.listener = client;
  }

  /** The connection broke (database restart): listen again on a new one, retrying every second. */
  private reconnect(broken: pg.PoolClient): void {
    if (this.listener !== broken) return;
    this.listener = null;
    broken.release(true);
    this.options.log?.('live feed: LISTEN connection lost, reconnecting');
    const retry = () => {
      if (this.stopped) return;
      this.start().catch(() => setTimeout(retry, 1000).unref());
    };
    setTimeout(retry, 1000).unref();
  }

  /** Batches are delivered in commit order, one after another. */
  private enqueue(articleIds: number[]): void {
    this.chain = this.chain.then(() => this.deliver(articleIds)).catch((error: Error) => this.options.log?.('live feed: a batch could not be delivered', { error: error.message }));
  }

  private async deliver(articleIds: number[]): Promise<void> {
    const kinds = new Set([...this.subscribers].map((s) => s.kind));
    for (const kind of kinds) {
      const items = await LOADERS[kind](this.sql, articleIds);
      for (const s of this.subscribers) {
        if (s.kind !== kind) continue;
        s.stream.push(items.filter((item) => s.matches(item)).map((item) => item.node));
      }
    }
  }

  /** A stream of the nodes of `kind` that `matches` accepts; `onOverflow` runs if its consumer falls behind. */
  subscribe<K extends FeedKind>(kind: K, matches: (item: FeedItems[K]) => boolean, onOverflow: () => void): BoundedStream<FeedItems[K]['node']> {
    const subscriber = { kind, matches } as Subscriber<K>;
    subscriber.stream = new BoundedStream<FeedItems[K]['node']>(this.options.maxPending, onOverflow, () => this.subscribers.delete(subscriber as unknown as Subscriber<FeedKind>));
    this.subscribers.add(subscriber as unknown as Subscriber<FeedKind>);
    return subscriber.stream;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const s of [...this.subscribers]) s.stream.close();
    const client = this.listener;
    this.listener = null;
    if (client) {
      await client.query(`UNLISTEN ${FEED_CHANNEL}`).catch(() => {});
      client.release();
    }
  }
}
