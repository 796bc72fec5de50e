import fs from 'node:fs';
import { buildSchema, isEnumType, isScalarType, parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildNewsgraphSchema } from '../../src/graphql/build-schema.ts';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer, type ServerOptions } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const KEY = 'schema-sdl-test-key-0123456789';
const COMMITTED = fs.readFileSync('schema.graphql', 'utf8');
const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();
// The GraphQL-over-HTTP media type: request errors keep their 4xx status.
const gql = (base: string, query: string) => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify({ query }) });

// The schema contract for code generators when introspection is off (production): the SDL over
// HTTP, an introspection error that says where to look, and a self-describing schema.
describe('the schema for codegen', () => {
  let db: TestDatabase;
  const servers: NewsgraphServer[] = [];
  const start = async (options: Omit<ServerOptions, 'sql'> = {}) => {
    const s = await createServer({ sql: db.sql, ...options });
    servers.push(s);
    return listen(s);
  };

  beforeAll(async () => {
    db = await createTestDatabase('schema_sdl');
    await writeSyntheticGraph(db.writer, { articles: 2, peoplePerArticle: 2, poolSize: 3 });
  });
  afterAll(async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('NEWSGRAPH_SCHEMA_PATH: /schema.graphql by default, configurable, can be turned off', () => {
    expect(loadConfig({}).schemaPath).toBe('/schema.graphql');
    expect(loadConfig({ NODE_ENV: 'production' }).schemaPath).toBe('/schema.graphql');
    expect(loadConfig({ NEWSGRAPH_SCHEMA_PATH: '/api/v1/newsgraph.graphql' }).schemaPath).toBe('/api/v1/newsgraph.graphql');
    expect(loadConfig({ NEWSGRAPH_SCHEMA_PATH: 'off' }).schemaPath).toBeNull();
    // Codegen reads a URL as SDL by its extension; nor may it shadow the server's own routes.
    for (const bad of ['/graphql', 'schema.graphql', '/schema', '/ide/x.graphql', '/a b.graphql']) {
      expect(() => loadConfig({ NEWSGRAPH_SCHEMA_PATH: bad }), bad).toThrow(/NEWSGRAPH_SCHEMA_PATH/);
    }
  });

  it('serves the committed SDL at /schema.graphql, cacheable, read-only', async () => {
    const base = await start({ production: true });
    const r = await fetch(`${base}/schema.graphql`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('public, max-age=300');
    const text = await r.text();
    expect(text).toBe(COMMITTED);
    const etag = r.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect((await fetch(`${base}/schema.graphql`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await fetch(`${base}/schema.graphql`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${base}/schema.graphql`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    // Browser tools on another origin may fetch it.
    const cors = await fetch(`${base}/schema.graphql`, { headers: { origin: 'https://example.org' } });
    expect(cors.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sits behind the API key when reads are private: 401 like /graphql', async () => {
    const base = await start({ production: true, privateReads: true, apiKeyHashes: parseApiKeys(KEY) });
    for (const headers of [{}, { authorization: 'Bearer not-a-key-of-ours-xxxxxxxx' }] as Record<string, string>[]) {
      const sdl = await fetch(`${base}/schema.graphql`, { headers });
      const graphql = await fetch(`${base}/graphql`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect([sdl.status, graphql.status]).toEqual([401, 401]);
      const text = await sdl.text();
      expect(JSON.parse(text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(text).not.toContain('type Query');
    }
    const ok = await fetch(`${base}/schema.graphql`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('private, no-cache');
    expect(await ok.text()).toBe(COMMITTED);
    expect((await fetch(`${base}/schema.graphql`, { headers: { 'x-api-key': KEY } })).status).toBe(200);
  });

  it('refused introspection names NEWSGRAPH_INTROSPECTION and the SDL URL', async () => {
    const base = await start({ production: true });
    const r = await gql(base, '{ __schema { queryType { name } } }');
    expect(r.status).toBe(400);
    const body = await json(r);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toContain('NEWSGRAPH_INTROSPECTION');
    expect(body.errors[0].message).toContain('/schema.graphql');
    expect(body.errors[0].message).not.toContain('ApolloServer');

    const custom = await start({ introspection: false, schemaPath: '/contract/newsgraph.graphql' });
    const c = await json(gql(custom, '{ __type(name: "Article") { name } }'));
    expect(c.errors[0].message).toContain('/contract/newsgraph.graphql');
    expect((await fetch(`${custom}/contract/newsgraph.graphql`)).status).toBe(200);
    expect((await fetch(`${custom}/schema.graphql`)).status).toBe(404);

    const none = await start({ introspection: false, schemaPath: null });
    const n = await json(gql(none, '{ __schema { types { name } } }'));
    expect(n.errors[0].message).toMatch(/NEWSGRAPH_INTROSPECTION.*NEWSGRAPH_SCHEMA_PATH=off/);
    expect((await fetch(`${none}/schema.graphql`)).status).toBe(404);

    // With introspection on, the same query answers; ordinary queries never notice either way.
    const dev = await start({});
    expect((await json(gql(dev, '{ __schema { queryType { name } } }'))).data.__schema.queryType.name).toBe('Query');
    expect((await json(gql(base, '{ articles { totalCount } }'))).data.articles.totalCount).toBe(2);
  });

  describe('the schema describes itself', () => {
    const fromSdl: GraphQLSchema = buildSchema(COMMITTED);

    it('has a schema description, in the SDL and over introspection', async () => {
      expect(buildNewsgraphSchema().description).toMatch(/^Newsgraph: /);
      expect(fromSdl.description).toBe(buildNewsgraphSchema().description);
      const base = await start({ introspection: true });
      const r = await json(gql(base, '{ __schema { description } }'));
      expect(r.data.__schema.description).toBe(buildNewsgraphSchema().description);
    });

    it('describes every enum value (EventKind, OrganizationKind, PlaceKind included)', () => {
      const missing: string[] = [];
      const enums = Object.values(fromSdl.getTypeMap()).filter((t) => isEnumType(t) && !t.name.startsWith('__'));
      expect(enums.map((e) => e.name)).toEqual(expect.arrayContaining(['EventKind', 'OrganizationKind', 'PlaceKind']));
      for (const type of enums) {
        if (!isEnumType(type)) continue;
        for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
      }
      expect(missing).toEqual([]);
    });

    it('names the spec of each custom scalar with @specifiedBy', async () => {
      const custom = Object.values(fromSdl.getTypeMap()).filter((t) => isScalarType(t) && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name));
      expect(custom.map((t) => t.name).sort()).toEqual(['Date', 'DateTime']);
      expect(Object.fromEntries(custom.map((t) => [t.name, isScalarType(t) ? t.specifiedByURL : null]))).toEqual({
        Date: 'https://scalars.graphql.org/andimarek/local-date.html',
        DateTime: 'https://scalars.graphql.org/andimarek/date-time.html',
      });
      expect(parse(COMMITTED).loc!.source.body).toMatch(/scalar DateTime @specifiedBy\(url: "https:\/\/scalars\.graphql\.org\/andimarek\/date-time\.html"\)/);
      const base = await start({ introspection: true });
      const r = await json(gql(base, '{ d: __type(name: "Date") { specifiedByURL } t: __type(name: "DateTime") { specifiedByURL } }'));
      expect([r.data.d.specifiedByURL, r.data.t.specifiedByURL]).toEqual(['https://scalars.graphql.org/andimarek/local-date.html', 'https://scalars.graphql.org/andimarek/date-time.html']);
    });
  });
});
