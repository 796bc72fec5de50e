import { beforeAll, expect, it } from 'vitest';
import { configFromEnv, runBench } from '../bench/harness.ts';
import { ensurePeerInstalled } from '../bench/peer-install.ts';
import { formatResults } from '../bench/report.ts';
import { corpusDir } from '../src/config.ts';
import { describeWithCorpus } from './helpers/corpus.ts';
import { adminDatabaseUrl } from './helpers/test-database.ts';

// Keeps `npm run bench` from rotting: the whole harness (fresh database, ingest in child processes,
// both servers, autocannon, report) on a tiny sample with one-second runs.
const CORPUS = corpusDir();

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl'], 'bench harness smoke test', () => {
  // The peer benchmark's packages are not in the app's install: the first run installs bench/peer
  // (about a minute here), as `npm run bench` does; later runs find them in place.
  beforeAll(() => ensurePeerInstalled(), 600_000);

  // About a minute on a loaded 2-core machine; its own server start-up deadlines are 60 s each.
  it('runs end to end and every operation answers without errors', { timeout: 300_000 }, async () => {
    const lines: string[] = [];
    const config = configFromEnv({
      BENCH_QUICK: '1',
      BENCH_LIMIT: '60',
      BENCH_DURATION: '1',
      BENCH_WARMUP: '0',
      BENCH_CONCURRENCY: '1,4',
      BENCH_BASELINE: '0',
      BENCH_ADMIN_URL: adminDatabaseUrl(),
      // Named like the other test databases, so a killed run's leftover is cleaned up by the next.
      BENCH_DATABASE: `newsgraph_test_bench_${process.pid}_${Date.now() % 1e8}`,
      NEWSGRAPH_CORPUS_DIR: CORPUS!,
    }, (line) => lines.push(line));
    const results = await runBench(config);

    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
    expect(results).toMatchObject({ version: 1, quick: true, machine: { cpus: expect.any(Number), node: process.version, postgres: expect.stringMatching(/^\d+/) } });
    // The load the figures were measured under: three averages (1, 5, 15 min) at the start and at the end.
    for (const at of [results.load.atStart, results.load.atEnd]) expect(at).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(results.ingest.runs.map((r) => r.corpus)).toEqual(['bbc', 'reuters']);
    for (const run of results.ingest.runs) {
      expect(run.records).toBe(60);
      expect(run.articles.created).toBeGreaterThan(40);
      expect(run.articlesPerSecond).toBeGreaterThan(0);
      expect(Object.keys(run.stageSeconds)).toEqual(['parse', 'extract', 'resolve', 'persist']);
      expect(run.peakRssMb).toBeGreaterThan(0);
    }

    const ops = results.api.operations;
    expect(ops.map((o) => o.name)).toEqual(['article', 'person', 'traversal', 'search', 'node']);
    for (const op of ops.filter((o) => o.name !== 'search')) expect(op, op.name).toMatchObject({ ours: 'ok', peer: 'ok' });
    for (const op of ops) {
      for (const c of [1, 4]) {
        for (const server of ['newsgraph', 'newsgraph-cache', 'postgraphile'] as const) {
          if (op[server === 'postgraphile' ? 'peer' : 'ours'] !== 'ok') continue;
          const row = results.api.results.find((r) => r.operation === op.name && r.concurrency === c && r.server === server);
          expect(row, `${op.name} c=${c} ${server}`).toBeDefined();
          expect(row!.requests, `${op.name} c=${c} ${server}`).toBeGreaterThan(0);
          expect(row!.failures, `${op.name} c=${c} ${server}: failed requests`).toBe(0);
          // Bodies are sent in turn, so only a run longer than one round of them repeats any: on a
          // busy machine a one-second run may not get that far (the cache itself: response-cache.test.ts).
          if (server === 'newsgraph-cache') {
            if (row!.requests > 2 * op.distinctRequests) expect(row!.cacheHitRate, `${op.name} c=${c}: the repeated requests hit the cache`).toBeGreaterThan(0.1);
          }
          else expect(row!.sqlPerRequest, `${op.name} c=${c} ${server}`).toBeGreaterThan(0);
        }
      }
    }
    expect(results.api.ratios.filter((r) => r.ratio !== null && r.ratioCached !== null).length).toBe(8);
    const table = formatResults(results);
    // The floor (bare pg + node:http) answers the two pages, checked to give the same data as ours.
    expect(results.api.ratios.filter((r) => r.ratioFloor !== null).map((r) => `${r.operation} ${r.concurrency}`)).toEqual(['article 1', 'article 4', 'person 1', 'person 4']);
    for (const row of results.api.results.filter((r) => r.server === 'floor')) expect(row.failures, `floor ${row.operation} c=${row.concurrency}`).toBe(0);
    expect(table).toContain('ours / floor');
    expect(table).toContain('| traversal |');
    console.log(`${lines.join('\n')}\n${table}`);
  });
});
