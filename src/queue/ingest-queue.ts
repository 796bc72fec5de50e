import PgBoss from 'pg-boss';
import pg from 'pg';
import type { RawArticle } from '../ingest/types.ts';
import { orderedJobId } from './job-id.ts';
import { JOB_COLUMNS, jobRecordOf, type IngestJobData, type IngestJobOutput, type IngestJobRecord, type JobRow } from './ingest-job.ts';

/** The queue's name in pg-boss, and the schema pg-boss keeps its tables in (beside the graph's). */
export const INGEST_QUEUE = 'ingest-article';
export const QUEUE_SCHEMA = 'pgboss';

export interface QueueSettings {
  retryLimit: number;
  retryDelaySeconds: number;
  expireSeconds: number;
}

export interface TakenJob {
  id: string;
  article: RawArticle;
}

/** The durable ingest queue: jobs live in the graph's PostgreSQL, so they survive any process. */
export interface IngestQueue {
  /** Adds one job per article; returns their ids in input order. */
  enqueue(articles: RawArticle[]): Promise<string[]>;
  /** Takes up to `n` waiting jobs for this worker (each delivered to one worker at a time). */
  take(n: number): Promise<TakenJob[]>;
  complete(id: string, output: IngestJobOutput): Promise<void>;
  /** Marks a delivery failed: retried with backoff while retries remain, then dead-lettered. */
  fail(id: string, message: string): Promise<void>;
  /** The jobs with these ids, in the same order (null for an id that names none). */
  jobs(ids: string[]): Promise<(IngestJobRecord | null)[]>;
  /** Jobs whose retries are spent, newest first. */
  deadLetters(limit: number): Promise<IngestJobRecord[]>;
  stop(): Promise<void>;
}

/** Advisory lock key of the queue's set-up (any bigint; distinct from the graph's write lock). */
const SETUP_LOCK = 0x71756575;

async function withSetupLock(databaseUrl: string, fn: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'newsgraph-queue-setup' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
    await fn();
  } finally {
    // Ending the session releases the lock, whatever happened in between.
    await client.end();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Opens the queue (creating pg-boss's schema on first use). `supervise` runs pg-boss's maintenance —
 * handing jobs held past `expireSeconds` (a worker that died) back to the queue; workers do it, API
 * servers only enqueue and read.
 */
export async function openIngestQueue(databaseUrl: string, settings: QueueSettings, options: { supervise: boolean; poolSize?: number }): Promise<IngestQueue> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    max: options.poolSize ?? 2,
    application_name: 'newsgraph-queue',
    supervise: options.supervise,
    schedule: false,
    // Often enough that a dead worker's jobs come back within about twice the expiry.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.ceil(settings.expireSeconds / 2))),
  });
  // pg-boss reports background failures (maintenance, a dropped connection) as events: without a
  // listener an EventEmitter 'error' would end the process.
  boss.on('error', () => {});
  const policy = { retryLimit: settings.retryLimit, retryDelay: settings.retryDelaySeconds, retryBackoff: true, expireInSeconds: settings.expireSeconds };
  // Replicas and workers starting together on a new database would create pg-boss's schema and the
  // queue's partition at once, and deadlock: one process at a time sets them up.
  await withSetupLock(databaseUrl, async () => {
    await boss.start();
    await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, ...policy });
    // A queue made by an earlier release or with other settings takes the current ones.
    await boss.updateQueue(INGEST_QUEUE, { name: INGEST_QUEUE, ...policy });
  });
  const db = (boss as unknown as { getDb(): PgBoss.Db }).getDb();
  // Finished jobs move to pg-boss's archive after a while: both tables are read.
  const select = async (where: string, params: unknown[], tail = '') =>
    (await db.executeSql(`SELECT * FROM (SELECT ${JOB_COLUMNS} FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND ${where}
      UNION ALL SELECT ${JOB_COLUMNS} FROM ${QUEUE_SCHEMA}.archive WHERE name = $1 AND ${where}) j ${tail}`, [INGEST_QUEUE, ...params])).rows as JobRow[];

  return {
    async enqueue(articles) {
      // Ids in input order, so the queue hands the articles out in the order they came.
      const jobs = articles.map((article) => ({ id: orderedJobId(), name: INGEST_QUEUE, data: { article } satisfies IngestJobData }));
      // One statement for the lot: pg-boss inserts them in a single INSERT … SELECT.
      if (jobs.length) await boss.insert(jobs);
      return jobs.map((j) => j.id);
    },
    async take(n) {
      const jobs = await boss.fetch<IngestJobData>(INGEST_QUEUE, { batchSize: n });
      return jobs.map((j) => ({ id: j.id, article: j.data.article }));
    },
    complete: (id, output) => boss.complete(INGEST_QUEUE, id, output as object),
    fail: (id, message) => boss.fail(INGEST_QUEUE, id, { error: message }),
    async jobs(ids) {
      const valid = ids.filter((id) => UUID.test(id));
      const rows = valid.length ? await select('id = ANY($2::uuid[])', [valid]) : [];
      const byId = new Map(rows.map((r) => [r.id, jobRecordOf(r)]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    },
    async deadLetters(limit) {
      const rows = await select(`state = 'failed'`, [limit], 'ORDER BY completed_on DESC, id LIMIT $2');
      return rows.map(jobRecordOf);
    },
    stop: () => boss.stop({ graceful: false, wait: true }),
  };
}
