import { spawn } from 'node:child_process';
import path from 'node:path';

// Where PostgreSQL's CPU goes during a BBC ingest: the backend CPU seconds of each statement text,
// summed over the run (bench/query-cpu-preload.mjs), as bench/ingest-bbc.ts ingests it (one extraction thread,
// 200 articles per transaction). npx tsx bench/ingest-query-cpu.ts [--top N]. Env as bench/ingest-bbc.ts (NEWSGRAPH_CORPUS_DIR,
// BENCH_ADMIN_URL, BENCH_WORKERS, BENCH_BATCH). Linux only (/proc).
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 20;
const root = path.resolve(import.meta.dirname, '..');
const { createFreshDatabase, dropDatabase } = await import('./database.ts');
const admin = process.env.BENCH_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `newsgraph_query_cpu_${process.pid}`;
const corpus = process.env.NEWSGRAPH_CORPUS_DIR ?? path.resolve(import.meta.dirname, '../../shared/corpus');
const url = await createFreshDatabase(admin, name);
try {
  const job = { databaseUrl: url, files: [path.join(corpus, 'bbc.jsonl')], limit: null, workers: Number(process.env.BENCH_WORKERS ?? 1), batchSize: Number(process.env.BENCH_BATCH ?? 200) };
  const preload = path.join(import.meta.dirname, 'query-cpu-preload.mjs');
  const child = spawn(process.execPath, ['--import', preload, '--import', 'tsx', path.join(root, 'bench/ingest-child.ts')], { cwd: root, env: { ...process.env, BENCH_INGEST: JSON.stringify(job) }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('QUERY_CPU '));
  if (code !== 0 || !line) throw new Error(`ingest failed (exit ${code})`);
  const rows = JSON.parse(line.slice('QUERY_CPU '.length)) as { text: string; calls: number; seconds: number }[];
  const total = rows.reduce((s, r) => s + r.seconds, 0);
  console.log(`${root}: PostgreSQL backend CPU ${total.toFixed(2)} s over ${rows.reduce((s, r) => s + r.calls, 0)} queries`);
  for (const r of rows.slice(0, top)) console.log(`${r.seconds.toFixed(2).padStart(7)} s ${String(r.calls).padStart(5)}  ${r.text}`);
} finally {
  await dropDatabase(admin, name);
}
