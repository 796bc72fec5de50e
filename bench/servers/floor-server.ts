// The floor: the article and person pages answered by bare pg + node:http, one hand-written SQL
// statement each (floor-sql.ts), no GraphQL. What the pages cost with nothing between the client and
// PostgreSQL but JSON; bench/run.ts reports ours / floor. Same IPC protocol as newsgraph-server.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { ARTICLE_PAGE_SQL, PERSON_PAGE_SQL } from './floor-sql.ts';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL_MAX ?? 10) });
const counters = { requests: 0, sqlStatements: 0 };
const PAGES = [
  { operation: 'query ArticlePage', type: 'Article', statement: { name: 'floor_article', text: ARTICLE_PAGE_SQL } },
  { operation: 'query PersonPage', type: 'Person', statement: { name: 'floor_person', text: PERSON_PAGE_SQL } },
];

async function answer(body: string): Promise<string> {
  const { query, variables } = JSON.parse(body) as { query: string; variables: { id: string } };
  const page = PAGES.find((p) => query.startsWith(p.operation));
  const [type, id] = Buffer.from(variables?.id ?? '', 'base64').toString('utf8').split(':');
  if (!page || type !== page.type) throw new Error('the floor answers only the article and person pages');
  counters.sqlStatements += 1;
  const { rows } = await pool.query<{ page: string }>({ ...page.statement, values: [Number(id)] });
  return `{"data":{"node":${rows[0]?.page ?? 'null'}}}`;
}

const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    answer(body).then(
      (json) => {
        counters.requests += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(json);
      },
      (error: Error) => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] })),
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  if (process.send) process.send({ type: 'ready', port });
  else console.log(`floor listening on http://127.0.0.1:${port}/graphql`);
});
process.on('message', (m: { type?: string }) => {
  if (m?.type === 'stats') process.send!({ type: 'stats', ...counters, cacheHits: 0 });
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
