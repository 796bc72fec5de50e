import 'reflect-metadata';
import { execute as graphqlExecute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../src/db/sql.ts';
import { buildNewsgraphSchema } from '../src/graphql/build-schema.ts';
import { documentSelection } from '../src/graphql/loaders/columns.ts';
import { createContext } from '../src/graphql/context.ts';
import { columnsOf } from '../src/services/records.ts';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { execute } from './helpers/graphql.ts';
import { createSampleGraph } from './helpers/sample-graph.ts';
import type { TestDatabase } from './helpers/test-database.ts';

// Pages whose rows are shared between places in the query: a speaker shown with its name in one list
// and with its aliases in another, statements' articles, events' places, actors through unions.
const DOCUMENTS: Record<string, string> = {
  article: /* GraphQL */ `query ($article: ID!) {
    node(id: $article) { ... on Article { id title publishedAt source dateline
      people(first: 10) { totalCount nodes { id name } }
      statements(first: 20) { totalCount nodes { id text kind cue speaker { __typename ... on Person { id name } ... on Organization { id name } } } } } } }`,
  person: /* GraphQL */ `query ($person: ID!) {
    node(id: $person) { ... on Person { id name aliases roles
      statements(first: 10) { totalCount nodes { id text kind article { id title publishedAt } } }
      events(first: 5) { totalCount nodes { id title kind startDate } }
      coMentionedPeople(first: 10) { edges { weight cursor node { id name } } } } } }`,
  shared: /* GraphQL */ `query ($person: ID!) {
    statements(first: 30) { nodes { text speaker { ... on Person { name } } article { url contentHash updatedAt } spans { text start end } event { title place { name latitude countryCode } } } }
    node(id: $person) { ... on Person { aliases statements(first: 5) { pageInfo { endCursor hasNextPage } nodes { rowId speaker { ... on Person { id roles } } } } } }
    articles(first: 5) { nodes { title people(first: 3) { nodes { roles } } statements(first: 3) { edges { cursor node { confidence speakerText } } } } } }`,
  events: /* GraphQL */ `{
    events(first: 10) { nodes { id title type mode symmetric confidence endDate precision
      sources(first: 5) { nodes { __typename ... on Person { name } ... on Organization { kind } ... on ActorGroup { name } } }
      targets(first: 5) { nodes { ... on Node { id } } }
      evidence(first: 3) { nodes { type trigger { text } article { title } } }
      participants(first: 3) { nodes { name aliases } }
      place { name kind geonamesId } } } }`,
  lists: /* GraphQL */ `{ people(first: 5) { nodes { name } } organizations(first: 5) { nodes { kind } } places(first: 5) { edges { cursor node { latitude } } } }`,
  nodes: /* GraphQL */ `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Person { mentions(first: 2) { nodes { start article { dateline } } } } } }`,
};

describe('rows read only the columns the query selects', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  const schema = buildNewsgraphSchema();
  let variables: Record<string, unknown>;

  beforeAll(async () => {
    db = await createSampleGraph('columns', { bbc: 25, reuters: 25 });
    server = await createServer({ sql: db.sql });
    const ids = await execute(server, db.sql, `{ statements(first: 50) { nodes { speaker { ... on Person { id } } article { id } } } }`);
    const first = ids.data!.statements.nodes.find((s: { speaker: { id?: string } | null }) => s.speaker?.id);
    variables = { person: first.speaker.id, article: first.article.id, ids: [first.speaker.id, first.article.id] };
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('answers every page as the loaders reading whole rows do', async () => {
    for (const [name, query] of Object.entries(DOCUMENTS)) {
      const narrowed = await execute(server, db.sql, query, variables);
      // graphql-js without Apollo's pipeline: nothing narrows the loaders, every column is read.
      const whole = await graphqlExecute({ schema, document: parse(query), variableValues: variables, contextValue: createContext(db.sql, 'whole') });
      expect(narrowed.errors, name).toBeUndefined();
      expect(whole.errors, name).toBeUndefined();
      expect(narrowed.data, name).toEqual(whole.data);
    }
  });

  it('leaves out the columns nothing selects', async () => {
    const texts: string[] = [];
    const recording: Sql = { query: (text, params) => (texts.push(text), db.sql.query(text, params)) };
    const page = await execute(server, recording, DOCUMENTS.article, variables);
    expect(page.errors).toBeUndefined();
    expect(page.sqlStatements).toBe(1);
    const sql = texts.join('\n');
    for (const column of ['content_hash', 'created_at', 'a.url', 'span_starts', 'speaker_text', 'p.aliases', 'p.roles', 'sp.aliases', 'so.kind']) expect(sql, column).not.toContain(column);
    for (const column of ['a.title', 's.text', 's.start_offset', 'sp.name', 'so.name', 's.speaker_person_id']) expect(sql, column).toContain(column);
  });

  it('maps a document to fields per record type, through fragments, interfaces and unions', () => {
    const { fields } = documentSelection(schema, parse(`query { node(id: "x") { id ... on Statement { speaker { ... on Person { name } } } } ...F } fragment F on Query { events(first: 1) { nodes { place { name } } } }`));
    expect([...fields.Article!]).toEqual(['id']);
    expect([...fields.Statement!].sort()).toEqual(['id', 'speaker']);
    expect([...fields.Person!].sort()).toEqual(['id', 'name']);
    expect([...fields.Event!].sort()).toEqual(['id', 'place']);
    expect([...fields.Place!].sort()).toEqual(['id', 'name']);
    expect(columnsOf('Statement', 's', fields.Statement)).toContain('s.speaker_organization_id');
    expect(columnsOf('Event', 'e', new Set(['place']))).toBe(`'Event' AS "__typename", e.id AS "rowId", e.place_id AS "placeId"`);
    expect(columnsOf('Person', 'p', new Set(), ['name'])).toBe(`'Person' AS "__typename", p.id AS "rowId", p.name`);
  });
});
