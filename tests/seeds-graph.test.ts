import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticles } from '../src/pipeline/ingest-articles.ts';
import { readSources } from '../src/pipeline/read-sources.ts';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { execute } from './helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

// The v1 contract on the two real seed articles: the graph a user explores after `npm start`.
describe('the seeded graph, end to end through the API', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;

  beforeAll(async () => {
    db = await createTestDatabase('seeds');
    const summary = await ingestArticles(db.writer, readSources(['seeds']));
    expect(summary.errors).toEqual([]);
    expect(summary.articles.created).toBe(2);
    server = await createServer({ sql: db.sql });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const q = (query: string, variables?: Record<string, unknown>) => execute(server, db.sql, query, variables);

  it('parses both articles with their metadata', async () => {
    const r = await q(`{ articles { totalCount nodes { title source publishedAt dateline } } }`);
    expect(r.errors).toBeUndefined();
    const byTitle = Object.fromEntries(r.data!.articles.nodes.map((a: any) => [a.title, a]));
    expect(r.data!.articles.totalCount).toBe(2);
    expect(byTitle['North Korea’s Kim to meet Putin as tensions rise with US']).toMatchObject({ publishedAt: '2019-04-19', dateline: 'MOSCOW' });
    expect(byTitle['Russia confirms Putin-Kim talks for ‘second half of April’']).toMatchObject({ source: 'Al Jazeera, News Agencies', publishedAt: null });
  });

  it('finds Kim Jong Un by any of his names, with his articles and statements', async () => {
    for (const name of ['Kim Jong Un', 'Chairman Kim', 'kim jong un']) {
      const r = await q(`query($n: String!) { person(name: $n) { name aliases articles { totalCount nodes { title } } statements { totalCount nodes { text article { title } } } } }`, { n: name });
      expect(r.errors).toBeUndefined();
      expect(r.data!.person.name).toBe('Kim Jong Un');
      expect(r.data!.person.articles.totalCount).toBe(2);
    }
    const other = await q(`{ person(name: "Kim Chang Son") { name roles articles { totalCount } } }`);
    expect(other.data!.person.name).toBe('Kim Chang Son');
    expect(other.data!.person.articles.totalCount).toBe(1);
  });

  it('attributes the Kremlin\u2019s statement to the Kremlin as an organisation', async () => {
    const r = await q(`{ organization(name: "Kremlin") { name statements { totalCount nodes { text kind speakerText speaker { __typename ... on Organization { name } } article { title } } } } }`);
    expect(r.errors).toBeUndefined();
    const statements = r.data!.organization.statements.nodes;
    expect(statements.length).toBeGreaterThanOrEqual(2);
    expect(statements.every((s: any) => s.speaker.__typename === 'Organization' && s.speaker.name === 'Kremlin')).toBe(true);
    expect(statements.some((s: any) => /second half of April/.test(s.text))).toBe(true);
    // Both articles report it.
    expect(new Set(statements.map((s: any) => s.article.title)).size).toBe(2);
  });

  it('merges the planned Kim–Putin meeting reported by both articles into one event', async () => {
    const r = await q(`{ events(first: 50) { nodes { title kind startDate endDate precision place { name } participants { nodes { name } } articles { totalCount } } } }`);
    expect(r.errors).toBeUndefined();
    const meetings = r.data!.events.nodes.filter((e: any) => {
      const names = e.participants.nodes.map((p: any) => p.name);
      return names.includes('Kim Jong Un') && names.includes('Vladimir Putin');
    });
    expect(meetings).toHaveLength(1);
    expect(meetings[0].articles.totalCount).toBe(2);
    expect(meetings[0]).toMatchObject({ startDate: '2019-04-16', endDate: '2019-04-30', precision: 'RANGE' });
  });

  it('traverses statement → speaker → their other statements, and filters statements by speaker', async () => {
    const kwon = await q(`{ person(name: "Kwon Jong Gun") { id roles statements { nodes { text kind cue } } } }`);
    expect(kwon.errors).toBeUndefined();
    expect(kwon.data!.person.statements.nodes).toHaveLength(2);
    expect(kwon.data!.person.roles.join(' ')).toMatch(/director general of the American desk/);
    const filtered = await q(`query($s: ID!) { statements(speaker: $s) { totalCount nodes { speaker { ... on Person { name } } } } }`, { s: kwon.data!.person.id });
    expect(filtered.data!.statements.totalCount).toBe(2);
    const node = await q(`query($id: ID!) { node(id: $id) { __typename ... on Person { name } } }`, { id: kwon.data!.person.id });
    expect(node.data!.node).toEqual({ __typename: 'Person', name: 'Kwon Jong Gun' });
  });

  it('never lists photographers or credits as people', async () => {
    const r = await q(`{ people(first: 100) { nodes { name } } }`);
    const names = r.data!.people.nodes.map((p: any) => p.name);
    expect(names).not.toContain('Jorge Silva');
    expect(names).not.toContain('Maxim Shipenkov');
    expect(names).toEqual(expect.arrayContaining(['Kim Jong Un', 'Vladimir Putin', 'Mike Pompeo', 'Donald Trump', 'John Bolton', 'Stephen Biegun', 'Kim Chang Son', 'Kwon Jong Gun']));
  });

  it('re-ingesting the seeds changes nothing', async () => {
    const count = async () => (await db.sql.query<{ n: string }>(`SELECT (SELECT count(*) FROM article) || '/' || (SELECT count(*) FROM person) || '/' || (SELECT count(*) FROM statement) || '/' || (SELECT count(*) FROM event) AS n`))[0].n;
    const before = await count();
    const again = await ingestArticles(db.writer, readSources(['seeds']));
    expect(again.articles).toEqual({ created: 0, updated: 0, duplicates: 2, failed: 0 });
    expect(await count()).toBe(before);
  });

  it('answers errors with extensions.code', async () => {
    const bad = await q(`{ node(id: "not-an-id") { id } }`);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const big = await q(`{ articles(first: 1000) { totalCount } }`);
    expect(big.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
