import { ApolloClient, gql, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { Client as UrqlClient, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveFeed } from '../../src/feed/live-feed.ts';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait.ts';

/** The live feed through the clients people build on: Apollo Client (GraphQLWsLink) and urql (subscriptionExchange). */
const ARTICLE = 'Bridge reopens in Lyon\n\nThe old bridge in Lyon reopened on Friday, the city said.\n\n"It is good to have it back," said Claire Morel, the mayor.';

describe('live feed with Apollo Client and urql', () => {
  let db: TestDatabase;
  let feed: LiveFeed;
  let server: NewsgraphServer;
  let base: string;
  const sockets: WsClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('feed_clients');
    feed = new LiveFeed(db.sql.pool, db.sql, { maxPending: 64 });
    await feed.start();
    server = await createServer({ sql: db.sql, db: db.writer, liveFeed: feed });
    base = await listen(server);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await server?.stop();
    await feed?.stop();
    await db?.drop();
  });

  const socket = () => {
    const s = createClient({ url: `${base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    sockets.push(s);
    return s;
  };

  it('delivers to both while an article is stored', async () => {
    const apollo = new ApolloClient({ link: new GraphQLWsLink(socket()), cache: new InMemoryCache() });
    const fromApollo: any[] = [];
    const apolloSub = apollo.subscribe({ query: gql`subscription { statementAdded(filter: { kind: DIRECT }) { id kind text speakerText article { id title } } }` }).subscribe({ next: (r) => fromApollo.push(r.data) });

    const ws = socket();
    const urql = new UrqlClient({
      url: `${base}/graphql`,
      exchanges: [subscriptionExchange({ forwardSubscription: (request) => ({ subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }) }) }), fetchExchange],
    });
    const fromUrql: any[] = [];
    const urqlSub = urql.subscription(`subscription { articleAdded(filter: { source: "lyon" }) { id title source } }`, {}).subscribe((r) => fromUrql.push(r.data));

    await waitFor(() => feed.subscriberCount === 2, 'both subscriptions registered');
    expect((await ingestArticles(db.writer, [{ ok: true, article: { origin: 'clients', raw: ARTICLE, meta: { source: 'Lyon Daily' } } }])).errors).toEqual([]);
    await waitFor(() => fromApollo.length > 0 && fromUrql.length > 0, 'both clients to hear of the article', { timeoutMs: 60_000 });
    expect(fromApollo[0].statementAdded).toMatchObject({ kind: 'DIRECT', text: 'It is good to have it back,', speakerText: 'Claire Morel', article: { title: 'Bridge reopens in Lyon' } });
    expect(fromUrql).toEqual([{ articleAdded: { id: expect.any(String), title: 'Bridge reopens in Lyon', source: 'Lyon Daily' } }]);
    // Apollo normalised the delivered nodes into its cache like any query result.
    expect(JSON.stringify(apollo.cache.extract())).toContain('Bridge reopens in Lyon');
    apolloSub.unsubscribe();
    urqlSub.unsubscribe();
    await waitFor(() => feed.subscriberCount === 0, 'both subscriptions ended');
  });
});
