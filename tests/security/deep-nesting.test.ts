import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NESTING, nestingDepth } from '../../src/graphql/limits/nesting.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { createLogger } from '../../src/server/logger.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const ACCEPT = 'application/graphql-response+json';

describe('deeply nested documents', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let url: string;
  const lines: { level: string }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('deep_nesting');
    await writeSyntheticGraph(db.writer, { articles: 1, peoplePerArticle: 1, poolSize: 1 });
    // Production, and a token limit high enough that only nesting can stop these documents.
    server = await createServer({ sql: db.sql, production: true, maxTokens: 100_000, logger: createLogger({ level: 'info', write: (l) => lines.push(JSON.parse(l)) }) });
    url = await listen(server);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('measures nesting in one pass, ignoring strings and comments', () => {
    expect(nestingDepth('{ articles(first: 1) { nodes { title } } }')).toBe(3);
    expect(nestingDepth('{ a(s: "{{{{[[[[", t: """ {{{{ \\""" {{{{ """) { b } } # {{{{{{\n')).toBe(2);
    expect(nestingDepth('{'.repeat(1_000_000), MAX_NESTING)).toBe(MAX_NESTING + 1);
  });

  const documents: [string, string][] = [
    ['5,000 nested braces', `{ a ${'{ a '.repeat(5_000)}${'}'.repeat(5_001)}`],
    ['5,000 nested list values', `{ nodes(ids: ${'['.repeat(5_000)}"x"${']'.repeat(5_000)}) { id } }`],
    ['5,000 nested input objects', `{ articles(filter: ${'{ a: '.repeat(5_000)}1${' }'.repeat(5_000)}) { totalCount } }`],
  ];

  // GET: a URL must fit in Node's 16 kB of headers, so 1,000 levels.
  const getDocument = `{a${'{a'.repeat(1_000)}${'}'.repeat(1_001)}`;

  it.each(documents)('%s: refused with 400 QUERY_TOO_COMPLEX before parsing, not a stack overflow', async (_name, query) => {
    for (const send of [
      () => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: ACCEPT }, body: JSON.stringify({ query }) }),
      () => fetch(`${url}/graphql?${new URLSearchParams({ query: getDocument })}`, { headers: { accept: ACCEPT } }),
    ]) {
      const res = await send();
      const text = await res.text();
      expect(res.status).toBe(400);
      expect(text).not.toMatch(/call stack/i);
      const json = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
      expect(json.errors.map((e) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(json.errors[0].message).toMatch(/nests/);
    }
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('still answers ordinary nested queries', async () => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: ACCEPT }, body: JSON.stringify({ query: '{ articles(first: 1) { nodes { people(first: 1) { nodes { name } } } } }' }) });
    expect(res.status).toBe(200);
  });
});
