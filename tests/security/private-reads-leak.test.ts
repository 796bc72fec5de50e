import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const KEY = 'private-reads-test-key-0123456789';
// Wrong field names close to real ones: a validation error would answer "Did you mean …?".
const PROBES = ['{ articls { totalCount } }', '{ articles { nodes { titl } } }', '{ persn(name: "x") { name } }', '{ __schema { types { name } } }'];
const SCHEMA_WORDS = /articles|title|person|Did you mean|Cannot query field/i;

describe('private reads tell anonymous clients nothing about the schema', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase('private_reads_leak');
    server = await createServer({ sql: db.sql, apiKeyHashes: parseApiKeys(KEY), privateReads: true, production: true });
    url = await listen(server);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('answers an anonymous invalid query with 401 and no field names, over POST and GET', async () => {
    for (const query of PROBES) {
      for (const res of [
        await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify({ query }) }),
        await fetch(`${url}/graphql?${new URLSearchParams({ query })}`, { headers: { accept: 'application/graphql-response+json' } }),
        // A legacy client too (request errors would otherwise be 200 with the message in the body).
        await fetch(`${url}/graphql?${new URLSearchParams({ query })}`, { headers: { accept: 'application/json' } }),
      ]) {
        const text = await res.text();
        expect(res.status, query).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect(JSON.parse(text).errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
        expect(text, query).not.toMatch(SCHEMA_WORDS);
      }
    }
  });

  it('a key holder still gets validation errors', async () => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-api-key': KEY }, body: JSON.stringify({ query: PROBES[0] }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/GRAPHQL_VALIDATION_FAILED/);
  });
});
