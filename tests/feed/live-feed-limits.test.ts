import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveFeed } from '../../src/feed/live-feed.ts';
import type { RawArticle } from '../../src/ingest/types.ts';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { CLOSE_TOO_SLOW } from '../../src/server/subscriptions/subscription-server.ts';
import { listen } from '../helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait.ts';

/** The rules around subscriptions: keys, limits, slow subscribers dropped alone, many subscribers held. */
const KEY = 'feed-limits-test-key-0123';

const article = (i: number): RawArticle => ({
  origin: `t:${i}`,
  raw: `Council vote number ${i} in Leeds\n\nLeeds councillors voted on plan ${i} on Monday, the council said.\n\n"This is plan ${i} and it is a good one," said Priya Shah, the council leader.\n\n${'The plan covers roads, parks and schools. '.repeat(400)}`,
  meta: { source: 'Test Desk' },
});

function connect(url: string, params?: Record<string, unknown>): Client {
  return createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: params });
}

/** The first result (or error) of one operation. */
function once(client: Client, query: string): Promise<{ data?: any; errors?: any }> {
  return new Promise((resolve) => client.subscribe({ query }, { next: (r) => resolve(r as any), error: (e) => resolve({ errors: e }), complete: () => {} }));
}

describe('subscription limits', () => {
  let db: TestDatabase;
  let feed: LiveFeed;
  let server: NewsgraphServer;
  let wsUrl: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('feed_limits');
    feed = new LiveFeed(db.sql.pool, db.sql, { maxPending: 2 });
    await feed.start();
    server = await createServer({ sql: db.sql, db: db.writer, liveFeed: feed, apiKeyHashes: parseApiKeys(KEY), subscriptionLimits: { perConnection: 600, perClient: 1200 }, subscriptionKeepAliveMs: 600_000, queryLimits: { maxCost: 50, maxDepth: 6, maxAliases: 30, maxDirectives: 50, maxFields: 5000 } });
    wsUrl = `${(await listen(server)).replace('http', 'ws')}/graphql`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await server?.stop();
    await feed?.stop();
    await db?.drop();
  });

  it('applies the cost and depth limits of queries, and refuses a wrong key', async () => {
    const client = connect(wsUrl);
    clients.push(client);
    const deep = await once(client, 'subscription { statementAdded { article { people(first: 50) { nodes { articles(first: 50) { nodes { title } } } } } } }');
    expect(deep.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const badId = connect(wsUrl, { authorization: 'Bearer not-the-key-at-all-0000' });
    const closed = await new Promise<number>((resolve) => badId.on('closed', (e) => resolve((e as { code: number }).code)));
    expect(closed).toBe(4403);
    await badId.dispose();
  });

  it("lets a browser page connect only from an origin CORS allows (or the server's own)", async () => {
    const guarded = await createServer({ sql: db.sql, liveFeed: feed, corsOrigins: ['https://app.example'] });
    try {
      const base = await listen(guarded);
      const url = `${base.replace('http', 'ws')}/graphql`;
      const attempt = (origin?: string) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(url, 'graphql-transport-ws', origin ? { origin } : {});
          ws.once('open', () => (ws.close(), resolve(101)));
          ws.once('unexpected-response', (_req, res) => (ws.terminate(), resolve(res.statusCode ?? 0)));
          ws.once('error', () => {});
        });
      expect(await attempt('https://evil.example')).toBe(403);
      expect(await attempt('https://app.example')).toBe(101);
      expect(await attempt(base)).toBe(101);
      expect(await attempt()).toBe(101);
    } finally {
      await guarded.stop();
    }
  });

  it('holds 1,000 subscriptions on one process, delivers to each, and drops only the subscriber that stops reading', async () => {
    const before = process.memoryUsage().heapUsed;
    const fast = [connect(wsUrl), connect(wsUrl)];
    clients.push(...fast);
    let delivered = 0;
    for (let i = 0; i < 1000; i++) fast[i % 2].subscribe({ query: 'subscription { articleAdded { title } }' }, { next: () => delivered++, error: () => {}, complete: () => {} });
    await waitFor(() => feed.subscriberCount === 1000, '1,000 subscriptions registered', { timeoutMs: 60_000 });
    const heldMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    console.log(`1,000 subscriptions: heap +${heldMb.toFixed(1)} MB (server and clients in this process)`);
    expect(heldMb).toBeLessThan(200);

    // A raw socket that subscribes and then stops reading: the server must drop it, not buffer for it.
    // (Keep-alive is long here, so that it is the backlog that drops it, not a missed pong.)
    const slow = new WebSocket(wsUrl, 'graphql-transport-ws');
    const slowClosed = new Promise<number>((resolve) => slow.on('close', (code) => resolve(code)));
    await new Promise((r) => slow.once('open', r));
    slow.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((r) => slow.once('message', r));
    slow.send(JSON.stringify({ id: 's', type: 'subscribe', payload: { query: 'subscription { articleAdded { title body } }' } }));
    await waitFor(() => feed.subscriberCount === 1001, 'the slow subscription registered');
    (slow as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();

    for (let batch = 0; batch < 100; batch++) {
      await ingestArticles(db.writer, Array.from({ length: 5 }, (_, k) => ({ ok: true as const, article: article(batch * 5 + k) })), { batchSize: 5 });
      if (feed.subscriberCount === 1000) break;
    }
    await waitFor(() => feed.subscriberCount === 1000, 'the slow subscriber dropped', { timeoutMs: 120_000 });
    (slow as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await slowClosed).toBe(CLOSE_TOO_SLOW);
    // Every fast subscription got every stored article.
    const stored = Number((await db.sql.query<{ n: string }>('SELECT count(*) AS n FROM article'))[0].n);
    await waitFor(() => delivered === stored * 1000, `${stored * 1000} deliveries`, { timeoutMs: 120_000, detail: () => `${delivered}` });
  }, 300_000);
});
