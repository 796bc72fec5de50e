// The peer: PostGraphile 5 (amber preset) over the benchmark database, as a child process of
// bench/run.ts. Run with `node --import ./bench/peer/with-resolvers.mjs`. Env: DATABASE_URL, PORT (0: any).
// Reports { port } over IPC when listening and answers { type: 'stats' } with request and SQL counts.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const counters = { requests: 0, sqlStatements: 0 };
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL_MAX ?? 10) });
pool.on('error', () => {});
// Every statement PostGraphile sends goes through a pooled client's query().
pool.on('connect', (client) => {
  const query = client.query.bind(client);
  client.query = (...args) => {
    counters.sqlStatements += 1;
    return query(...args);
  };
});

const preset = {
  extends: [PostGraphileAmberPreset],
  // PostGraphile hides a backward relation unless a plain index leads with its foreign key. Our
  // schema serves statement.speaker_person_id (and the other speaker/event keys) with partial,
  // multi-column indexes (migration 20261212090000_writer_row_work), which its check does not count, so
  // without this the person page's `statementsBySpeakerPersonId` does not exist. The planner uses
  // those indexes for PostGraphile's SQL as it does for ours.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
  schema: { exportSchemaSDLPath: process.env.PEER_SCHEMA_OUT || undefined },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 65_000;
server.on('request', (req) => {
  if (req.url?.startsWith('/graphql')) counters.requests += 1;
});
await serv.addTo(server);
// Build the schema before reporting ready, so the first measured request does not pay for it.
await pgl.getSchema();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  if (process.send) process.send({ type: 'ready', port });
  else console.log(`PostGraphile listening on http://127.0.0.1:${port}/graphql`);
});
process.on('message', (m) => {
  if (m?.type === 'stats') process.send({ type: 'stats', ...counters });
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
