import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { GraphQLContext } from '../../src/graphql/context.ts';
import { authGuardPlugin } from '../../src/server/plugins/auth-guard.plugin.ts';
import { createApiKeyVerifier } from '../../src/server/auth/api-keys.ts';
import { hashApiKey, parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { codes, post } from './http-client.ts';

const KEY_A = 'test-key-aaaaaaaaaaaaaaaa';
const KEY_B = 'test-key-bbbbbbbbbbbbbbbb';
const READ = { query: '{ articles(first: 2) { totalCount nodes { title } } }' };

describe('API keys: configuration and comparison', () => {
  it('keeps only SHA-256 hashes, accepts sha256: entries, refuses short keys', () => {
    const hashes = parseApiKeys(` ${KEY_A} ,sha256:${hashApiKey(KEY_B).toString('hex')},`);
    expect(hashes).toHaveLength(2);
    expect(hashes.every((h) => h.length === 32)).toBe(true);
    expect(hashes[0].toString('utf8')).not.toContain(KEY_A);
    expect(() => parseApiKeys('short')).toThrow(/shorter than 16/);
    expect(() => loadConfig({ NEWSGRAPH_API_KEYS: 'short' })).toThrow(/NEWSGRAPH_API_KEYS/);
    expect(loadConfig({ NEWSGRAPH_API_KEYS: `${KEY_A},${KEY_B}` }).apiKeyHashes).toHaveLength(2);
    expect(loadConfig({}).apiKeyHashes).toHaveLength(0);
  });

  it('verifies keys against every hash and names the key by a hash prefix, never the key', () => {
    const v = createApiKeyVerifier(parseApiKeys(`${KEY_A},${KEY_B}`));
    const a = v.verify(KEY_A);
    const b = v.verify(KEY_B);
    expect(a).toMatch(/^key:[0-9a-f]{12}$/);
    expect(b).toMatch(/^key:[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(v.verify(`${KEY_A}x`)).toBeNull();
    expect(v.verify('')).toBeNull();
    expect(createApiKeyVerifier([]).verify(KEY_A)).toBeNull();
  });
});

describe('the mutation guard refuses every mutation from unauthenticated callers before execution', () => {
  // A schema with mutations that count their executions: a refused mutation must have no effect at all.
  const effects = { runs: 0 };
  const schema = buildSchema(`type Query { ok: Boolean } type Mutation { a: Int  b(input: String!): Int }`);
  const root = { ok: () => true, a: () => ++effects.runs, b: () => ++effects.runs };
  let apollo: ApolloServer<GraphQLContext>;
  const run = (query: string, authenticated: boolean, privateReads = false) => {
    const server = privateReads ? privateApollo : apollo;
    return server.executeOperation({ query, variables: { x: 'v' } }, { contextValue: { viewer: { authenticated, clientId: 't' } } as GraphQLContext });
  };
  let privateApollo: ApolloServer<GraphQLContext>;

  beforeAll(async () => {
    apollo = new ApolloServer<GraphQLContext>({ schema, rootValue: root, plugins: [authGuardPlugin({ privateReads: false })] });
    privateApollo = new ApolloServer<GraphQLContext>({ schema, rootValue: root, plugins: [authGuardPlugin({ privateReads: true })] });
    await Promise.all([apollo.start(), privateApollo.start()]);
  });
  afterAll(async () => {
    await Promise.all([apollo?.stop(), privateApollo?.stop()]);
  });

  it('UNAUTHENTICATED with HTTP 401 for any mutation, however it is written, and nothing ran', async () => {
    const docs = ['mutation { a }', 'mutation M($x: String!) { b(input: $x) }', 'mutation { x: a y: a }', 'query Q { ok } mutation M { a }'];
    for (const query of docs) {
      const r = await apollo.executeOperation({ query, operationName: query.includes('query Q') ? 'M' : undefined, variables: { x: 'v' } }, { contextValue: { viewer: { authenticated: false, clientId: 't' } } as GraphQLContext });
      expect(r.http.status, query).toBe(401);
      expect(r.body.kind === 'single' && r.body.singleResult.errors?.[0].extensions?.code, query).toBe('UNAUTHENTICATED');
      expect(r.body.kind === 'single' && r.body.singleResult.data, query).toBeUndefined();
    }
    expect(effects.runs).toBe(0);
  });

  it('lets authenticated callers mutate, and reads stay public unless reads are private', async () => {
    const m = await run('mutation { a }', true);
    expect(m.body.kind === 'single' && m.body.singleResult.data).toEqual({ a: 1 });
    expect(effects.runs).toBe(1);
    const q = await run('{ ok }', false);
    expect(q.body.kind === 'single' && q.body.singleResult.data).toEqual({ ok: true });
    const p = await run('{ ok }', false, true);
    expect(p.http.status).toBe(401);
    expect(p.body.kind === 'single' && p.body.singleResult.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const pa = await run('{ ok }', true, true);
    expect(pa.body.kind === 'single' && pa.body.singleResult.data).toEqual({ ok: true });
  });
});

describe('authentication over HTTP on the real server', () => {
  let db: TestDatabase;
  let open: NewsgraphServer;
  let closed: NewsgraphServer;
  let openUrl: string;
  let closedUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase('rel_auth');
    await writeSyntheticGraph(db.writer, { articles: 3, peoplePerArticle: 2, poolSize: 3 });
    const apiKeyHashes = parseApiKeys(`${KEY_A},${KEY_B}`);
    open = await createServer({ sql: db.sql, apiKeyHashes });
    closed = await createServer({ sql: db.sql, apiKeyHashes, privateReads: true });
    [openUrl, closedUrl] = await Promise.all([listen(open), listen(closed)]);
  });
  afterAll(async () => {
    await Promise.all([open?.stop(), closed?.stop()]);
    await db?.drop();
  });

  it('reads are public by default', async () => {
    const r = await post(openUrl, READ);
    expect(r.status).toBe(200);
    expect(r.json.data.articles.totalCount).toBe(3);
  });

  it('a wrong key is refused with 401 UNAUTHENTICATED, even for a public read', async () => {
    for (const headers of <Record<string, string>[]>[{ authorization: 'Bearer not-a-valid-key-at-all' }, { 'x-api-key': `${KEY_A}-` }, { authorization: KEY_A.slice(0, -1) }]) {
      const r = await post(openUrl, READ, headers);
      expect(r.status).toBe(401);
      expect(codes(r)).toEqual(['UNAUTHENTICATED']);
      expect(r.json.data).toBeUndefined();
    }
  });

  it('private reads: no key → 401 UNAUTHENTICATED; Bearer or X-Api-Key → data', async () => {
    const anon = await post(closedUrl, READ);
    expect(anon.status).toBe(401);
    expect(codes(anon)).toEqual(['UNAUTHENTICATED']);
    expect(anon.json.data).toBeUndefined();
    for (const headers of <Record<string, string>[]>[{ authorization: `Bearer ${KEY_A}` }, { 'x-api-key': KEY_B }]) {
      const r = await post(closedUrl, READ, headers);
      expect(r.status).toBe(200);
      expect(r.json.data.articles.totalCount).toBe(3);
    }
  });

  it('every Mutation field of the real schema refuses an unauthenticated caller and changes nothing', async () => {
    const { buildNewsgraphSchema } = await import('../../src/graphql/build-schema.ts');
    const { mutationDocuments } = await import('./mutation-documents.ts');
    const docs = mutationDocuments(buildNewsgraphSchema());
    const tables = ['article', 'person', 'organization', 'place', 'event', 'statement'];
    const snapshot = async () => Promise.all(tables.map(async (t) => (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n, md5(string_agg(t::text, ',' ORDER BY t::text)) AS h FROM ${t} t`))[0]));
    const before = await snapshot();
    for (const doc of docs) {
      const r = await post(openUrl, { query: doc.query });
      expect(r.status, doc.field).toBe(401);
      expect(codes(r), doc.field).toEqual(['UNAUTHENTICATED']);
    }
    expect(await snapshot()).toEqual(before);
    console.log(`auth: ${docs.length} mutation field(s) checked unauthenticated`);
  });
});
