import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { execute } from '../helpers/graphql.ts';
import { createSampleGraph } from '../helpers/sample-graph.ts';
import type { TestDatabase } from '../helpers/test-database.ts';

// Filters and stable orders on the root lists, over the seeds plus 120 real BBC politics stories.
describe('list filters and orderBy', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  const q = async (query: string, variables?: Record<string, unknown>) => {
    const r = await execute(server, db.sql, query, variables);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!;
  };
  const personId = async (name: string) => (await q(`query($n: String!) { person(name: $n) { id } }`, { n: name })).person.id as string;

  beforeAll(async () => {
    db = await createSampleGraph('lists');
    server = await createServer({ sql: db.sql });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('filters articles by person, organisation, event and source, agreeing with the nested connections', async () => {
    const blair = await personId('Tony Blair');
    const d = await q(`query($p: ID!) { articles(person: $p, first: 100) { totalCount nodes { id } } node(id: $p) { ... on Person { articles(first: 100) { totalCount nodes { id } } } } }`, { p: blair });
    expect(d.articles.totalCount).toBeGreaterThan(5);
    expect(d.articles.totalCount).toBe(d.node.articles.totalCount);
    expect(new Set(d.articles.nodes.map((n: any) => n.id))).toEqual(new Set(d.node.articles.nodes.map((n: any) => n.id)));

    const ev = await q(`{ events(first: 1, orderBy: { field: ARTICLES }) { nodes { id articles { totalCount } } } }`);
    const event = ev.events.nodes[0];
    const byEvent = await q(`query($e: ID!) { articles(event: $e) { totalCount } }`, { e: event.id });
    expect(byEvent.articles.totalCount).toBe(event.articles.totalCount);

    const src = await q(`{ articles(source: "al jazeera") { totalCount nodes { source } } }`);
    expect(src.articles.totalCount).toBe(1);
    // LIKE wildcards in the filter are literal.
    expect((await q(`{ articles(source: "%") { totalCount } }`)).articles.totalCount).toBe(0);

    const labour = await q(`{ organization(name: "Labour") { id articles { totalCount } } }`);
    const byOrg = await q(`query($o: ID!) { articles(organization: $o) { totalCount } }`, { o: labour.organization.id });
    expect(byOrg.articles.totalCount).toBe(labour.organization.articles.totalCount);
  });

  it('orders articles by title in both directions, stable across pages', async () => {
    const all = await q(`{ articles(first: 100, orderBy: { field: TITLE }) { totalCount nodes { title } } }`);
    const titles = all.articles.nodes.map((n: any) => n.title.toLowerCase());
    // The database's collation decides; the API must follow it exactly.
    const expected = (await db.sql.query<{ t: string }>(`SELECT lower(title) AS t FROM article ORDER BY lower(title), id LIMIT 100`)).map((r) => r.t);
    expect(titles).toEqual(expected);
    const lastAsc = await q(`{ articles(last: 100, orderBy: { field: TITLE }) { nodes { title } } }`);
    const desc = await q(`{ articles(first: 100, orderBy: { field: TITLE, direction: DESC }) { nodes { title } } }`);
    expect(desc.articles.nodes.map((n: any) => n.title)).toEqual(lastAsc.articles.nodes.map((n: any) => n.title).reverse());
    // Paging through in pages of 7 yields the same sequence as one page.
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p: any = await q(`query($a: String) { articles(first: 7, after: $a, orderBy: { field: TITLE }) { nodes { title } pageInfo { hasNextPage endCursor } } }`, { a: after });
      paged.push(...p.articles.nodes.map((n: any) => n.title.toLowerCase()));
      if (!p.articles.pageInfo.hasNextPage) break;
      after = p.articles.pageInfo.endCursor;
    }
    expect(paged.slice(0, 100)).toEqual(titles);
    expect(paged.length).toBe(all.articles.totalCount);
    expect(new Set(paged).size).toBeGreaterThan(paged.length - 3);
  });

  it('filters and orders people', async () => {
    const byName = await q(`{ people(first: 50, orderBy: { field: NAME }) { nodes { name } } }`);
    const names = byName.people.nodes.map((n: any) => n.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const found = await q(`{ people(nameContains: "blair") { nodes { name } } }`);
    expect(found.people.nodes.map((n: any) => n.name)).toContain('Tony Blair');
    // Aliases count: "Chairman Kim" is one of Kim Jong Un's names.
    expect((await q(`{ people(nameContains: "chairman kim") { nodes { name } } }`)).people.nodes.map((n: any) => n.name)).toEqual(['Kim Jong Un']);
    const talkers = await q(`{ people(first: 10, orderBy: { field: STATEMENTS }) { nodes { name statements { totalCount } } } }`);
    const counts = talkers.people.nodes.map((n: any) => n.statements.totalCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const art = await q(`{ articles(first: 1, source: "al jazeera") { nodes { id people(first: 100) { totalCount } } } }`);
    const inArticle = await q(`query($a: ID!) { people(article: $a, first: 100) { totalCount } }`, { a: art.articles.nodes[0].id });
    expect(inArticle.people.totalCount).toBe(art.articles.nodes[0].people.totalCount);
  });

  it('filters events by participant and orders them by date', async () => {
    const kim = await personId('Kim Jong Un');
    const ev = await q(`query($p: ID!) { events(person: $p) { nodes { title participants { nodes { name } } } } }`, { p: kim });
    expect(ev.events.nodes.length).toBeGreaterThan(0);
    for (const e of ev.events.nodes) expect(e.participants.nodes.map((p: any) => p.name)).toContain('Kim Jong Un');
    const asc = await q(`{ events(first: 100, orderBy: { field: START_DATE, direction: ASC }) { nodes { startDate } } }`);
    const dated = asc.events.nodes.map((e: any) => e.startDate);
    const firstNull = dated.indexOf(null);
    const known = firstNull < 0 ? dated : dated.slice(0, firstNull);
    expect(known).toEqual([...known].sort());
    if (firstNull >= 0) expect(dated.slice(firstNull).every((d: any) => d === null)).toBe(true);
  });

  it('finds statements that mention a person (who mentions whom) and orders by confidence', async () => {
    const putin = await personId('Vladimir Putin');
    const m = await q(`query($p: ID!) { statements(mentioning: $p, first: 50) { totalCount nodes { text } } }`, { p: putin });
    expect(m.statements.totalCount).toBeGreaterThan(0);
    for (const s of m.statements.nodes) expect(s.text).toMatch(/Putin/);
    const c = await q(`{ statements(first: 100, orderBy: { field: CONFIDENCE, direction: ASC }, minConfidence: 0.5) { nodes { confidence } } }`);
    const conf = c.statements.nodes.map((s: any) => s.confidence);
    expect(conf.length).toBeGreaterThan(10);
    expect(conf).toEqual([...conf].sort((a, b) => a - b));
    expect(conf.every((x: number) => x >= 0.5)).toBe(true);
  });

  it('rejects IDs of the wrong type and bad ranges with BAD_USER_INPUT', async () => {
    const kim = await personId('Kim Jong Un');
    const r = await execute(server, db.sql, `query($p: ID!) { articles(event: $p) { totalCount } }`, { p: kim });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/must be the ID of a Event/);
    const r2 = await execute(server, db.sql, `{ statements(minConfidence: 2) { totalCount } }`);
    expect(r2.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
