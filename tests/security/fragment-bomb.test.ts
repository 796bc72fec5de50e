import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewsgraphSchema } from '../../src/graphql/build-schema.ts';
import { measureOperation } from '../../src/graphql/limits/query-cost.ts';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/** Each fragment spreads the one before it twice: inlined, `levels` levels select 2^levels fields. */
function fragmentBomb(levels: number): string {
  const lines = ['fragment F0 on Query { articles(first: 1) { totalCount } }'];
  for (let i = 1; i <= levels; i++) lines.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  lines.push(`query Bomb { ...F${levels} }`);
  return lines.join('\n');
}

const ACCEPT = 'application/graphql-response+json';

describe('a document whose fragments spread each other twice per level', () => {
  let db: TestDatabase;
  let open: NewsgraphServer;
  let closed: NewsgraphServer;
  let openUrl: string;
  let closedUrl: string;
  const post = async (base: string, query: string) => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: ACCEPT }, body: JSON.stringify({ query }) });
    return { status: res.status, json: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
  };

  beforeAll(async () => {
    db = await createTestDatabase('fragment_bomb');
    await writeSyntheticGraph(db.writer, { articles: 2, peoplePerArticle: 1, poolSize: 2 });
    open = await createServer({ sql: db.sql });
    closed = await createServer({ sql: db.sql, apiKeyHashes: parseApiKeys('k'.repeat(40)), privateReads: true });
    [openUrl, closedUrl] = await Promise.all([listen(open), listen(closed)]);
  });
  afterAll(async () => {
    await Promise.allSettled([open?.stop(), closed?.stop()]);
    await db?.drop();
  });

  it('is measured with one visit per written spread, whatever the nesting', () => {
    const schema = buildNewsgraphSchema();
    for (const levels of [29, 40]) {
      const shape = measureOperation(schema, parse(fragmentBomb(levels)));
      // Two spreads written per level plus the operation's one: linear in the document.
      expect(shape.spreadsVisited).toBe(2 * levels + 1);
      // The counts are still those of the inlined query.
      expect(shape.fields).toBe(2 ** (levels + 1));
    }
  });

  it('is refused as too complex, and the server keeps answering', async () => {
    for (const levels of [29, 40]) {
      const started = performance.now();
      const r = await post(openUrl, fragmentBomb(levels));
      expect(r.status).toBe(400);
      expect(r.json.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(r.json.data).toBeUndefined();
      // Generous: a busy two-core machine answers in milliseconds; the walk of 2^29 took minutes.
      expect(performance.now() - started).toBeLessThan(10_000);
      const next = await post(openUrl, '{ articles(first: 1) { totalCount } }');
      expect(next.status).toBe(200);
    }
  });

  it('with private reads, an anonymous client is refused before the document is even parsed', async () => {
    // Not even valid GraphQL: a parse would answer GRAPHQL_PARSE_FAILED (400); the key check comes first.
    const r = await post(closedUrl, `${fragmentBomb(40)} {{{`);
    expect(r.status).toBe(401);
    expect(r.json.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
