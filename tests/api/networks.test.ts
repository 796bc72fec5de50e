import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { execute } from '../helpers/graphql.ts';
import { createSampleGraph } from '../helpers/sample-graph.ts';
import type { TestDatabase } from '../helpers/test-database.ts';

// Timelines, co-mention weights and who-mentions-whom, cross-checked against the filtered lists.
describe('timelines and networks', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  const q = async (query: string, variables?: Record<string, unknown>) => {
    const r = await execute(server, db.sql, query, variables);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return Object.assign(r.data!, { sqlStatements: r.sqlStatements });
  };

  beforeAll(async () => {
    db = await createSampleGraph('networks');
    server = await createServer({ sql: db.sql });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("buckets a speaker's dated statements by month and week, aligned and complete", async () => {
    // The speaker with the most statements in dated articles.
    const [top] = await db.sql.query<{ id: number; n: number }>(
      `SELECT s.speaker_person_id AS id, count(*)::int AS n FROM statement s JOIN article a ON a.id = s.article_id
       WHERE a.published_at IS NOT NULL AND s.speaker_person_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`);
    const id = Buffer.from(`Person:${top.id}`).toString('base64');
    const d = await q(`query($id: ID!) { node(id: $id) { ... on Person { name
      month: timeline { start end statementCount eventCount articleCount statements { text article { publishedAt } } events { startDate } }
      week: timeline(interval: WEEK) { start end statementCount } } } }`, { id });
    const month = d.node.month;
    expect(month.length).toBeGreaterThan(0);
    expect(month.reduce((n: number, b: any) => n + b.statementCount, 0)).toBe(top.n);
    expect(d.node.week.reduce((n: number, b: any) => n + b.statementCount, 0)).toBe(top.n);
    const starts = month.map((b: any) => b.start);
    expect(starts).toEqual([...starts].sort());
    for (const b of month) {
      expect(b.start).toMatch(/-01$/);
      expect(b.end >= b.start).toBe(true);
      expect(b.statements.length).toBe(Math.min(b.statementCount, 20));
      for (const s of b.statements) expect(s.article.publishedAt >= b.start && s.article.publishedAt <= b.end).toBe(true);
      for (const e of b.events) expect(e.startDate >= b.start && e.startDate <= b.end).toBe(true);
    }
    for (const b of d.node.week) expect(new Date(`${b.start}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it("shows Kim Jong Un's April 2019 on a timeline and respects from/to", async () => {
    const d = await q(`{ person(name: "Kim Jong Un") { timeline(interval: DAY) { start articleCount eventCount } april: timeline(from: "2019-04-01", to: "2019-04-30") { start articleCount eventCount } none: timeline(from: "1990-01-01", to: "1990-12-31") { start } } }`);
    expect(d.person.april).toEqual([expect.objectContaining({ start: '2019-04-01' })]);
    expect(d.person.april[0].articleCount).toBeGreaterThanOrEqual(1);
    expect(d.person.april[0].eventCount).toBeGreaterThanOrEqual(1);
    expect(d.person.timeline.some((b: any) => b.start === '2019-04-19')).toBe(true);
    expect(d.person.none).toEqual([]);
    const bad = await execute(server, db.sql, `{ person(name: "Kim Jong Un") { timeline(from: "2020-01-01", to: "2019-01-01") { start } } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('weights co-mentions by shared articles, matching the article filters', async () => {
    const d = await q(`{ person(name: "Tony Blair") { id coMentionedPeople(first: 5) { totalCount edges { weight node { id name } } } } }`);
    const edges = d.person.coMentionedPeople.edges;
    expect(edges.length).toBeGreaterThan(2);
    const weights = edges.map((e: any) => e.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    for (const e of edges.slice(0, 3)) {
      const a = await q(`query($a: ID!) { articles(person: $a, first: 100) { nodes { id } } }`, { a: d.person.id });
      const b = await q(`query($b: ID!) { articles(person: $b, first: 100) { nodes { id } } }`, { b: e.node.id });
      const shared = a.articles.nodes.filter((x: any) => b.articles.nodes.some((y: any) => y.id === x.id)).length;
      expect(e.weight, e.node.name).toBe(shared);
    }
  });

  it('answers who mentions whom in both directions, consistently with statements(speaker:, mentioning:)', async () => {
    const [pair] = await db.sql.query<{ speaker: number }>(
      `SELECT s.speaker_person_id AS speaker FROM statement s JOIN article_person ap ON ap.article_id = s.article_id AND ap.person_id <> s.speaker_person_id
       AND EXISTS (SELECT 1 FROM unnest(ap.offsets) o WHERE o >= s.start_offset AND o < s.end_offset)
       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    expect(pair).toBeDefined();
    const id = Buffer.from(`Person:${pair.speaker}`).toString('base64');
    const d = await q(`query($id: ID!) { node(id: $id) { ... on Person { id name mentionedPeople(first: 3) { totalCount edges { weight node { id name mentionedBy(first: 100) { edges { weight node { id } } } } } } } } }`, { id });
    const speaker = d.node;
    expect(speaker.mentionedPeople.totalCount).toBeGreaterThan(0);
    for (const e of speaker.mentionedPeople.edges) {
      const back = e.node.mentionedBy.edges.find((x: any) => x.node.id === speaker.id);
      expect(back?.weight, `${speaker.name} -> ${e.node.name}`).toBe(e.weight);
      const s = await q(`query($s: ID!, $m: ID!) { statements(speaker: $s, mentioning: $m, first: 100) { totalCount nodes { text } } }`, { s: speaker.id, m: e.node.id });
      expect(s.statements.totalCount).toBe(e.weight);
    }
  });

  it('batches timelines and networks: SQL statements do not grow with the people listed', async () => {
    const query = (n: number) => `{ people(first: ${n}) { nodes { name timeline { start statementCount } coMentionedPeople(first: 3) { edges { weight } } mentionedPeople(first: 3) { edges { weight } } mentionedBy(first: 3) { edges { weight } } } } }`;
    const small = await q(query(3));
    const large = await q(query(40));
    expect(large.people.nodes.length).toBe(40);
    expect(large.sqlStatements).toBe(small.sqlStatements);
  });
});
