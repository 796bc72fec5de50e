import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { parseMarked, highlightWords, searchGraph, SEARCH_POOL } from '../../src/services/search.ts';
import { readSearchWindows } from '../../src/services/search-windows.ts';
import { execute } from '../helpers/graphql.ts';
import { createSampleGraph } from '../helpers/sample-graph.ts';
import type { TestDatabase } from '../helpers/test-database.ts';

const SEARCH = `query($q: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $q, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor score snippet highlights { start length }
      node { __typename ... on Person { name } ... on Organization { name } ... on Place { name } ... on Event { title } ... on Article { title } ... on Statement { text } } }
  }
}`;

describe('search', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  const search = async (q: string, extra: Record<string, unknown> = {}) => {
    const r = await execute(server, db.sql, SEARCH, { q, ...extra });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return { ...r.data!.search, sqlStatements: r.sqlStatements };
  };
  const marked = (e: any) => e.highlights.map((h: any) => e.snippet.slice(h.start, h.start + h.length).toLowerCase());

  beforeAll(async () => {
    db = await createSampleGraph('search');
    server = await createServer({ sql: db.sql });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('finds Kim Jong Un from a misspelt, hyphenated name, as the top hit', async () => {
    for (const q of ['Kim Jong-un', 'kim jong un', 'Kim Jong Uun']) {
      const r = await search(q);
      expect(r.edges[0].node, q).toEqual({ __typename: 'Person', name: 'Kim Jong Un' });
      expect(r.edges[0].score).toBeGreaterThan(0.6);
    }
    const putin = await search('Vladmir Putin', { types: ['PERSON'] });
    expect(putin.edges[0].node.name).toBe('Vladimir Putin');
    // Kim Chang Son is another person: he ranks below Kim Jong Un for "Kim Jong Un" if at all.
    const kim = await search('Kim Jong Un', { types: ['PERSON'] });
    const names = kim.edges.map((e: any) => e.node.name);
    expect(names[0]).toBe('Kim Jong Un');
  });

  it('reads hyphens inside names as spaces: articles, statements and look-ups by name find either spelling', async () => {
    const ids = async (q: string) => (await search(q, { types: ['ARTICLE', 'STATEMENT'], first: 100 })).edges.map((e: any) => `${e.node.__typename}:${e.node.title ?? e.node.text}`).sort();
    const spaced = await ids('Kim Jong Un');
    expect(spaced.length).toBeGreaterThan(0);
    expect(await ids('Kim Jong-un')).toEqual(spaced);
    const r = await execute(server, db.sql, `{ a: person(name: "Kim Jong-un") { name } b: person(name: "kim jong un") { name } }`);
    expect(r.data).toEqual({ a: { name: 'Kim Jong Un' }, b: { name: 'Kim Jong Un' } });
  });

  it('ranks articles and statements by full text, with highlighted plain-text snippets', async () => {
    const r = await search('tuition fees', { types: ['ARTICLE', 'STATEMENT'], first: 10 });
    expect(r.totalCount).toBeGreaterThan(0);
    const scores = r.edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const e of r.edges) {
      expect(['Article', 'Statement']).toContain(e.node.__typename);
      expect(e.snippet).not.toMatch(/[<>\uE000\uE001]/);
      // Highlights point at the stemmed query words.
      expect(marked(e).length).toBeGreaterThan(0);
      for (const w of marked(e)) expect(w).toMatch(/^(tuition|fee)/);
    }
  });

  it('returns a union of every type when no types are given, and filters by type', async () => {
    const all = await search('Putin', { first: 50 });
    const kinds = new Set(all.edges.map((e: any) => e.node.__typename));
    expect(kinds).toContain('Person');
    expect(kinds).toContain('Article');
    expect(kinds).toContain('Statement');
    const events = await search('Putin Kim meeting', { types: ['EVENT'] });
    expect(events.edges.every((e: any) => e.node.__typename === 'Event')).toBe(true);
    const only = await search('Putin', { types: ['STATEMENT'], first: 50 });
    expect(only.edges.every((e: any) => e.node.__typename === 'Statement')).toBe(true);
    // The union is exactly the sum of the per-type searches.
    let sum = 0;
    for (const t of ['ARTICLE', 'PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'STATEMENT']) sum += (await search('Putin', { types: [t], first: 1 })).totalCount;
    expect(all.totalCount).toBe(sum);
  });

  it('pages with cursors in a stable order, and costs a fixed number of SQL statements', async () => {
    const one = await search('Labour election', { first: 30 });
    expect(one.totalCount).toBeGreaterThan(12);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const p: any = await search('Labour election', { first: 10, after });
      seen.push(...p.edges.map((e: any) => JSON.stringify(e.node)));
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(one.edges.map((e: any) => JSON.stringify(e.node)));
    // search page + snippets + at most one loader query per type: independent of the page size.
    expect(one.sqlStatements).toBeLessThanOrEqual(8);
  });

  it('searches documents window by window (date ranges read in turn) with the same answers as one newest-first walk', async () => {
    // The sample's dated articles are 150 Reuters stories of a few days in 1987: cut-offs 20 and 80
    // articles deep put the pool's boundary inside a window for common words.
    const articleWindows = await readSearchWindows(db.sql, [20, 80]);
    expect(articleWindows).not.toBeNull();
    expect(articleWindows!.recent >= articleWindows!.older).toBe(true);
    // Events have cut-offs of their own (their dates do not follow the articles'): a quarter and half
    // of the sample's dated events deep.
    const [{ dated }] = await db.sql.query<{ dated: number }>(`SELECT count(start_date)::int AS dated FROM event`);
    const events = (await readSearchWindows(db.sql, [Math.floor(dated / 4), Math.floor(dated / 2)]))?.events;
    expect(events).toBeTruthy();
    expect(events!.recent >= events!.older).toBe(true);
    const windows = { ...articleWindows!, events };
    // Every hit of each type, page by page: the whole ranked pool, so which rows entered it shows.
    const all = async (q: string, type: 'Article' | 'Statement' | 'Event', w: typeof windows | null) => {
      const out: string[] = [];
      let after: string | null = null;
      do {
        const page = await searchGraph(db.sql, q, [type], { first: 100, last: null, after, before: null }, {}, w);
        out.push(...page.rows.map(({ node: h }) => `${h.rowId}:${h.score.toFixed(6)}`));
        after = page.hasNextPage ? page.rows[page.rows.length - 1].cursor : null;
      } while (after);
      return out;
    };
    for (const q of ['would', 'year', 'oil', 'prices', 'government', 'Labour election', 'Putin']) {
      for (const type of ['Article', 'Statement', 'Event'] as const) expect(await all(q, type, windows), `${q} ${type}`).toEqual(await all(q, type, null));
    }
    // "would" has more statement matches than the pool holds, so the windows decide which enter it.
    const [{ n }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM statement WHERE search_vector @@ websearch_to_tsquery('english', 'would')`);
    expect(n).toBeGreaterThan(SEARCH_POOL);
  });

  it('rejects empty and oversized queries with BAD_USER_INPUT and survives tsquery syntax', async () => {
    for (const q of ['   ', 'x'.repeat(201)]) {
      const r = await execute(server, db.sql, SEARCH, { q });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    for (const q of ['!!! & | :*', '"unterminated', 'a:* <-> (b', "o'neill"]) {
      const r = await execute(server, db.sql, SEARCH, { q });
      expect(r.errors, q).toBeUndefined();
    }
  });

  it('turns ts_headline markers and names into highlight ranges', () => {
    expect(parseMarked('the \uE000fees\uE001 rise')).toEqual({ text: 'the fees rise', highlights: [{ start: 4, length: 4 }] });
    expect(highlightWords('Kim Jong Un (Chairman Kim)', 'kim jong-un')).toEqual({
      text: 'Kim Jong Un (Chairman Kim)',
      highlights: [{ start: 0, length: 3 }, { start: 4, length: 4 }, { start: 9, length: 2 }, { start: 22, length: 3 }],
    });
  });
});
