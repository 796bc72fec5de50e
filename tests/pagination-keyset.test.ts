import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { createOperationDescriptor, Environment, fetchQuery, Network, RecordSource, Store, type ConcreteRequest, type GraphQLResponse } from 'relay-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { counterDrift } from './helpers/counter-drift.ts';
import { execute, listen, TEST_ADMIN } from './helpers/graphql.ts';
import { createSampleGraph } from './helpers/sample-graph.ts';
import type { TestDatabase } from './helpers/test-database.ts';

const KEY = 'keyset-key-0123456789abcdef';

/** Root lists and the orders they offer, each with its fields for a page of ids. */
const LISTS: { list: string; orders: string[] }[] = [
  { list: 'articles', orders: ['PUBLISHED_AT', 'TITLE', 'INGESTED_AT'] },
  { list: 'people', orders: ['MENTIONS', 'STATEMENTS', 'NAME'] },
  { list: 'organizations', orders: ['MENTIONS', 'STATEMENTS', 'NAME'] },
  { list: 'places', orders: ['MENTIONS', 'NAME'] },
  { list: 'events', orders: ['START_DATE', 'ARTICLES', 'TITLE'] },
  { list: 'statements', orders: ['PUBLISHED_AT', 'CONFIDENCE'] },
];

/**
 * What the Relay compiler makes of
 * `query NewestArticlesQuery($first: Int!, $after: String) { articles(first: $first, after: $after) @connection(key: "Newest_articles") { edges { cursor node { id title __typename } } pageInfo { endCursor hasNextPage } } }`,
 * written out (the compiler is a native binary outside this project's tool chain): the reader reads
 * the client-side connection record, the operation fetches the page and hands it to Relay's
 * ConnectionHandler, which appends a page only when `after` is the end cursor it holds.
 */
const RELAY_NEWEST: ConcreteRequest = (() => {
  const argumentDefinitions = [
    { defaultValue: null, kind: 'LocalArgument', name: 'after' },
    { defaultValue: null, kind: 'LocalArgument', name: 'first' },
  ] as const;
  const args = [
    { kind: 'Variable', name: 'after', variableName: 'after' },
    { kind: 'Variable', name: 'first', variableName: 'first' },
  ] as const;
  const scalar = (name: string) => ({ alias: null, args: null, kind: 'ScalarField', name, storageKey: null }) as const;
  const selections = [
    { alias: null, args: null, concreteType: 'ArticleEdge', kind: 'LinkedField', name: 'edges', plural: true, storageKey: null, selections: [
      scalar('cursor'),
      { alias: null, args: null, concreteType: 'Article', kind: 'LinkedField', name: 'node', plural: false, storageKey: null, selections: [scalar('id'), scalar('title'), scalar('__typename')] },
    ] },
    { alias: null, args: null, concreteType: 'PageInfo', kind: 'LinkedField', name: 'pageInfo', plural: false, storageKey: null, selections: [scalar('endCursor'), scalar('hasNextPage')] },
  ] as const;
  const text = 'query NewestArticlesQuery($first: Int!, $after: String) { articles(first: $first, after: $after) { edges { cursor node { id title __typename } } pageInfo { endCursor hasNextPage } } }';
  return {
    kind: 'Request',
    fragment: { argumentDefinitions, kind: 'Fragment', metadata: null, name: 'NewestArticlesQuery', type: 'Query', abstractKey: null, selections: [
      { alias: 'articles', args: null, concreteType: 'ArticleConnection', kind: 'LinkedField', name: '__Newest_articles_connection', plural: false, storageKey: null, selections },
    ] },
    operation: { argumentDefinitions, kind: 'Operation', name: 'NewestArticlesQuery', selections: [
      { alias: null, args, concreteType: 'ArticleConnection', kind: 'LinkedField', name: 'articles', plural: false, storageKey: null, selections },
      { alias: null, args, filters: null, handle: 'connection', key: 'Newest_articles', kind: 'LinkedHandle', name: 'articles' },
    ] },
    params: { cacheID: 'newest-articles', id: null, metadata: { connection: [{ count: 'first', cursor: 'after', direction: 'forward', path: ['articles'] }] }, name: 'NewestArticlesQuery', operationKind: 'query', text },
  } as unknown as ConcreteRequest;
})();

describe('keyset cursors', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let base: string;
  const q = async (query: string, variables?: Record<string, unknown>) => {
    const r = await execute(server, db.sql, query, variables, TEST_ADMIN, db.writer);
    return r;
  };
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const r = await q(query, variables);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!;
  };

  beforeAll(async () => {
    // BBC stories are undated, Reuters' dated: the date orders page across both.
    db = await createSampleGraph('keyset', { bbc: 30, reuters: 60 });
    server = await createServer({ sql: db.sql, db: db.writer, apiKeyHashes: [hashApiKey(KEY)] });
    base = await listen(server);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  /** Every id of a list, page after page of `size` rows, forwards or backwards; checks the page info on the way. */
  async function walk(list: string, order: string, direction: string, size: number, backwards = false): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 500; pages++) {
      const args = backwards ? `last: ${size}, before: $c` : `first: ${size}, after: $c`;
      const data = await ok(`query($c: String) { ${list}(${args}, orderBy: { field: ${order}, direction: ${direction} }) { nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`, { c: cursor });
      const { nodes, pageInfo } = data[list];
      const page = nodes.map((n: { id: string }) => n.id);
      if (backwards) ids.unshift(...page);
      else ids.push(...page);
      const more = backwards ? pageInfo.hasPreviousPage : pageInfo.hasNextPage;
      expect(backwards ? pageInfo.hasNextPage : pageInfo.hasPreviousPage).toBe(cursor !== null);
      if (!more) return ids;
      expect(page.length).toBe(size);
      cursor = backwards ? pageInfo.startCursor : pageInfo.endCursor;
    }
    throw new Error('did not reach the end');
  }

  it('pages every order of every root list forwards and backwards over the same rows, once each', async () => {
    for (const { list, orders } of LISTS) {
      const total = (await ok(`{ ${list}(first: 1) { totalCount } }`))[list].totalCount as number;
      expect(total, list).toBeGreaterThan(0);
      for (const order of orders) {
        for (const direction of ['ASC', 'DESC']) {
          const label = `${list} ${order} ${direction}`;
          const whole = await walk(list, order, direction, 100);
          expect(whole.length, label).toBe(total);
          expect(new Set(whole).size, label).toBe(total);
          expect(await walk(list, order, direction, 7), label).toEqual(whole);
          expect(await walk(list, order, direction, 7, true), label).toEqual(whole);
        }
      }
    }
  }, 240_000);

  it('orders dates newest first with undated rows last, in both directions', async () => {
    for (const direction of ['DESC', 'ASC']) {
      const data = await ok(`{ articles(first: 100, orderBy: { field: PUBLISHED_AT, direction: ${direction} }) { nodes { publishedAt } } }`);
      const dates = data.articles.nodes.map((n: { publishedAt: string | null }) => n.publishedAt);
      const dated = dates.filter((d: string | null) => d !== null);
      expect(dates.slice(0, dated.length)).toEqual(dated);
      expect(dated).toEqual([...dated].sort((a: string, b: string) => (direction === 'DESC' ? b.localeCompare(a) : a.localeCompare(b))));
      expect(dates.length - dated.length, direction).toBeGreaterThan(0);
    }
  });

  it('refuses a cursor under another order, filter or list with BAD_USER_INPUT, and accepts it under its own', async () => {
    const byTitle = (await ok(`{ articles(first: 2, orderBy: { field: TITLE }) { pageInfo { endCursor } } }`)).articles.pageInfo.endCursor;
    const fromBbc = (await ok(`{ articles(first: 2, source: "bbc") { pageInfo { endCursor } } }`)).articles.pageInfo.endCursor;
    const nested = (await ok(`{ people(first: 1) { nodes { articles(first: 1) { pageInfo { endCursor } } } } }`)).people.nodes[0].articles.pageInfo.endCursor;
    const cases: [string, string][] = [
      [`articles(first: 2, after: "${byTitle}")`, 'another order'],
      [`articles(first: 2, after: "${byTitle}", orderBy: { field: TITLE, direction: DESC })`, 'another direction'],
      [`articles(first: 2, after: "${fromBbc}")`, 'another filter'],
      [`articles(first: 2, after: "${fromBbc}", source: "reuters")`, 'another filter value'],
      [`articles(first: 2, after: "${nested}")`, 'another list'],
      [`statements(last: 2, before: "${byTitle}")`, 'another list, backwards'],
    ];
    for (const [field, why] of cases) {
      const r = await q(`{ ${field} { nodes { id } } }`);
      expect(r.errors?.[0].extensions?.code, why).toBe('BAD_USER_INPUT');
    }
    const own = await q(`{ articles(first: 2, after: "${byTitle}", orderBy: { field: TITLE }) { nodes { id } } }`);
    expect(own.errors).toBeUndefined();
    expect(own.data!.articles.nodes).toHaveLength(2);
  });

  it('counts only when totalCount is selected, from the counters for whole lists', async () => {
    const without = await q(`{ articles(first: 5) { nodes { id } } statements(first: 5) { nodes { id } } }`);
    const withCount = await q(`{ articles(first: 5) { totalCount nodes { id } } statements(first: 5) { totalCount nodes { id } } }`);
    expect(withCount.sqlStatements - without.sqlStatements).toBe(2);
    const [row] = await db.sql.query<{ a: number; s: number }>(`SELECT (SELECT count(*) FROM article)::int AS a, (SELECT count(*) FROM statement)::int AS s`);
    expect(withCount.data!.articles.totalCount).toBe(row.a);
    expect(withCount.data!.statements.totalCount).toBe(row.s);
  });

  it("keeps an Apollo Client infinite list (relayStylePagination) whole while newer articles arrive", async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: `${base}/graphql`, headers: { authorization: `Bearer ${KEY}` } }),
      cache: new InMemoryCache({ typePolicies: { Query: { fields: { articles: relayStylePagination(['orderBy', 'source']) } } } }),
    });
    const NEWEST = gql`query Newest($after: String) { articles(first: 5, after: $after) { edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } }`;
    const before = (await ok(`{ articles(first: 10) { nodes { id } } }`)).articles.nodes.map((n: { id: string }) => n.id);
    const watch = client.watchQuery({ query: NEWEST });
    let subscription: { unsubscribe(): void } | undefined;
    const first = await new Promise<{ data: unknown }>((resolve, reject) => {
      subscription = watch.subscribe({ next: (r) => r.data && !r.loading && resolve(r as { data: unknown }), error: reject });
    });
    expect((first.data as any).articles.edges.map((e: any) => e.node.id)).toEqual(before.slice(0, 5));
    // A newer article arrives between two pages (dated today: it sorts first).
    const ingest = await q(`mutation($i: IngestArticleInput!) { ingestArticle(input: $i) { outcome } }`, {
      i: { title: 'Harbour crane collapses in Rotterdam', text: 'A harbour crane collapsed in Rotterdam on Monday, the port authority said.\n\n"Nobody was hurt," said Anna de Vries, a spokeswoman.', url: 'https://example.org/keyset-crane', publishedAt: new Date().toISOString().slice(0, 10) },
    });
    expect(ingest.data!.ingestArticle.outcome).toBe('CREATED');
    await watch.fetchMore({ variables: { after: (first.data as any).articles.pageInfo.endCursor } });
    const merged = (client.readQuery({ query: NEWEST }) as any).articles.edges.map((e: any) => e.node.id);
    // No article twice, none skipped: the second page starts right after the first page's last row.
    expect(merged).toEqual(before);
    subscription?.unsubscribe();
    client.stop();
  });

  it('keeps a relay-runtime connection (ConnectionHandler) whole while newer articles arrive', async () => {
    const environment = new Environment({
      network: Network.create(async (params, variables) => {
        const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ query: params.text, variables }) });
        return (await response.json()) as GraphQLResponse;
      }),
      store: new Store(new RecordSource()),
    });
    const before = (await ok(`{ articles(first: 8) { nodes { id } } }`)).articles.nodes.map((n: { id: string }) => n.id);
    const page = async (after: string | null) => (await fetchQuery(environment, RELAY_NEWEST, { first: 4, after }).toPromise()) as any;
    const first = await page(null);
    expect(first.articles.edges.map((e: any) => e.node.id)).toEqual(before.slice(0, 4));
    const ingest = await q(`mutation($i: IngestArticleInput!) { ingestArticle(input: $i) { outcome } }`, {
      i: { title: 'Tram line opens in Porto', text: 'A new tram line opened in Porto on Sunday, the city council said.\n\n"It links the hospital to the centre," said Rui Costa, the mayor.', url: 'https://example.org/keyset-tram', publishedAt: new Date().toISOString().slice(0, 10) },
    });
    expect(ingest.data!.ingestArticle.outcome).toBe('CREATED');
    await page(first.articles.pageInfo.endCursor);
    // Relay's store holds one connection: its edges are both pages, merged by the ConnectionHandler.
    const snapshot = environment.lookup(createOperationDescriptor(RELAY_NEWEST, { first: 4, after: null }).fragment);
    const merged = (snapshot.data as any).articles.edges.map((e: any) => e.node.id);
    expect(merged).toEqual(before);
  });

  it('carries a corrected article date to its statements, counters exact', async () => {
    const article = (text: string, publishedAt: string) => ({ title: 'Ferry strike ends in Calais', text, url: 'https://example.org/keyset-ferry', publishedAt });
    const ingest = (i: Record<string, unknown>) => ok(`mutation($i: IngestArticleInput!) { ingestArticle(input: $i) { outcome article { id } } }`, { i });
    const text = 'The ferry strike in Calais ended on Tuesday.\n\n"We have an agreement," said Marc Petit, the union leader.';
    const created = await ingest(article(text, '2001-03-04'));
    expect(created.ingestArticle.outcome).toBe('CREATED');
    const corrected = await ingest(article(`${text}\n\nCrossings resume on Wednesday.`, '2001-03-05'));
    expect(corrected.ingestArticle.outcome).toBe('UPDATED');
    const dates = await db.sql.query<{ d: string }>(`SELECT to_char(published_at, 'YYYY-MM-DD') AS d FROM statement WHERE article_id = (SELECT id FROM article WHERE url = 'https://example.org/keyset-ferry')`);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.map((r) => r.d)).toEqual(dates.map(() => '2001-03-05'));
    expect(await counterDrift(db.sql)).toEqual([]);
  });
});
