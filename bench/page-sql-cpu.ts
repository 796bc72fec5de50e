// PostgreSQL's CPU per page, alone: the SQL statements the article and person pages send (through the
// production request path, one request per sampled id) are recorded, then replayed on one connection
// as prepared statements, and the CPU of that connection's backend (/proc/<pid>/schedstat) is divided
// by the pages replayed. The client's CPU for reading the rows (pg's parsing) is reported beside it.
// For comparing what the loaders' SQL costs the database between checkouts (run each checkout's copy).
// PAGE_FLOOR=1 replays the floor's statement for the same ids instead; PAGE_SQL_PRINT=1 prints a page's SQL.
// Side by side: PAGE_SQL_DUMP=<file> writes the recorded pages (per operation) of this checkout; then
// PAGE_SQL_REPLAY=<a.json>,<b.json> replays the dumps alternately on one connection, round after round.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/floor_bench npx tsx bench/page-sql-cpu.ts [rounds]
import 'reflect-metadata';
import fs from 'node:fs';
import { HeaderMap } from '@apollo/server';
import pg from 'pg';
import { createSqlPool, type Sql } from '../src/db/sql.ts';
import { createContext } from '../src/graphql/context.ts';
import { createServer } from '../src/server/create-server.ts';
import { buildOperations } from './operations.ts';
import { ARTICLE_PAGE_SQL, PERSON_PAGE_SQL } from './servers/floor-sql.ts';

const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/floor_bench';
const rounds = Number(process.argv[2] ?? 5);
const pool = createSqlPool(databaseUrl);
let recording: { text: string; params: unknown[] }[] = [];
const recorder: Sql = {
  query(text, params = []) {
    recording.push({ text, params });
    return pool.query(text, params);
  },
};
const server = await createServer({ sql: recorder, production: true, rateLimit: null });
const headers = new HeaderMap([['content-type', 'application/json'], ['accept', 'application/json']]);
const { operations } = await buildOperations(databaseUrl);

const cpuNs = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
const client = new pg.Client({ connectionString: databaseUrl, types: { getTypeParser: (oid: number, format?: string) => pg.types.getTypeParser(oid, format as 'text') } as pg.CustomTypesConfig });
await client.connect();
const { rows: [{ pid }] } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
const names = new Map<string, string>();
const dump: Record<string, { text: string; params: unknown[] }[][]> = {};
const replay = process.env.PAGE_SQL_REPLAY?.split(',');
try {
  if (replay) {
    const dumps = replay.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as typeof dump);
    await client.query(`SET plan_cache_mode = force_generic_plan`);
    for (const name of Object.keys(dumps[0])) {
      const totals = replay.map((): number[] => []);
      const run = async (pages: { text: string; params: unknown[] }[][]) => {
        for (const page of pages) for (const s of page) await client.query({ name: (names.get(s.text) ?? names.set(s.text, `p${names.size}`).get(s.text))!, text: s.text, values: s.params });
      };
      for (const d of dumps) await run(d[name]);
      for (let round = 0; round < rounds; round++) {
        for (const [i, d] of dumps.entries()) {
          const db = cpuNs(pid);
          await run(d[name]);
          totals[i].push((cpuNs(pid) - db) / d[name].length / 1000);
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      for (const [i, file] of replay.entries()) console.log(`${name}\t${file}\tPostgreSQL CPU median ${median(totals[i]).toFixed(0)} us/page over ${rounds} rounds (min ${Math.min(...totals[i]).toFixed(0)}, max ${Math.max(...totals[i]).toFixed(0)})`);
    }
  }
  for (const name of replay ? [] : (process.env.PAGE_OPERATIONS ?? 'article,person').split(',')) {
    const op = operations.find((o) => o.name === name)!;
    const pages: { text: string; params: unknown[] }[][] = [];
    for (const body of op.ours!.bodies) {
      recording = [];
      const response = await server.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body: JSON.parse(body) }, context: async () => createContext(recorder, 'bench') });
      const text = response.body.kind === 'complete' ? response.body.string : '';
      if (!text.startsWith('{"data"') || text.includes('"errors"')) throw new Error(`${name}: ${text.slice(0, 300)}`);
      pages.push(recording);
    }
    // The floor's one statement for the same page and id (bench/servers/floor-sql.ts), replayed alike.
    if (process.env.PAGE_FLOOR === '1') {
      const text = name === 'article' ? ARTICLE_PAGE_SQL : PERSON_PAGE_SQL;
      pages.splice(0, pages.length, ...op.ours!.bodies.map((b) => [{ text, params: [Number(Buffer.from((JSON.parse(b) as { variables: { id: string } }).variables.id, 'base64').toString('utf8').split(':')[1])] }]));
    }
    dump[name] = pages;
    if (process.env.PAGE_SQL_PRINT === '1') console.log(pages[0].map((s) => `${s.text}\n-- ${JSON.stringify(s.params)}`).join('\n\n'));
    const statements = pages.reduce((n, p) => n + p.length, 0) / pages.length;
    // Prepared once per distinct text, as the server's pool does; the plan-mode comments are left to the defaults here.
    const run = async () => {
      for (const page of pages) for (const s of page) await client.query({ name: (names.get(s.text) ?? names.set(s.text, `p${names.size}`).get(s.text))!, text: s.text, values: s.params });
    };
    await client.query(`SET plan_cache_mode = force_generic_plan`);
    await run();
    for (let round = 0; round < rounds; round++) {
      const db = cpuNs(pid);
      const js = process.cpuUsage();
      await run();
      const used = process.cpuUsage(js);
      console.log(`${name}\tstatements/page ${statements.toFixed(1)}\tPostgreSQL CPU ${((cpuNs(pid) - db) / pages.length / 1000).toFixed(0)} us/page\tclient CPU ${((used.user + used.system) / pages.length).toFixed(0)} us/page`);
    }
  }
  if (process.env.PAGE_SQL_DUMP) fs.writeFileSync(process.env.PAGE_SQL_DUMP, JSON.stringify(dump));
} finally {
  await client.end();
  await server.stop();
  await pool.end();
}
