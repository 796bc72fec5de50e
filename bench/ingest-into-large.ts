/**
 * CLI ingest of the same number of new articles into an empty database and into a large one (the
 * kept dump of `npm run bench:scale`, restored here), alternating, to show the writer touches only
 * what it changes (issue 18: within 20 %).
 *   npx tsx bench/ingest-into-large.ts [--articles 3000] [--rounds 2] [--dump-articles 500000] [--keep-db]
 * Environment: BENCH_LARGE_DB=NAME ingests into that existing database (not dropped, grows by the
 * articles) instead of restoring the dump; BENCH_DATABASE_PREFIX (newsgraph_ingest_into) names the
 * databases made here; BENCH_OUT (bench/results.json) gets the figures under "ingestIntoLarge".
 * The articles: the first Reuters-21578 records with a body, each with a line naming the run and the
 * record appended and an id of its own, so they are new stories (whose names are the graph's own)
 * in both databases, never duplicates or corrections of stored ones; every round uses new ones.
 * Each ingest is `npm run ingest`'s entry point with its defaults, in a process of its own.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCliArgs } from '../src/cli/cli-args.ts';
import { corpusDir } from '../src/config.ts';
import { createEmptyDatabase, createFreshDatabase, dropDatabase, vacuumAnalyze, withClient, withDatabase } from './database.ts';
import { keptBuild, restoreDump, scaleDir } from './scale/dump.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = parseCliArgs(process.argv.slice(2), { ints: { articles: 1, rounds: 1, 'dump-articles': 1 }, switches: ['keep-db'] });
const count = args.ints.get('articles') ?? 3000;
const rounds = args.ints.get('rounds') ?? 2;
const dumpArticles = args.ints.get('dump-articles') ?? 500_000;
const adminUrl = process.env.BENCH_ADMIN_URL || process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const prefix = process.env.BENCH_DATABASE_PREFIX || 'newsgraph_ingest_into';
const largeDb = process.env.BENCH_LARGE_DB || null;
const out = process.env.BENCH_OUT || path.join(ROOT, 'bench/results.json');

interface CliRun {
  database: 'empty' | 'large';
  articlesBefore: number;
  created: number;
  wallSeconds: number;
  /** The CLI's own time and stage seconds, as it prints them. */
  cliSeconds: number;
  stages: Record<string, number>;
  load: number;
}

/** `count` new articles as a JSONL file (see the header). */
function writeArticles(file: string, tag: string): void {
  const dir = corpusDir();
  if (!dir) throw new Error('No corpus directory: set NEWSGRAPH_CORPUS_DIR');
  const records = fs.readFileSync(path.join(dir, 'reuters21578.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const chosen = records.filter((r) => typeof r.body === 'string' && r.body.trim() !== '').slice(0, count);
  if (chosen.length < count) throw new Error(`only ${chosen.length} Reuters records with a body`);
  const lines = chosen.map((r) => JSON.stringify({ ...r, newid: undefined, id: `bench-${tag}-${r.newid}`, body: `${r.body}\n\nBenchmark copy ${tag}-${r.newid}.` }));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

const articleCount = (url: string) => withClient(url, async (c) => Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM article')).rows[0].n));

/** Runs the ingest CLI on `file` into `url`; its summary gives the created count and its times. */
async function ingestCli(url: string, file: string, database: CliRun['database']): Promise<CliRun> {
  const articlesBefore = await articleCount(url);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', file], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (d) => (text += d));
  child.stderr.on('data', (d) => (text += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const wallSeconds = (performance.now() - started) / 1000;
  const created = Number(/articles\s+(\d+) created/.exec(text)?.[1]);
  const cliSeconds = Number(/time\s+([\d.]+) s/.exec(text)?.[1]);
  if (code !== 0 || created !== count || !Number.isFinite(cliSeconds)) throw new Error(`ingest into the ${database} database: exit ${code}, ${created} created of ${count}:\n${text.slice(-3000)}`);
  const stages = Object.fromEntries([...(/stages\s+(.*)/.exec(text)?.[1] ?? '').matchAll(/(\w+) ([\d.]+) s/g)].map((m) => [m[1], Number(m[2])]));
  return { database, articlesBefore, created, wallSeconds: Math.round(wallSeconds * 10) / 10, cliSeconds, stages, load: Number(os.loadavg()[0].toFixed(2)) };
}

/** The large database: an existing one (BENCH_LARGE_DB), or the kept scale dump restored. */
async function largeDatabase(log: (line: string) => void): Promise<{ url: string; restoredFrom: string | null }> {
  if (largeDb) return { url: withDatabase(adminUrl, largeDb), restoredFrom: null };
  const dir = scaleDir();
  const kept = keptBuild(dir, dumpArticles);
  if (!kept) throw new Error(`no kept dump of ${dumpArticles} articles in ${dir}: run npm run bench:scale first (or set BENCH_LARGE_DB)`);
  const url = await createEmptyDatabase(adminUrl, `${prefix}_large`);
  log(`restoring the kept dump (${kept.articles} articles) into ${prefix}_large`);
  const t = performance.now();
  await restoreDump(url, dir, dumpArticles);
  await vacuumAnalyze(url);
  log(`restored in ${Math.round((performance.now() - t) / 1000)} s`);
  return { url, restoredFrom: path.join(dir, `scale-${dumpArticles}.dump`) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-into-'));
  let large: { url: string; restoredFrom: string | null } | null = null;
  try {
    large = await largeDatabase(log);
    const runs: CliRun[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const database of ['empty', 'large'] as const) {
        const file = path.join(tmp, `${database}-${round}.jsonl`);
        writeArticles(file, `${Date.now().toString(36)}-${database}-${round}`);
        const url = database === 'large' ? large.url : await createFreshDatabase(adminUrl, `${prefix}_empty`);
        const run = await ingestCli(url, file, database);
        log(`round ${round + 1}, ${database} (${run.articlesBefore} articles): ${run.cliSeconds} s by the CLI, ${run.wallSeconds} s wall; ${JSON.stringify(run.stages)}; load ${run.load}`);
        runs.push(run);
      }
    }
    const of = (database: CliRun['database']) => median(runs.filter((r) => r.database === database).map((r) => r.cliSeconds));
    const ratio = Math.round((of('large') / of('empty')) * 100) / 100;
    log(`median CLI seconds: empty ${of('empty')}, large ${of('large')}: large / empty = ${ratio}`);
    const result = { date: new Date().toISOString(), command: `npx tsx bench/ingest-into-large.ts ${process.argv.slice(2).join(' ')}`.trim(), articles: count, cpus: os.availableParallelism(), restoredFrom: large.restoredFrom, medianSeconds: { empty: of('empty'), large: of('large') }, ratio, runs };
    const current = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
    fs.writeFileSync(out, `${JSON.stringify({ ...current, ingestIntoLarge: result }, null, 2)}\n`);
    log(`written to ${out} ("ingestIntoLarge")`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!args.switches.has('keep-db')) {
      await dropDatabase(adminUrl, `${prefix}_empty`);
      if (large?.restoredFrom) await dropDatabase(adminUrl, `${prefix}_large`);
    }
  }
}

await main();
