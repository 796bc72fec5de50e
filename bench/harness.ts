import os from 'node:os';
import path from 'node:path';
import { corpusDir } from '../src/config.ts';
import { createFreshDatabase, dropDatabase, serverVersion, vacuumAnalyze, withClient, withDatabase } from './database.ts';
import { runIngest, type IngestRun } from './ingest-phase.ts';
import { floorDiffers } from './floor-check.ts';
import { ensurePeerInstalled } from './peer-install.ts';
import { measure, type LoadResult } from './load.ts';
import { alignPeerTraversal, buildOperations, PEER_FUNCTIONS_SQL, probe, type Operation } from './operations.ts';
import { startServer, type RunningServer, type ServerName } from './servers.ts';

export interface BenchConfig {
  quick: boolean;
  /** Admin connection (any database of the server); the benchmark creates its own databases. */
  adminUrl: string;
  database: string;
  corpora: { name: string; file: string; limit: number | null }[];
  ingest: { workers: number; batchSize: number; baseline: boolean };
  /**
   * `cache`: also run our server with its response cache on (a third server); `floor`: the floor server
   * (bare pg + node:http, one hand-written statement per page) on the article and person pages.
   */
  api: { durationSeconds: number; warmupSeconds: number; concurrencies: number[]; rounds: number; peer: boolean; cache: boolean; floor: boolean };
  /** Keep the loaded database after the run (default: drop it). */
  keepDatabase: boolean;
  /**
   * Measure the database a `keepDatabase` run left as it is: no new database, no ingest (its figures
   * are left out). For comparing read paths on the same rows in the same minutes.
   */
  reuseDatabase: boolean;
  /** Only these operations (bench/operations.ts names); null: all. */
  operations: string[] | null;
  log: (line: string) => void;
}

export interface ApiRow {
  operation: string;
  concurrency: number;
  server: ServerName;
  /** Mean over rounds. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  sqlPerRequest: number | null;
  cacheHitRate: number | null;
  failures: number;
  requests: number;
  rounds: LoadResult[];
}

export interface BenchResults {
  version: 1;
  date: string;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; platform: string };
  settings: { corpora: BenchConfig['corpora']; ingest: BenchConfig['ingest']; api: BenchConfig['api'] };
  ingest: { runs: IngestRun[]; baseline: IngestRun | null };
  api: {
    operations: { name: string; description: string; note: string | null; ours: string; peer: string; /** Distinct request bodies our servers get, in turn: a body repeats (and can hit the cache) only after this many. */ distinctRequests: number }[];
    results: ApiRow[];
    /** ours / peer req/s; `cached`: with our response cache on; `ratioFloor`: ours / floor. */
    ratios: { operation: string; concurrency: number; ours: number; peer: number | null; ratio: number | null; oursCached: number | null; ratioCached: number | null; floor: number | null; ratioFloor: number | null }[];
  };
  servers: Partial<Record<ServerName, { peakRssMb: number | null }>>;
  /**
   * The machine's 1-, 5- and 15-minute load averages when the run started and ended: on a shared
   * machine the figures mean something only beside the load they were measured under.
   */
  load: { atStart: number[]; atEnd: number[] };
  totalSeconds: number;
}

function numberFrom(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return n;
}

/**
 * Settings from the environment: BENCH_QUICK=1 (small sample, short runs), BENCH_DURATION and
 * BENCH_WARMUP (seconds per measured run / warm-up), BENCH_ROUNDS, BENCH_CONCURRENCY (e.g. "1,32"),
 * BENCH_LIMIT (records per corpus), BENCH_WORKERS, BENCH_BATCH, BENCH_BASELINE=0/1 (one-by-one ingest
 * of BBC for comparison), BENCH_PEER=0 (no PostGraphile), BENCH_CACHE=0 (no run with our response cache), BENCH_FLOOR=0 (no floor server), BENCH_ADMIN_URL / TEST_DATABASE_URL /
 * DATABASE_URL (server to create the database on), BENCH_DATABASE, BENCH_KEEP_DB=1, BENCH_REUSE_DB=1 (measure the
 * kept database, no ingest), BENCH_OPERATIONS (e.g. "person": only these operations).
 */
export function configFromEnv(env: Record<string, string | undefined> = process.env, log: (line: string) => void = console.log): BenchConfig {
  const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  const dir = corpusDir(env);
  if (!dir) throw new Error('No corpus directory: set NEWSGRAPH_CORPUS_DIR (bbc.jsonl, reuters21578.jsonl)');
  const limit = env.BENCH_LIMIT ? numberFrom(env, 'BENCH_LIMIT', 0) : quick ? 150 : null;
  const admin = env.BENCH_ADMIN_URL || env.TEST_DATABASE_URL || env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  return {
    quick,
    adminUrl: admin,
    database: env.BENCH_DATABASE || 'newsgraph_bench',
    corpora: [
      { name: 'bbc', file: path.join(dir, 'bbc.jsonl'), limit },
      { name: 'reuters', file: path.join(dir, 'reuters21578.jsonl'), limit },
    ],
    ingest: {
      workers: numberFrom(env, 'BENCH_WORKERS', Math.max(1, os.availableParallelism() - 1)),
      batchSize: Math.max(1, numberFrom(env, 'BENCH_BATCH', 200)),
      baseline: env.BENCH_BASELINE ? env.BENCH_BASELINE === '1' : !quick,
    },
    api: {
      durationSeconds: numberFrom(env, 'BENCH_DURATION', quick ? 1 : 10),
      warmupSeconds: numberFrom(env, 'BENCH_WARMUP', quick ? 0.5 : 3),
      concurrencies: (env.BENCH_CONCURRENCY || '1,32').split(',').map((c) => Number(c.trim())).filter((c) => c > 0),
      rounds: Math.max(1, numberFrom(env, 'BENCH_ROUNDS', quick ? 1 : 2)),
      peer: env.BENCH_PEER !== '0',
      cache: env.BENCH_CACHE !== '0',
      floor: env.BENCH_FLOOR !== '0',
    },
    keepDatabase: env.BENCH_KEEP_DB === '1' || env.BENCH_REUSE_DB === '1',
    reuseDatabase: env.BENCH_REUSE_DB === '1',
    operations: env.BENCH_OPERATIONS ? env.BENCH_OPERATIONS.split(',').map((o) => o.trim()).filter(Boolean) : null,
    log,
  };
}

/** The pages the floor server answers (the same JSON as ours, one SQL statement each). */
const FLOOR_OPERATIONS = new Set(['article', 'person']);

const loadAverages = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const r1 = (x: number) => Math.round(x * 10) / 10;

async function execSql(url: string, text: string): Promise<void> {
  await withClient(url, (c) => c.query(text));
}

/** The whole benchmark: fresh database, ingest, then both APIs under load. */
export async function runBench(config: BenchConfig): Promise<BenchResults> {
  const started = performance.now();
  const loadAtStart = loadAverages();
  const { log } = config;
  const cpus = os.availableParallelism();
  await ensurePeerInstalled(log);
  const url = config.reuseDatabase ? withDatabase(config.adminUrl, config.database) : await createFreshDatabase(config.adminUrl, config.database);
  const servers: RunningServer[] = [];
  try {
    // 1. Ingest, corpus after corpus into one database, each in a process of its own.
    const runs: IngestRun[] = [];
    for (const c of config.reuseDatabase ? [] : config.corpora) {
      log(`ingest ${c.name}${c.limit ? ` (first ${c.limit} records)` : ''}: ${config.ingest.workers} worker(s), ${config.ingest.batchSize} per transaction`);
      const run = await runIngest({ corpus: c.name, mode: 'fast', databaseUrl: url, files: [c.file], limit: c.limit, workers: config.ingest.workers, batchSize: config.ingest.batchSize, cpus });
      log(`  ${run.records} records in ${run.wallSeconds} s: ${run.articlesPerSecond} articles/s (${run.articlesPerSecondPerCore}/core), peak RSS ${run.peakRssMb} MB`);
      runs.push(run);
    }
    let baseline: IngestRun | null = null;
    if (config.ingest.baseline && !config.reuseDatabase) {
      const name = `${config.database}_seq`;
      const seqUrl = await createFreshDatabase(config.adminUrl, name);
      try {
        const c = config.corpora[0];
        log(`baseline: ${c.name} one article at a time (--workers 0 --batch 1)`);
        baseline = await runIngest({ corpus: c.name, mode: 'one-by-one', databaseUrl: seqUrl, files: [c.file], limit: c.limit, workers: 0, batchSize: 1, cpus });
        log(`  ${baseline.records} records in ${baseline.wallSeconds} s: ${baseline.articlesPerSecond} articles/s`);
      } finally {
        await dropDatabase(config.adminUrl, name);
      }
    }
    if (!config.reuseDatabase) await vacuumAnalyze(url);

    // 2. API throughput and latency, ours and the peer's, on the loaded database.
    if (config.api.peer) await execSql(url, PEER_FUNCTIONS_SQL);
    log('starting servers');
    const ours = await startServer('newsgraph', url);
    servers.push(ours);
    const cached = config.api.cache ? await startServer('newsgraph-cache', url) : null;
    if (cached) servers.push(cached);
    const peer = config.api.peer ? await startServer('postgraphile', url) : null;
    if (peer) servers.push(peer);
    const floor = config.api.floor ? await startServer('floor', url) : null;
    if (floor) servers.push(floor);
    const built = await buildOperations(url);
    const { undated } = built;
    const operations = built.operations.filter((op) => !config.operations || config.operations.includes(op.name));
    if (operations.length === 0) throw new Error(`BENCH_OPERATIONS names none of ${built.operations.map((op) => op.name).join(', ')}`);
    const status = new Map<string, { ours: string; peer: string }>();
    for (const op of operations) {
      const s = { ours: 'n/a', peer: 'n/a' };
      if (op.ours) {
        const p = await probe(ours.url, op.ours);
        if (p === 'missing') op.ours = null;
        else if (p !== 'ok') throw new Error(`our server fails ${op.name}: ${p}`);
        else s.ours = 'ok';
      }
      if (op.peer && peer) {
        if (op.name === 'traversal') await alignPeerTraversal(op, peer.url, undated);
        const p = await probe(peer.url, op.peer);
        if (p !== 'ok') throw new Error(`PostGraphile fails ${op.name}: ${p}`);
        s.peer = 'ok';
      } else op.peer = null;
      if (floor && FLOOR_OPERATIONS.has(op.name) && op.ours) {
        const difference = await floorDiffers(op, ours.url, floor.url);
        if (difference) throw new Error(`the floor answers other data than ours: ${difference}`);
      }
      status.set(op.name, s);
      log(`  ${op.name}: ours ${s.ours}, peer ${s.peer}`);
    }

    const perRound = new Map<string, LoadResult[]>();
    const key = (op: string, c: number, server: ServerName) => `${op}|${c}|${server}`;
    for (let round = 0; round < config.api.rounds; round++) {
      // Swap who goes first every round, so warm caches and background noise favour neither.
      const all = [ours, ...(cached ? [cached] : []), ...(peer ? [peer] : []), ...(floor ? [floor] : [])];
      const order: RunningServer[] = round % 2 === 0 ? all : [...all].reverse();
      for (const op of operations) {
        for (const c of config.api.concurrencies) {
          for (const server of order) {
            const side = server.name === 'postgraphile' ? op.peer : server.name === 'floor' ? (FLOOR_OPERATIONS.has(op.name) ? op.ours : null) : op.ours;
            if (!side) continue;
            const result = await measure(server, side.bodies, { connections: c, durationSeconds: config.api.durationSeconds, warmupSeconds: config.api.warmupSeconds, databaseUrl: url });
            const k = key(op.name, c, server.name);
            perRound.set(k, [...(perRound.get(k) ?? []), result]);
            log(`  round ${round + 1} ${op.name.padEnd(9)} c=${String(c).padEnd(3)} ${server.name.padEnd(15)} ${String(result.requestsPerSecond).padStart(8)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  sql/req ${result.sqlPerRequest ?? '-'}${result.cacheHitRate !== null ? `  cache hits ${Math.round(result.cacheHitRate * 100)}%` : ''}${result.failures ? `  FAILURES ${result.failures}` : ''}`);
          }
        }
      }
    }

    const results: ApiRow[] = [];
    for (const [k, rounds] of perRound) {
      const [operation, c, server] = k.split('|');
      const sql = rounds.map((r) => r.sqlPerRequest).filter((x): x is number => x !== null);
      results.push({
        operation,
        concurrency: Number(c),
        server: server as ServerName,
        requestsPerSecond: r1(mean(rounds.map((r) => r.requestsPerSecond))),
        p50Ms: r1(mean(rounds.map((r) => r.p50Ms))),
        p99Ms: r1(mean(rounds.map((r) => r.p99Ms))),
        sqlPerRequest: sql.length ? Math.round(mean(sql) * 100) / 100 : null,
        cacheHitRate: rounds[0].cacheHitRate === null ? null : Math.round(mean(rounds.map((r) => r.cacheHitRate ?? 0)) * 1000) / 1000,
        failures: rounds.reduce((a, r) => a + r.failures, 0),
        requests: rounds.reduce((a, r) => a + r.requests, 0),
        rounds,
      });
    }
    const ratios = operations.flatMap((op) => config.api.concurrencies.map((c) => {
      const o = results.find((r) => r.operation === op.name && r.concurrency === c && r.server === 'newsgraph');
      const p = results.find((r) => r.operation === op.name && r.concurrency === c && r.server === 'postgraphile');
      const k = results.find((r) => r.operation === op.name && r.concurrency === c && r.server === 'newsgraph-cache');
      const f = results.find((r) => r.operation === op.name && r.concurrency === c && r.server === 'floor');
      const over = (x: ApiRow | undefined, y: ApiRow | undefined) => (x && y && y.requestsPerSecond > 0 ? Math.round((x.requestsPerSecond / y.requestsPerSecond) * 100) / 100 : null);
      const ratio = (x: ApiRow | undefined) => over(x, p);
      return o ? { operation: op.name, concurrency: c, ours: o.requestsPerSecond, peer: p?.requestsPerSecond ?? null, ratio: ratio(o), oursCached: k?.requestsPerSecond ?? null, ratioCached: ratio(k), floor: f?.requestsPerSecond ?? null, ratioFloor: over(o, f) } : null;
    }).filter((x): x is NonNullable<typeof x> => x !== null));

    const memory = os.totalmem() / 1024 ** 3;
    return {
      version: 1,
      date: new Date().toISOString(),
      quick: config.quick,
      machine: { cpus, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(memory), node: process.version, postgres: await serverVersion(url), platform: `${os.platform()} ${os.release()}` },
      settings: { corpora: config.corpora.map((c) => ({ ...c, file: path.basename(c.file) })), ingest: config.ingest, api: config.api },
      ingest: { runs, baseline },
      api: {
        operations: operations.map((op) => ({ name: op.name, description: op.description, note: op.note ?? null, ...status.get(op.name)!, distinctRequests: op.ours?.bodies.length ?? 0 })),
        results,
        ratios,
      },
      servers: Object.fromEntries(servers.map((s) => [s.name, { peakRssMb: s.peakRssKb() === null ? null : Math.round(s.peakRssKb()! / 1024) }])),
      load: { atStart: loadAtStart, atEnd: loadAverages() },
      totalSeconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    if (!config.keepDatabase) await dropDatabase(config.adminUrl, config.database).catch(() => {});
    else log(`kept the loaded database: ${withDatabase(config.adminUrl, config.database)}`);
  }
}
