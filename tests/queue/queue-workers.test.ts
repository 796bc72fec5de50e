import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { corpusDir } from '../../src/config.ts';
import { GRAPH_WRITE_LOCK } from '../../src/db/graph-write-lock.ts';
import type { RawArticle } from '../../src/ingest/types.ts';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { jsonlRecordToRaw, readSources } from '../../src/pipeline/read-sources.ts';
import { openIngestQueue, QUEUE_SCHEMA, type IngestQueue } from '../../src/queue/ingest-queue.ts';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { canonicalDump } from '../helpers/canonical-dump.ts';
import { exited, killGroup, spawnTracked } from '../helpers/child-process.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { listen } from '../helpers/graphql.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait.ts';

/**
 * Two worker processes ingest 500 corpus articles, half enqueued by the CLI and half by the
 * enqueueArticles mutation, while one worker is SIGKILLed holding a batch and a new one takes its
 * place. Every article must be stored once, the graph must equal a single-process ingest of the
 * same articles, and the one malformed article must end in the dead-letter list with its error.
 */
const KEY = 'queue-test-key-0123456789';
const ROOT = path.resolve(import.meta.dirname, '../..');
// Short enough that the killed worker's batch comes back within the test, long enough that a batch
// on a busy machine is never taken from a live worker.
const WORKER_ENV = { NEWSGRAPH_QUEUE_EXPIRE_SECONDS: '60', NEWSGRAPH_QUEUE_RETRY_DELAY_SECONDS: '1', NEWSGRAPH_QUEUE_RETRY_LIMIT: '3', LOG_LEVEL: 'info', INGEST_SEEDS: 'false' };

function corpusLines(file: string, n: number, from: number, keep: (r: Record<string, unknown>) => boolean): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && keep(JSON.parse(l))).slice(from, from + n);
}

/** A worker process whose log lines are kept, so the test can wait on what it reports. */
function startWorker(url: string, batch = 10): { child: ChildProcess; log: string[] } {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts', '--batch', String(batch), '--concurrency', '1'], { cwd: ROOT, env: { ...process.env, ...WORKER_ENV, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  let partial = '';
  const take = (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    log.push(...lines);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  return { child, log };
}

/** The metadata an enqueueArticles input carries for a corpus record (no corpus id; dates as days). */
const asMutationMeta = (r: RawArticle) => ({ title: r.meta?.title, source: r.meta?.source, url: r.meta?.url, publishedAt: r.meta?.publishedAt?.slice(0, 10), dateline: r.meta?.dateline });

const events = (log: string[], msg: string) => log.flatMap((l) => (l.startsWith('{') ? [JSON.parse(l) as Record<string, unknown>] : [])).filter((e) => e.msg === msg);

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl'], 'ingest queue with two workers', () => {
  let queued: TestDatabase;
  let reference: TestDatabase;
  let server: NewsgraphServer | undefined;
  let queue: IngestQueue | undefined;
  const workers: ChildProcess[] = [];
  let dir: string;

  beforeAll(async () => {
    [queued, reference] = await Promise.all([createTestDatabase('queue'), createTestDatabase('queue_ref')]);
    dir = makeTempDir('queue').dir;
  });

  afterAll(async () => {
    for (const w of workers) killGroup(w);
    await server?.stop();
    await queue?.stop();
    await Promise.all([queued?.drop(), reference?.drop()]);
  });

  it('stores every article once, survives a killed worker and dead-letters the malformed one', async () => {
    const corpus = corpusDir()!;
    const bbc = path.join(corpus, 'bbc.jsonl');
    const reuters = path.join(corpus, 'reuters21578.jsonl');
    const hasBody = (r: Record<string, unknown>) => typeof r.body === 'string' && r.body.trim() !== '';
    // 250 for the CLI (BBC and Reuters interleaved) plus one whose title is longer than any title may be.
    const cliLines = [...corpusLines(bbc, 150, 0, () => true), ...corpusLines(reuters, 100, 0, hasBody)];
    const malformed = JSON.stringify({ id: 'malformed-1', title: 'T'.repeat(5000), body: 'A body that is fine.\n\nA second paragraph.' });
    const cliFile = path.join(dir, 'cli.jsonl');
    fs.writeFileSync(cliFile, [...cliLines, malformed].join('\n') + '\n');
    // 250 more through the mutation, in five calls of 50.
    const mutationRaws: RawArticle[] = [...corpusLines(bbc, 150, 150, () => true), ...corpusLines(reuters, 100, 100, hasBody)].map((l, i) => jsonlRecordToRaw(JSON.parse(l), `m:${i}`));

    const cli = spawnTracked(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', '--enqueue', cliFile], { cwd: ROOT, env: { ...process.env, ...WORKER_ENV, DATABASE_URL: queued.url }, stdio: 'ignore' });
    expect((await exited(cli)).code).toBe(0);

    queue = await openIngestQueue(queued.url, { retryLimit: 3, retryDelaySeconds: 1, expireSeconds: 60 }, { supervise: false });
    server = await createServer({ sql: queued.sql, db: queued.writer, queue, apiKeyHashes: parseApiKeys(KEY) });
    const base = await listen(server);
    const gql = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as { data?: any; errors?: unknown[] };
    };
    const jobIds: string[] = [];
    for (let i = 0; i < mutationRaws.length; i += 50) {
      const input = mutationRaws.slice(i, i + 50).map((r) => ({ text: r.raw, ...asMutationMeta(r) }));
      const r = await gql(`mutation($input: [IngestArticleInput!]!) { enqueueArticles(input: $input) { jobs { id state } userErrors { message field } } }`, { input });
      expect(r.errors).toBeUndefined();
      expect(r.data.enqueueArticles.userErrors).toEqual([]);
      expect(r.data.enqueueArticles.jobs.every((j: { state: string }) => j.state === 'QUEUED')).toBe(true);
      jobIds.push(...r.data.enqueueArticles.jobs.map((j: { id: string }) => j.id));
    }
    expect(jobIds).toHaveLength(250);

    // Two workers; the first is killed while it holds a batch, and replaced. The test holds the graph's
    // write lock until then, so no worker can store (and settle) anything before the kill: without it
    // a quiet machine stores a batch in well under the time the test takes to notice it was taken.
    const lock = new pg.Client({ connectionString: queued.url });
    await lock.connect();
    let a: ReturnType<typeof startWorker>;
    let b: ReturnType<typeof startWorker>;
    let taken: Record<string, unknown>;
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [GRAPH_WRITE_LOCK]);
      a = startWorker(queued.url);
      b = startWorker(queued.url);
      workers.push(a.child, b.child);
      taken = await waitFor(() => events(a.log, 'batch-taken')[0], 'worker A taking a batch', { timeoutMs: 180_000, detail: () => a.log.join('\n') });
      killGroup(a.child);
      await exited(a.child);
    } finally {
      await lock.end();
    }
    const c = startWorker(queued.url);
    workers.push(c.child);

    const pending = async () => Number((await queued.sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${QUEUE_SCHEMA}.job WHERE state IN ('created', 'retry', 'active')`))[0].n);
    await waitFor(async () => (await pending()) === 0, 'the queue to drain', { timeoutMs: 600_000, intervalMs: 500, detail: () => [...b.log, ...c.log].slice(-20).join('\n') });

    const states = await queued.sql.query<{ state: string; n: string }>(`SELECT state, count(*) AS n FROM ${QUEUE_SCHEMA}.job GROUP BY state ORDER BY state`);
    expect(Object.fromEntries(states.map((s) => [s.state, Number(s.n)]))).toEqual({ completed: 500, failed: 1 });
    const dead = await gql(`{ deadLetterJobs { id state attempts error origin article { id } } }`);
    expect(dead.data.deadLetterJobs).toHaveLength(1);
    // The killed worker's batch was delivered again and finished by the others (the malformed article
    // failing, should that batch have held it).
    const retaken = (await queue.jobs(taken.jobs as string[])).map((j) => j!);
    expect(events(a.log, 'batch-done')).toEqual([]);
    const deadId = dead.data.deadLetterJobs[0].id;
    expect(retaken.map((j) => ({ id: j.id, state: j.state, again: j.attempts >= 2 }))).toEqual(retaken.map((j) => ({ id: j.id, state: j.id === deadId ? 'FAILED' : 'COMPLETED', again: true })));

    expect(dead.data.deadLetterJobs[0]).toMatchObject({ state: 'FAILED', attempts: 4, article: null });
    expect(dead.data.deadLetterJobs[0].error).toMatch(/title/i);
    const one = await gql(`query($id: ID!) { ingestJob(id: $id) { state outcome attempts error article { title } } }`, { id: jobIds[0] });
    expect(one.data.ingestJob).toMatchObject({ state: 'COMPLETED', error: null });
    expect(['CREATED', 'UNCHANGED']).toContain(one.data.ingestJob.outcome);
    expect(one.data.ingestJob.article.title).toBe(mutationRaws[0].meta?.title);

    // The same articles, in their original order, through one process: the file as the CLI reads it,
    // then the mutation's articles with the metadata the mutation carries.
    const sources = [];
    for await (const item of readSources([cliFile])) sources.push(item);
    for (const r of mutationRaws) sources.push({ ok: true as const, article: { ...r, meta: asMutationMeta(r) } });
    await ingestArticles(reference.writer, sources, { batchSize: 50 });
    expect(await canonicalDump(queued.sql, { origins: false })).toEqual(await canonicalDump(reference.sql, { origins: false }));
  }, 900_000);
});
