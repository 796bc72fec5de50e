import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { execute } from './helpers/graphql.ts';
import { writeSyntheticGraph } from './helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

// articles → statements → speaker → statements (4 levels), plus the other fan-outs a page needs.
const FOUR_LEVELS = /* GraphQL */ `
  query Traverse($n: Int!) {
    articles(first: $n) {
      totalCount
      nodes {
        title
        people(first: 5) { totalCount nodes { name coMentionedPeople(first: 3) { nodes { name } } } }
        events(first: 3) { nodes { title participants(first: 5) { nodes { name } } place { name } } }
        statements(first: 10) {
          totalCount
          edges {
            cursor
            node {
              text
              article { title }
              event { title }
              speaker {
                __typename
                ... on Person { name statements(first: 5) { totalCount nodes { text article { title } } } }
                ... on Organization { name statements(first: 5) { nodes { text } } }
              }
            }
          }
        }
      }
    }
  }`;

// The evidence behind each link: mentions with their words, sentence, confidence and article; statements' parts.
const MENTIONS = /* GraphQL */ `
  query Evidence($n: Int!) {
    articles(first: $n) {
      nodes {
        people(first: 5) {
          nodes {
            name
            mentions(first: 5) { totalCount nodes { start end text confidence sentence { start end text } article { title } } }
            statements(first: 3) { nodes { spans { start end text } } }
          }
        }
        organizations(first: 3) { nodes { mentions(first: 3) { totalCount nodes { text sentence { text } } } } }
      }
    }
  }`;

// Typed events: each article's events with who acted, who was acted on, and the words that say so.
const EVENT_ACTORS = /* GraphQL */ `
  query EventActors($n: Int!) {
    articles(first: $n) {
      nodes {
        events(first: 3) {
          nodes {
            type mode
            sources(first: 5) { totalCount nodes { __typename ... on Person { name } ... on Organization { name } ... on ActorGroup { name } } }
            targets(first: 5) { totalCount nodes { __typename ... on Person { name } ... on Organization { name kind } ... on ActorGroup { name } } }
            evidence(first: 5) { totalCount nodes { type trigger { text } sentence { text } article { title } } }
          }
        }
      }
    }
  }`;

describe('no N+1: SQL statements per request do not grow with the rows returned', () => {
  let small: TestDatabase;
  let large: TestDatabase;
  let server: NewsgraphServer;

  beforeAll(async () => {
    [small, large] = await Promise.all([createTestDatabase('nplus1_small'), createTestDatabase('nplus1_large')]);
    await writeSyntheticGraph(small.writer, { articles: 3, peoplePerArticle: 2, poolSize: 3 });
    await writeSyntheticGraph(large.writer, { articles: 40, peoplePerArticle: 6, poolSize: 25 });
    server = await createServer({ sql: small.sql });
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([small?.drop(), large?.drop()]);
  });

  it('counts the same statements for 3 and 40 articles', async () => {
    const a = await execute(server, small.sql, FOUR_LEVELS, { n: 50 });
    const b = await execute(server, large.sql, FOUR_LEVELS, { n: 50 });
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data!.articles.nodes).toHaveLength(3);
    expect(b.data!.articles.nodes).toHaveLength(40);
    // The large graph really returned many more rows at each level.
    const statementsLarge = b.data!.articles.nodes.flatMap((n: any) => n.statements.edges);
    expect(statementsLarge.length).toBe(240);
    expect(statementsLarge[0].node.speaker.statements.nodes.length).toBeGreaterThan(1);
    console.log(`SQL statements per request: ${a.sqlStatements} (3 articles), ${b.sqlStatements} (40 articles)`);
    expect(b.sqlStatements).toBe(a.sqlStatements);
    // One statement per level/relation: articles, people, co-mentions, events, participants, place,
    // statements, article, event, speaker people, speaker organisations, speaker statements (+ their articles).
    expect(b.sqlStatements).toBeLessThanOrEqual(14);
  });

  it('counts the same statements for the sources, targets and evidence of 3 and 40 articles\' events', async () => {
    const a = await execute(server, small.sql, EVENT_ACTORS, { n: 50 });
    const b = await execute(server, large.sql, EVENT_ACTORS, { n: 50 });
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const events = b.data!.articles.nodes.flatMap((n: any) => n.events.nodes);
    expect(events).toHaveLength(40);
    expect(events.every((e: any) => e.type === 'CONSULT' && e.sources.nodes.length >= 1 && e.targets.nodes.length === 2)).toBe(true);
    expect(events.flatMap((e: any) => e.targets.nodes.map((t: any) => t.__typename)).sort()[0]).toBe('ActorGroup');
    // Each event's accounts: one per article reporting it (eight articles per synthetic event), each with its trigger.
    expect(events.every((e: any) => e.evidence.nodes.length === 5 && e.evidence.totalCount === 8 && e.evidence.nodes.every((x: any) => x.trigger.text === 'said' && x.sentence.text.includes(' said '))))
      .toBe(true);
    console.log(`SQL statements per typed-events request: ${a.sqlStatements} (3 articles), ${b.sqlStatements} (40 articles)`);
    expect(b.sqlStatements).toBe(a.sqlStatements);
    // articles, events, then sources + targets + evidence (+ counts), then the evidence's articles.
    expect(b.sqlStatements).toBeLessThanOrEqual(5);
  });

  it('counts the same statements for the mentions and statement parts of 3 and 40 articles', async () => {
    const a = await execute(server, small.sql, MENTIONS, { n: 50 });
    const b = await execute(server, large.sql, MENTIONS, { n: 50 });
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const mentions = b.data!.articles.nodes.flatMap((n: any) => n.people.nodes.flatMap((p: any) => p.mentions.nodes));
    expect(mentions.length).toBeGreaterThan(100);
    expect(mentions.every((m: any) => m.text.startsWith('Person ') && m.sentence.text.includes(m.text))).toBe(true);
    console.log(`SQL statements per evidence request: ${a.sqlStatements} (3 articles), ${b.sqlStatements} (40 articles, ${mentions.length} mentions)`);
    expect(b.sqlStatements).toBe(a.sqlStatements);
    // articles, then people + organisations, then mentions + statements, then their articles' bodies.
    expect(b.sqlStatements).toBeLessThanOrEqual(6);
  });
});
