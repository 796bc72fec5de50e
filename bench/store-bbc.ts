/**
 * The ordered stages of a bulk ingest alone (look-up, resolve, store), on extractions computed
 * beforehand, so that the database side can be measured without the extraction's CPU:
 *   npx tsx bench/store-bbc.ts prepare CORPUS OUT          parse + extract every record once, into OUT
 *   DATABASE_URL=... npx tsx bench/store-bbc.ts run OUT [ROOT] [BATCH]
 * `run` writes into DATABASE_URL (a freshly migrated database) with the code under ROOT (default: this
 * checkout, so that another checkout can be measured with the same extractions), as ingestArticles
 * does per batch, and prints wall time, this process's CPU, the CPU of its PostgreSQL backends
 * (/proc, read before the pool closes) and the time spent waiting on each statement text.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

const [mode, ...args] = process.argv.slice(2);
const here = path.resolve(import.meta.dirname, '..');

async function prepareAll(corpus: string, out: string): Promise<void> {
  const { readSources } = await import(`${here}/src/pipeline/read-sources.ts`);
  const { prepare } = await import(`${here}/src/pipeline/prepare-article.ts`);
  const times = { parseMs: 0, extractMs: 0 };
  const items: unknown[] = [];
  for await (const item of readSources([corpus])) items.push(prepare(item, times));
  fs.writeFileSync(out, v8.serialize(items));
  console.log(`${items.length} records prepared into ${out}`);
}

async function backendCpuSeconds(query: (t: string) => Promise<{ pid: number }[]>): Promise<number> {
  const rows = await query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // a backend that ended: not ours to count
    }
  }
  return ticks / 100;
}

async function run(file: string, root: string, batchSize: number): Promise<void> {
  const items = v8.deserialize(fs.readFileSync(file)) as { kind: string; origin: string; parsed?: unknown; extraction?: unknown; extractError?: string | null }[];
  const { loadConfig } = await import(`${root}/src/config.ts`);
  const { openDatabase } = await import(`${root}/src/db/open-database.ts`);
  const { lookUpIndex } = await import(`${root}/src/pipeline/look-up-index.ts`);
  const { resolveArticle } = await import(`${root}/src/resolve/resolve-article.ts`);
  const { storeArticles } = await import(`${root}/src/store/store-articles.ts`);
  const { articleNaturalKey } = await import(`${root}/src/store/natural-key.ts`);
  const { EXTRACTOR_VERSION } = await import(`${root}/src/extract/version.ts`);
  const db = await openDatabase(loadConfig());
  // Per statement text: the time waited for it and the CPU its backend spent on it (/proc ticks of
  // 10 ms before and after, which average out over many statements).
  const waits = new Map<string, { ms: number; n: number; cpu: number }>();
  const ticks = (pid: number) => {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  const timed = async (sql: { query: (t: string, p?: unknown[]) => Promise<unknown[]> }) => {
    const [{ pid }] = (await sql.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
    return {
      query: async (text: string, params?: unknown[]) => {
        const [t, c] = [performance.now(), ticks(pid)];
        try {
          return await sql.query(text, params);
        } finally {
          const key = text.replace(/\s+/g, ' ').trim().slice(0, 70);
          const w = waits.get(key) ?? { ms: 0, n: 0, cpu: 0 };
          w.ms += performance.now() - t;
          w.cpu += (ticks(pid) - c) * 10;
          w.n += 1;
          waits.set(key, w);
        }
      },
    };
  };
  // BENCH_EXPLAIN=K: the K-th batch's store statements (and the statements their triggers run) are
  // logged with their plans, timings and trigger times by auto_explain (the server's log).
  const explainBatch = Number(process.env.BENCH_EXPLAIN ?? -1);
  let batchNo = 0;
  const explain = async (sql: { query: (t: string) => Promise<unknown> }) => {
    if (batchNo !== explainBatch) return;
    await sql.query(`LOAD 'auto_explain'`);
    for (const s of ['log_min_duration = 0', 'log_analyze = on', 'log_buffers = on', 'log_nested_statements = on', 'log_triggers = on']) await sql.query(`SET LOCAL auto_explain.${s}`);
  };
  const writer = {
    ...db.writer,
    transaction: (fn: (sql: unknown) => Promise<unknown>, o?: unknown) => db.writer.transaction(async (sql: never) => (await explain(sql), fn(await timed(sql))), o),
    read: (fn: (sql: unknown) => Promise<unknown>) => db.writer.read(async (sql: never) => fn(await timed(sql))),
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const stage = { lookUp: 0, resolve: 0, store: 0 };
  let stored = 0;
  for (let i = 0; i < items.length; i += batchSize) {
    const batch = items.slice(i, i + batchSize).filter((p) => p.kind === 'parsed' && p.extraction);
    await writer.exclusive(async () => {
      let t = performance.now();
      const index = await lookUpIndex(writer, batch.map((p) => p.extraction));
      stage.lookUp += performance.now() - t;
      t = performance.now();
      const articles = batch.map((p) => ({ parsed: p.parsed, resolved: resolveArticle(index, p.extraction, [articleNaturalKey(p.parsed), (p.parsed as { contentHash: string }).contentHash]), origin: p.origin }));
      stage.resolve += performance.now() - t;
      t = performance.now();
      const results = (await storeArticles(writer, articles, EXTRACTOR_VERSION)) as { outcome: string }[];
      stage.store += performance.now() - t;
      stored += results.filter((r) => r.outcome !== 'duplicate').length;
    });
    batchNo += 1;
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const pg = await backendCpuSeconds((t) => db.sql.query(t));
  const [counts] = (await db.sql.query(`SELECT (SELECT count(*) FROM statement) AS statements, (SELECT count(*) FROM person) AS people, (SELECT count(*) FROM event) AS events`)) as Record<string, number>[];
  await db.close();
  const f = (ms: number) => (ms / 1000).toFixed(2);
  console.log(`stored ${stored} articles, ${JSON.stringify(counts)}`);
  console.log(`wall ${wall.toFixed(2)} s, node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, PostgreSQL backends CPU ${pg.toFixed(2)} s; look-up ${f(stage.lookUp)} s, resolve ${f(stage.resolve)} s, store ${f(stage.store)} s`);
  console.log(`  waited, backend CPU, statements run: statement text (by CPU); all: ${f([...waits.values()].reduce((a, w) => a + w.cpu, 0))} s of backend CPU`);
  for (const [text, w] of [...waits].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 25)) console.log(`  ${f(w.ms).padStart(6)} s ${f(w.cpu).padStart(6)} s ${String(w.n).padStart(5)}×  ${text}`);
}

if (mode === 'prepare') await prepareAll(args[0], args[1]);
else if (mode === 'run') await run(args[0], path.resolve(args[1] ?? here), Number(args[2] ?? 200));
else console.error('usage: bench/store-bbc.ts prepare CORPUS OUT | run OUT [ROOT] [BATCH]');
