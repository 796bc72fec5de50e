// Our API as the benchmark runs it: a child process of bench/run.ts over the benchmark database, with
// production options and no rate limit. Env: DATABASE_URL, PORT (0: any), PG_POOL_MAX,
// BENCH_RESPONSE_CACHE=1 (the response cache for public reads on; requests without SQL are its hits),
// BENCH_API_KEY (mutations on, for requests with this X-Api-Key).
// Reports { port } over IPC when listening and answers { type: 'stats' } with request and SQL counts
// (the server's own per-request statement count, onRequestDone).
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createWriter } from '../../src/db/writer.ts';
import { createSqlPool } from '../../src/db/sql.ts';
import { hashApiKey } from '../../src/config/api-keys.ts';
import { createServer } from '../../src/server/create-server.ts';

const counters = { requests: 0, sqlStatements: 0, cacheHits: 0 };
const sql = createSqlPool(process.env.DATABASE_URL!, { max: Number(process.env.PG_POOL_MAX ?? 10), statementTimeoutMs: 10_000 });
const server = await createServer({
  sql,
  production: true,
  rateLimit: null,
  ...(process.env.BENCH_API_KEY ? { apiKeyHashes: [hashApiKey(process.env.BENCH_API_KEY)], db: createWriter(process.env.DATABASE_URL!) } : {}),
  responseCache: process.env.BENCH_RESPONSE_CACHE === '1' ? {} : null,
  onRequestDone: ({ sqlStatements }) => {
    counters.requests += 1;
    counters.sqlStatements += sqlStatements;
    if (sqlStatements === 0) counters.cacheHits += 1;
  },
});
server.httpServer.keepAliveTimeout = 65_000;
server.httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.httpServer.address() as AddressInfo;
  if (process.send) process.send({ type: 'ready', port });
  else console.log(`Newsgraph listening on http://127.0.0.1:${port}/graphql`);
});
process.on('message', (m: { type?: string }) => {
  if (m?.type === 'stats') process.send!({ type: 'stats', ...counters });
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
