import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { execute, listen, TEST_ADMIN } from '../helpers/graphql.ts';
import { counterDrift } from '../helpers/counter-drift.ts';
import { createSampleGraph } from '../helpers/sample-graph.ts';
import type { TestDatabase } from '../helpers/test-database.ts';

const KEY = 'editor-key-0123456789abcdef';

// The corrections an editor needs, against the seeds plus real BBC stories.
describe('editor mutations', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  const m = async (query: string, variables?: Record<string, unknown>) => {
    const r = await execute(server, db.sql, query, variables, TEST_ADMIN, db.writer);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!;
  };
  const personId = async (name: string) => (await m(`query($n: String!) { person(name: $n) { id } }`, { n: name })).person?.id as string | undefined;
  const count = async (table: string) => (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    db = await createSampleGraph('mutations', { bbc: 60, reuters: 0 });
    server = await createServer({ sql: db.sql, db: db.writer, apiKeyHashes: [hashApiKey(KEY)] });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });
  // Every correction keeps the counters the lists read (and statements' copied dates) exact.
  afterEach(async () => {
    expect(await counterDrift(db.sql)).toEqual([]);
  });

  it('ingests an article over HTTP with an API key, idempotently, and refuses it without one', async () => {
    const url = `${await listen(server)}/graphql`;
    const body = JSON.stringify({
      query: `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { outcome userErrors { code } article { title url people(first: 50) { nodes { name } } } } }`,
      variables: { input: { text: `Ministers meet in Vienna\n\nForeign Minister Sergei Lavrov said on Tuesday: "We are ready to talk to Kim Jong Un at any time."\n\nThe talks were described as constructive by Lavrov.`, url: 'https://example.org/vienna', source: 'Example News', publishedAt: '2019-04-23' } },
    });
    const anonymous = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(anonymous.status).toBe(401);
    const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body }).then((r) => r.json() as Promise<any>);
    const first = await post();
    expect(first.errors).toBeUndefined();
    expect(first.data.ingestArticle).toMatchObject({ outcome: 'CREATED', userErrors: [], article: { title: 'Ministers meet in Vienna', url: 'https://example.org/vienna' } });
    const people = first.data.ingestArticle.article.people.nodes.map((p: any) => p.name);
    expect(people).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Kim Jong Un']));
    expect((await post()).data.ingestArticle.outcome).toBe('UNCHANGED');
  });

  it('reports an empty article as a typed user error and changes nothing', async () => {
    const before = await count('article');
    const d = await m(`mutation { ingestArticle(input: { text: "   " }) { article { id } outcome userErrors { message field code } } }`);
    expect(d.ingestArticle).toEqual({ article: null, outcome: null, userErrors: [{ message: 'The article text is empty', field: ['input', 'text'], code: 'BAD_USER_INPUT' }] });
    expect(await count('article')).toBe(before);
  });

  it('merges two people: mentions, statements and names move, the source is gone', async () => {
    const a = (await personId('Tony Blair'))!;
    const b = (await personId('Gordon Brown'))!;
    const before = await m(`query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Person { articles(first: 100) { nodes { id } } statements { totalCount } } } b: node(id: $b) { ... on Person { articles(first: 100) { nodes { id } } statements { totalCount } } } }`, { a, b });
    const union = new Set([...before.a.articles.nodes, ...before.b.articles.nodes].map((n: any) => n.id));
    const d = await m(`mutation($t: ID!, $s: [ID!]!) { mergePeople(input: { targetId: $t, sourceIds: $s }) { userErrors { message } removedPersonIds person { name aliases articles(first: 100) { totalCount } statements { totalCount } } } }`, { t: a, s: [b] });
    expect(d.mergePeople.userErrors).toEqual([]);
    expect(d.mergePeople.removedPersonIds).toEqual([b]);
    expect(d.mergePeople.person.name).toBe('Tony Blair');
    expect(d.mergePeople.person.aliases).toContain('Gordon Brown');
    expect(d.mergePeople.person.articles.totalCount).toBe(union.size);
    expect(d.mergePeople.person.statements.totalCount).toBe(before.a.statements.totalCount + before.b.statements.totalCount);
    expect((await m(`query($b: ID!) { node(id: $b) { id } }`, { b })).node).toBeNull();
    // The old name now finds the merged person.
    expect((await m(`{ person(name: "Gordon Brown") { name } }`)).person.name).toBe('Tony Blair');
    const self = await m(`mutation($t: ID!) { mergePeople(input: { targetId: $t, sourceIds: [$t] }) { person { id } userErrors { field code } } }`, { t: a });
    expect(self.mergePeople).toEqual({ person: null, userErrors: [{ field: ['input', 'sourceIds'], code: 'BAD_USER_INPUT' }] });
    const gone = await m(`mutation($t: ID!, $s: [ID!]!) { mergePeople(input: { targetId: $t, sourceIds: $s }) { userErrors { field code } } }`, { t: a, s: [b] });
    expect(gone.mergePeople.userErrors).toEqual([{ field: ['input', 'sourceIds'], code: 'NOT_FOUND' }]);
  });

  it('splits an alias off: only mentions written as that alias move, with their statements', async () => {
    // Kim Jong Un's plain "Kim" mentions belong to him; splitting them off must leave "Kim Jong Un"
    // and "Chairman Kim" mentions in place.
    const kim = (await personId('Kim Jong Un'))!;
    const before = await m(`query($k: ID!) { node(id: $k) { ... on Person { aliases articles { totalCount } statements { totalCount nodes { speakerText } } } } }`, { k: kim });
    const alias = before.node.aliases.find((x: string) => x === 'Kim');
    expect(alias, JSON.stringify(before.node.aliases)).toBeDefined();
    const expectMovedStatements = before.node.statements.nodes.filter((s: any) => s.speakerText === 'Kim').length;
    const d = await m(`mutation($k: ID!) { splitAlias(input: { personId: $k, alias: "kim", newName: "Kim (unidentified)" }) { userErrors { message } movedMentionCount movedStatementCount person { name aliases articles { totalCount } } newPerson { name aliases articles { totalCount } statements { totalCount } } } }`, { k: kim });
    const r = d.splitAlias;
    expect(r.userErrors).toEqual([]);
    expect(r.person.name).toBe('Kim Jong Un');
    expect(r.person.aliases).not.toContain('Kim');
    expect(r.person.aliases).toContain('Chairman Kim');
    expect(r.newPerson).toMatchObject({ name: 'Kim (unidentified)', aliases: ['Kim'] });
    expect(r.movedMentionCount).toBeGreaterThan(0);
    expect(r.movedStatementCount).toBe(expectMovedStatements);
    expect(r.newPerson.statements.totalCount).toBe(expectMovedStatements);
    // He is still named in full in both seed articles.
    expect(r.person.articles.totalCount).toBe(before.node.articles.totalCount);
    const missing = await m(`mutation($k: ID!) { splitAlias(input: { personId: $k, alias: "Nobody" }) { userErrors { code field } } }`, { k: kim });
    expect(missing.splitAlias.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'alias'] }]);
  });

  it('reassigns a statement to another speaker and event, and clears them', async () => {
    const s = await m(`{ organization(name: "Kremlin") { id statements(first: 1) { nodes { id } } } events(first: 1) { nodes { id } } }`);
    const statementId = s.organization.statements.nodes[0].id;
    const putin = (await personId('Vladimir Putin'))!;
    const d = await m(`mutation($s: ID!, $p: ID!, $e: ID!) { reassignStatement(input: { statementId: $s, speakerId: $p, eventId: $e }) { userErrors { message } statement { speaker { ... on Person { name } } event { id } } } }`, { s: statementId, p: putin, e: s.events.nodes[0].id });
    expect(d.reassignStatement).toEqual({ userErrors: [], statement: { speaker: { name: 'Vladimir Putin' }, event: { id: s.events.nodes[0].id } } });
    const c = await m(`mutation($s: ID!) { reassignStatement(input: { statementId: $s, clearSpeaker: true, clearEvent: true }) { statement { speaker { __typename } event { id } } } }`, { s: statementId });
    expect(c.reassignStatement.statement).toEqual({ speaker: null, event: null });
    const wrong = await m(`mutation($s: ID!, $p: ID!) { reassignStatement(input: { statementId: $s, speakerId: $p }) { userErrors { code field message } } }`, { s: statementId, p: statementId });
    expect(wrong.reassignStatement.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'speakerId'] });
  });

  it('deletes an article and exactly the nodes only it held', async () => {
    const d0 = await m(`mutation { ingestArticle(input: { text: "Zorblax visits Quuxville\\n\\nZorblax Quuxman, a spokesman for the Ministry of Zorbs, said: \\"We will return.\\"", source: "Test Wire", publishedAt: "2020-01-01" }) { article { id people { nodes { id name } } statements { nodes { id } } } } }`);
    const article = d0.ingestArticle.article;
    const only = article.people.nodes.find((p: any) => p.name === 'Zorblax Quuxman');
    expect(only).toBeDefined();
    const kim = (await personId('Vladimir Putin'))!;
    const d = await m(`mutation($id: ID!) { deleteArticle(input: { id: $id }) { deletedArticleId deletedNodeIds userErrors { code } } }`, { id: article.id });
    expect(d.deleteArticle.deletedArticleId).toBe(article.id);
    expect(d.deleteArticle.deletedNodeIds).toEqual(expect.arrayContaining([article.id, only.id, ...article.statements.nodes.map((s: any) => s.id)]));
    expect(d.deleteArticle.deletedNodeIds).not.toContain(kim);
    const after = await m(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: d.deleteArticle.deletedNodeIds });
    expect(after.nodes.every((n: any) => n === null)).toBe(true);
    const again = await m(`mutation($id: ID!) { deleteArticle(input: { id: $id }) { deletedArticleId userErrors { code field } } }`, { id: article.id });
    expect(again.deleteArticle).toEqual({ deletedArticleId: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
  });
});
