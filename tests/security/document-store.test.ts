import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../src/graphql/document-store.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

// Distinct ~1 MB queries: a long comment costs no tokens, and every parsed node keeps the text alive.
const bigQuery = (i: number, size = 1_000_000) => `# ${'c'.repeat(size)}\n# ${i}\n{ articles(first: 1) { totalCount } }`;

describe('parsed documents kept for repeated queries', () => {
  it('count the source text they hold, and stay within their byte budget', async () => {
    const maxBytes = 32 * 1024 * 1024;
    const store = createDocumentStore(maxBytes);
    for (let i = 0; i < 100; i++) {
      await store.set(`k${i}`, parse(bigQuery(i)));
      expect(store.bytes).toBeLessThanOrEqual(maxBytes);
    }
    // About 2 MB counted for each (1 MB of text as UTF-16): 15 fit, not a hundred.
    expect(store.size).toBeGreaterThanOrEqual(10);
    expect(store.size).toBeLessThanOrEqual(16);
    // One document over an eighth of the budget is not kept at all.
    await store.set('huge', parse(bigQuery(-1, 2_500_000)));
    expect(await store.get('huge')).toBeUndefined();
    expect(await store.get('k99')).toBeDefined();
    expect(await store.get('k0')).toBeUndefined();
    // Small documents are kept and served as before.
    const small = parse('{ articles(first: 1) { totalCount } }');
    await store.set('small', small);
    expect(await store.get('small')).toBe(small);
  });

  it('over HTTP, many distinct large queries leave the server within the budget and still answer', async () => {
    const db = await createTestDatabase('document_store');
    let server: NewsgraphServer | undefined;
    try {
      const store = createDocumentStore(4 * 1024 * 1024);
      server = await createServer({ sql: db.sql, documentStore: store });
      const url = `${await listen(server)}/graphql`;
      const post = async (query: string) => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        return { status: res.status, body: (await res.json()) as { data?: { articles: { totalCount: number } } } };
      };
      for (let i = 0; i < 30; i++) {
        const r = await post(bigQuery(i, 200_000));
        expect(r.status).toBe(200);
        expect(r.body.data?.articles.totalCount).toBe(0);
        expect(store.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
      }
      expect(store.size).toBeLessThan(30);
      expect(store.size).toBeGreaterThan(0);
    } finally {
      await server?.stop();
      await db.drop();
    }
  }, 120_000);
});
