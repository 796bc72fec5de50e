import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { execute } from './helpers/graphql.ts';
import { writeSyntheticGraph } from './helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

describe('Relay cursor connections', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  const titles = async (args: string) => {
    const r = await execute(server, db.sql, `{ articles(${args}) { totalCount edges { cursor node { title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);
    expect(r.errors).toBeUndefined();
    return r.data!.articles;
  };

  beforeAll(async () => {
    db = await createTestDatabase('pagination');
    await writeSyntheticGraph(db.writer, { articles: 12, peoplePerArticle: 3, poolSize: 5 });
    server = await createServer({ sql: db.sql });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('pages forward with first/after until the end, visiting every item once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: any = await titles(`first: 5${after ? `, after: "${after}"` : ''}`);
      expect(page.totalCount).toBe(12);
      seen.push(...page.edges.map((e: any) => e.node.title));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  it('pages backward with last/before, matching the forward order', async () => {
    const all = (await titles('first: 12')).edges.map((e: any) => e.node.title);
    const tail = await titles('last: 4');
    expect(tail.edges.map((e: any) => e.node.title)).toEqual(all.slice(8));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await titles(`last: 3, before: "${tail.pageInfo.startCursor}"`);
    expect(before.edges.map((e: any) => e.node.title)).toEqual(all.slice(5, 8));
  });

  it('applies after and before together, then first', async () => {
    const all = (await titles('first: 12')).edges;
    const window = await titles(`after: "${all[1].cursor}", before: "${all[9].cursor}", first: 3`);
    expect(window.edges.map((e: any) => e.node.title)).toEqual(all.slice(2, 5).map((e: any) => e.node.title));
    expect(window.pageInfo.hasNextPage).toBe(true);
  });

  it('pages nested connections per parent in one batch', async () => {
    const r = await execute(server, db.sql, `{ people(first: 5) { nodes { name articles(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { title } } } } }`);
    expect(r.errors).toBeUndefined();
    for (const p of r.data!.people.nodes) {
      expect(p.articles.nodes.length).toBeLessThanOrEqual(2);
      expect(p.articles.pageInfo.hasNextPage).toBe(p.articles.totalCount > 2);
    }
    const cursor = r.data!.people.nodes[0].articles.pageInfo.endCursor;
    expect(cursor).toBeTruthy();
    // Past the last row: an empty page that still knows the connection's size.
    const all = await execute(server, db.sql, `{ people(first: 1) { nodes { articles(first: 100) { pageInfo { endCursor } } } } }`);
    const end = all.data!.people.nodes[0].articles.pageInfo.endCursor;
    const past = await execute(server, db.sql, `{ people(first: 1) { nodes { articles(first: 2, after: "${end}") { totalCount nodes { title } pageInfo { hasNextPage hasPreviousPage } } } } }`);
    expect(past.errors).toBeUndefined();
    expect(past.data!.people.nodes[0].articles.nodes).toEqual([]);
    expect(past.data!.people.nodes[0].articles.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    expect(past.data!.people.nodes[0].articles.totalCount).toBeGreaterThan(0);
  });

  it('rejects bad cursors and oversize pages with BAD_USER_INPUT', async () => {
    const position = Buffer.from('cursor:v1:3').toString('base64');
    for (const args of ['first: 101', 'last: 500', 'first: -1', 'after: "garbage"', `after: "${position}"`]) {
      const r = await execute(server, db.sql, `{ articles(${args}) { totalCount } }`);
      expect(r.errors?.[0].extensions?.code, args).toBe('BAD_USER_INPUT');
    }
  });
});
