import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const KEY = 'cross-site-test-key-0123456789';
const QUERY = JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' });

describe('only application/json POSTs are executed (no cross-site "simple" requests)', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let url: string;
  const executed: string[] = [];

  const post = async (contentType: string | null, body = QUERY, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      // fetch adds text/plain to a string body without a type; a Blob without type sends none.
      headers: { accept: 'application/graphql-response+json', ...(contentType === null ? {} : { 'content-type': contentType }), ...headers },
      body: contentType === null ? new Blob([body]) : body,
    });
    return { status: res.status, json: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
  };

  beforeAll(async () => {
    db = await createTestDatabase('cross_site');
    await writeSyntheticGraph(db.writer, { articles: 2, peoplePerArticle: 1, poolSize: 2 });
    server = await createServer({ sql: db.sql, db: db.writer, apiKeyHashes: parseApiKeys(KEY), onRequestDone: ({ requestId }) => executed.push(requestId) });
    url = await listen(server);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('refuses every other content type with 415 UNSUPPORTED_MEDIA_TYPE, before executing anything', async () => {
    const types = [
      'text/plain; a=json', 'text/plain;charset=json', 'text/plain', 'application/x-www-form-urlencoded; json=1', 'multipart/form-data; boundary=json',
      'application/jsonp', 'application/json-patch+json', 'text/json', 'application/xml', null,
    ];
    for (const type of types) {
      const r = await post(type);
      expect(r.status, String(type)).toBe(415);
      expect(r.json.errors?.map((e) => e.extensions?.code), String(type)).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
      expect(r.json.errors?.[0].message).toMatch(/application\/json/);
      expect(r.json.data).toBeUndefined();
    }
    // Not even with a valid key (a cross-site form cannot send one, but nothing else should run either).
    const keyed = await post('text/plain', JSON.stringify({ query: 'mutation { deleteArticle(input: { id: "x" }) { userErrors { code } } }' }), { 'x-api-key': KEY });
    expect(keyed.status).toBe(415);
    expect(executed).toEqual([]);
  });

  it('executes application/json whatever its parameters and letter case', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8', ' application/json ']) {
      const r = await post(type);
      expect(r.status, type).toBe(200);
      expect(r.json.data).toEqual({ articles: { totalCount: 2 } });
    }
    expect(executed).toHaveLength(4);
  });

  it('GET runs queries only', async () => {
    const get = (query: string) => fetch(`${url}/graphql?${new URLSearchParams({ query })}`, { headers: { accept: 'application/graphql-response+json', 'x-api-key': KEY } });
    const q = await get('{ articles(first: 1) { totalCount } }');
    expect(q.status).toBe(200);
    const m = await get('mutation { deleteArticle(input: { id: "x" }) { userErrors { code } } }');
    expect(m.status).toBe(405);
  });
});
