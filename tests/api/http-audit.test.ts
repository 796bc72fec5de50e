import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { listen } from '../helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

// The graphql-http package's audit suite: GraphQL-over-HTTP compliance of the running server.
describe('GraphQL over HTTP (graphql-http audits)', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase('http_audit');
    server = await createServer({ sql: db.sql });
    url = `${await listen(server)}/graphql`;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('passes every audit', async () => {
    const results = [];
    for (const audit of serverAudits({ url })) results.push({ id: audit.id, name: audit.name, result: await audit.fn() });
    const failing = results.filter((r) => r.result.status !== 'ok').map((r) => `${r.result.status} ${r.id} ${r.name}: ${'reason' in r.result ? r.result.reason : ''}`);
    console.log(`graphql-http audits: ${results.length - failing.length}/${results.length} ok${failing.map((f) => `\n  ${f}`).join('')}`);
    expect(failing).toEqual([]);
  });
});
