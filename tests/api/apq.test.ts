import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { createSeedGraph } from '../helpers/sample-graph.ts';
import type { TestDatabase } from '../helpers/test-database.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const JSON_ACCEPT = { accept: 'application/graphql-response+json, application/json' };

// Automatic persisted queries (Apollo's APQ protocol), end to end over HTTP: a client sends only the
// SHA-256 of its document; on PERSISTED_QUERY_NOT_FOUND it sends the document once with the hash,
// after which short, cacheable GET URLs work.
describe('automatic persisted queries over HTTP', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let endpoint: string;

  beforeAll(async () => {
    db = await createSeedGraph('apq');
    server = await createServer({ sql: db.sql });
    endpoint = `${await listen(server)}/graphql`;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  function getUrl(params: Record<string, unknown>): string {
    const url = new URL(endpoint);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    return url.toString();
  }
  const post = (body: unknown) => fetch(endpoint, { method: 'POST', headers: { ...JSON_ACCEPT, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('registers a query by hash, then serves it from the hash alone over cacheable GET', async () => {
    const query = 'query ApqPerson($name: String!) { person(name: $name) { name aliases } }';
    const hash = sha256(query);
    const variables = { name: 'Chairman Kim' };

    // 1. Hash only: the server does not know it yet.
    const miss = await fetch(getUrl({ extensions: persisted(hash), variables }), { headers: JSON_ACCEPT });
    // 200, as Apollo's clients expect (they retry with the document), and never cached.
    expect(miss.status).toBe(200);
    const missBody = (await miss.json()) as any;
    expect(missBody.data).toBeUndefined();
    expect(missBody.errors).toHaveLength(1);
    expect(missBody.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(miss.headers.get('cache-control')).toBe('no-store');

    // 2. Hash + document: registered and executed.
    const register = await post({ query, variables, extensions: persisted(hash) });
    expect(register.status).toBe(200);
    const registered = (await register.json()) as any;
    expect(registered.errors).toBeUndefined();
    expect(registered.data.person.name).toBe('Kim Jong Un');

    // 3. Hash only, over GET: executes the stored document, and a CDN may cache the answer.
    const hit = await fetch(getUrl({ extensions: persisted(hash), variables }), { headers: JSON_ACCEPT });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('cache-control')).toBe('public, max-age=60');
    const hitBody = (await hit.json()) as any;
    expect(hitBody.errors).toBeUndefined();
    expect(hitBody.data.person).toEqual(registered.data.person);

    // Other variables, same stored document.
    const other = (await (await fetch(getUrl({ extensions: persisted(hash), variables: { name: 'Kremlin' } }), { headers: JSON_ACCEPT })).json()) as any;
    expect(other.errors).toBeUndefined();
    expect(other.data.person).toBeNull();

    // Hash only over POST works too.
    const viaPost = (await (await post({ variables, extensions: persisted(hash) })).json()) as any;
    expect(viaPost.data.person.name).toBe('Kim Jong Un');
  });

  it('refuses a document whose hash does not match', async () => {
    const query = '{ articles { totalCount } }';
    const wrong = sha256(`${query} `);
    const r = await post({ query, extensions: persisted(wrong) });
    expect(r.status).toBe(400);
    const body = (await r.json()) as any;
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toMatch(/provided sha does not match query/i);
    expect(r.headers.get('cache-control')).toBe('no-store');

    // Nothing was registered under the wrong hash.
    const after = (await (await fetch(getUrl({ extensions: persisted(wrong) }), { headers: JSON_ACCEPT })).json()) as any;
    expect(after.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses an unsupported protocol version', async () => {
    const query = '{ articles { totalCount } }';
    const r = await post({ query, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(query) } } });
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).errors[0].message).toMatch(/unsupported persisted query version/i);
  });
});
