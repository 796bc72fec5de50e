// What the loaders' merged statement costs in other shapes, PostgreSQL's CPU (its backend's schedstat)
// and the client's per page, on the article and person pages' recorded statements (see page-sql-cpu.ts):
// json: as sent (UNION ALL of the parts, each row as to_json); fulljoin: the parts' plain rows side by
// side (FULL JOIN ... ON false, NULLs for the other parts' columns, rowMode array); separate: each part
// its own statement, one round trip each; nokey: without the cursor keys (json_build_array); nogid:
// without the global IDs (encode(convert_to(...))). Variants run alternately, three rounds.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/floor_bench npx tsx bench/merge-shapes.ts
import 'reflect-metadata';
import fs from 'node:fs';
import { HeaderMap } from '@apollo/server';
import pg from 'pg';
import { createSqlPool, type Sql } from '../src/db/sql.ts';
import { createContext } from '../src/graphql/context.ts';
import { createServer } from '../src/server/create-server.ts';
import { buildOperations } from './operations.ts';
const databaseUrl = process.env.DATABASE_URL!;
const pool = createSqlPool(databaseUrl);
let recording: { text: string; params: unknown[] }[] = [];
const recorder: Sql = { query(text, params = []) { recording.push({ text, params }); return pool.query(text, params); } };
const server = await createServer({ sql: recorder, production: true, rateLimit: null });
const headers = new HeaderMap([['content-type', 'application/json'], ['accept', 'application/json']]);
const { operations } = await buildOperations(databaseUrl);
const cpuNs = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const { rows: [{ pid }] } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
await client.query(`SET plan_cache_mode = force_generic_plan`);
const names = new Map<string, string>();
const nameOf = (t: string) => names.get(t) ?? names.set(t, `p${names.size}`).get(t)!;
function split(text: string) {
  const body = text.replace('/* generic-plan */ ', '');
  const parts = body.split('\nUNION ALL\n').map((p) => p.replace(/^SELECT \d+ AS "__q", to_json\(t\) AS "__r" FROM \(/, '').replace(/\) t$/, ''));
  return parts;
}
for (const name of ['article', 'person']) {
  const op = operations.find((o) => o.name === name)!;
  const pages: { text: string; params: unknown[] }[] = [];
  for (const body of op.ours!.bodies) {
    recording = [];
    await server.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body: JSON.parse(body) }, context: async () => createContext(recorder, 'x') });
    pages.push(recording[0]);
  }
  const variants: Record<string, () => Promise<void>> = {
    json: async () => { for (const p of pages) await client.query({ name: nameOf(p.text), text: p.text, values: p.params }); },
    fulljoin: async () => {
      for (const p of pages) {
        const parts = split(p.text);
        const t2 = parts.map((q, i) => `(SELECT ${i} AS "__q${i}", t.* FROM (${q}) t) p${i}`).reduce((acc, x, i) => i === 0 ? `SELECT * FROM ${x}` : `${acc} FULL JOIN ${x} ON false`, '');
        await client.query({ name: nameOf(t2), text: t2, values: p.params, rowMode: 'array' });
      }
    },
    nokey: async () => {
      for (const p of pages) {
        const t = p.text.replace(/json_build_array\([^)]*\) AS "__key"/g, 'NULL::json AS "__key"');
        await client.query({ name: nameOf(t), text: t, values: p.params });
      }
    },
    nogid: async () => {
      for (const p of pages) {
        const t = p.text.replace(/encode\(convert_to\('(\w+):' \|\| (\w+)\.id, 'UTF8'\), 'base64'\) AS id/g, "$2.id AS id");
        await client.query({ name: nameOf(t), text: t, values: p.params });
      }
    },
    separate: async () => {
      for (const p of pages) {
        const parts = split(p.text);
        // Each part's parameters renumbered from $1.
        for (const q of parts) {
          const nums = [...q.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
          const min = Math.min(...nums), max = Math.max(...nums);
          const t = q.replace(/\$(\d+)/g, (_, n) => `$${Number(n) - min + 1}`);
          await client.query({ name: nameOf(t), text: t, values: p.params.slice(min - 1, max) });
        }
      }
    },
  };
  for (const v of Object.values(variants)) await v();
  for (let r = 0; r < 3; r++) for (const [label, run] of Object.entries(variants)) {
    const db = cpuNs(pid); const js = process.cpuUsage();
    await run();
    const u = process.cpuUsage(js);
    console.log(`${name}\t${label}\tPG ${((cpuNs(pid) - db) / pages.length / 1000).toFixed(0)} us/page\tclient ${((u.user + u.system) / pages.length).toFixed(0)} us/page`);
  }
}
await client.end(); await server.stop(); await pool.end();
