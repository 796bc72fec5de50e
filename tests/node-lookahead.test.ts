import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { execute } from './helpers/graphql.ts';
import { writeSyntheticGraph } from './helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

// The fields of a person page, selected through a fragment, an inline fragment and variables.
const PERSON_FIELDS = /* GraphQL */ `
  fragment PersonPage on Person {
    name
    statements(first: $statements) { totalCount nodes { text article { title createdAt } } }
    ... on Person { events(first: 5) { totalCount nodes { title } } }
    coMentionedPeople(first: 3) { edges { weight node { name } } }
    articles(first: 2) @skip(if: $skipArticles) { nodes { title } }
  }`;

const PERSON_BY_ID = /* GraphQL */ `
  query ($id: ID!, $statements: Int!, $skipArticles: Boolean!) { node(id: $id) { id ...PersonPage } }
  ${PERSON_FIELDS}`;

// The same page through `person(name:)`, which cannot look ahead (the row must be found by name first).
const PERSON_BY_NAME = /* GraphQL */ `
  query ($name: String!, $statements: Int!, $skipArticles: Boolean!) { person(name: $name) { id ...PersonPage } }
  ${PERSON_FIELDS}`;

const ARTICLE_PAGE = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      ... on Article {
        title createdAt
        people(first: 10) { totalCount nodes { name } }
        statements(first: 20) { totalCount nodes { text speaker { ... on Person { name } } } }
      }
    }
  }`;

describe('node(id:) look-ahead: the node and the connections selected on it go out together', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let personId: string;
  let personName: string;
  let articleId: string;

  beforeAll(async () => {
    db = await createTestDatabase('lookahead');
    await writeSyntheticGraph(db.writer, { articles: 12, peoplePerArticle: 3, poolSize: 5 });
    server = await createServer({ sql: db.sql });
    const ids = await execute(server, db.sql, `{ people(first: 1) { nodes { id name } } articles(first: 1) { nodes { id } } }`);
    personId = ids.data!.people.nodes[0].id;
    personName = ids.data!.people.nodes[0].name;
    articleId = ids.data!.articles.nodes[0].id;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('answers a person page as the look-up by name does, in one statement instead of two', async () => {
    const vars = { statements: 4, skipArticles: true };
    const byId = await execute(server, db.sql, PERSON_BY_ID, { id: personId, ...vars });
    const byName = await execute(server, db.sql, PERSON_BY_NAME, { name: personName, ...vars });
    expect(byId.errors).toBeUndefined();
    expect(byName.errors).toBeUndefined();
    expect(byId.data!.node).toEqual(byName.data!.person);
    expect(byId.data!.node.statements.nodes).toHaveLength(4);
    // Timestamps came through the merged (JSON) statement and are Dates again, as the pool returns them.
    expect(byId.data!.node.statements.nodes[0].article.createdAt).toBeInstanceOf(Date);
    expect(byId.data!.node.coMentionedPeople.edges.length).toBeGreaterThan(0);
    expect(byId.data!.node.articles).toBeUndefined();
    // Person, statements, their articles, events and co-mentions in one statement; by name, the person
    // row comes first, then the rest.
    expect(byId.sqlStatements).toBe(1);
    expect(byName.sqlStatements).toBe(2);
  });

  it('prefetches only what the query selects: a skipped field and a changed page size are honoured', async () => {
    const withArticles = await execute(server, db.sql, PERSON_BY_ID, { id: personId, statements: 2, skipArticles: false });
    expect(withArticles.errors).toBeUndefined();
    expect(withArticles.data!.node.statements.nodes).toHaveLength(2);
    expect(withArticles.data!.node.articles.nodes).toHaveLength(2);
    expect(withArticles.sqlStatements).toBe(1);
  });

  it('brings statements\' articles along only when the query reads them', async () => {
    const q = `query ($id: ID!, $withArticle: Boolean!) { node(id: $id) { ... on Person { statements(first: 3) { edges { node { text article @include(if: $withArticle) { title } } } } } } }`;
    const bare = await execute(server, db.sql, q, { id: personId, withArticle: false });
    const full = await execute(server, db.sql, q, { id: personId, withArticle: true });
    expect(bare.errors).toBeUndefined();
    expect(full.errors).toBeUndefined();
    expect(full.data!.node.statements.edges[0].node.article.title).toMatch(/article/);
    expect(bare.data!.node.statements.edges[0].node.article).toBeUndefined();
    expect([bare.sqlStatements, full.sqlStatements]).toEqual([1, 1]);
  });

  it('serves an article page (article, people, statements, speakers) in one statement', async () => {
    const page = await execute(server, db.sql, ARTICLE_PAGE, { id: articleId });
    expect(page.errors).toBeUndefined();
    expect(page.data!.node.people.nodes).toHaveLength(3);
    expect(page.data!.node.statements.nodes[0].speaker.name).toMatch(/^Person /);
    expect(page.data!.node.createdAt).toBeInstanceOf(Date);
    expect(page.data!.node.createdAt.getTime()).toBeGreaterThan(Date.now() - 3600_000);
    expect(page.sqlStatements).toBe(1);
  });

  it('leaves bad page arguments to the field, which reports them', async () => {
    const bad = await execute(server, db.sql, PERSON_BY_ID, { id: personId, statements: -1, skipArticles: true });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].path).toEqual(['node', 'statements']);
  });

  it('looks ahead for nodes(ids:) too: people and articles with their lists in one statement', async () => {
    const ids = await execute(server, db.sql, `{ people(first: 3) { nodes { id } } articles(first: 2) { nodes { id } } }`);
    const all = [...ids.data!.people.nodes, ...ids.data!.articles.nodes].map((n: { id: string }) => n.id);
    const r = await execute(server, db.sql, `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Person { statements(first: 2) { nodes { text } } } ... on Article { people(first: 5) { nodes { name } } } } }`, { ids: all });
    expect(r.errors).toBeUndefined();
    expect(r.data!.nodes.map((n: { id: string }) => n.id)).toEqual(all);
    expect(r.data!.nodes[0].statements.nodes.length).toBeGreaterThan(0);
    expect(r.data!.nodes[3].people.nodes.length).toBe(3);
    expect(r.sqlStatements).toBe(1);
  });

  it('returns null for an id that does not exist, prefetching harmlessly', async () => {
    const missing = Buffer.from('Person:999999').toString('base64');
    const r = await execute(server, db.sql, PERSON_BY_ID, { id: missing, statements: 3, skipArticles: true });
    expect(r.errors).toBeUndefined();
    expect(r.data!.node).toBeNull();
  });
});
