import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../db/writer.ts';
import { ingestArticles, type IngestProgress } from '../pipeline/ingest-articles.ts';
import type { IngestJobOutput } from './ingest-job.ts';
import type { IngestQueue, TakenJob } from './ingest-queue.ts';

export interface WorkerOptions {
  /** Batches in flight at once: while one is written, the next is extracted. */
  concurrency: number;
  /** Jobs taken per batch (and stored per transaction). */
  batchSize: number;
  /** Wait between looks at an empty queue. */
  idleMs?: number;
  signal: AbortSignal;
  log: (event: string, fields: Record<string, unknown>) => void;
}

const OUTCOMES = { created: 'CREATED', updated: 'UPDATED', duplicate: 'UNCHANGED' } as const;

/** What the pipeline said about one job, as the queue records it. */
function outputOf(p: IngestProgress): IngestJobOutput {
  if (p.outcome === 'failed') return { error: p.error ?? 'the article could not be ingested' };
  if (p.articleId === undefined) return { error: 'the article was ingested but cannot be found' };
  return { outcome: OUTCOMES[p.outcome], articleId: p.articleId };
}

/**
 * Ingests one batch through the same pipeline as the CLI (parse → extract → resolve → store, one writer
 * at a time) and settles each job by its own outcome: a bad article fails alone. When the pipeline
 * itself fails (the database went away) every job of the batch fails and is retried later; one that was
 * stored before the failure comes back as a duplicate of itself, so nothing is written twice.
 */
export async function ingestBatch(db: Db, queue: IngestQueue, jobs: TakenJob[]): Promise<{ done: number; failed: number }> {
  const progress: IngestProgress[] = [];
  try {
    // Progress is reported in source order, one report per source: the k-th belongs to jobs[k].
    await ingestArticles(db, jobs.map((j) => ({ ok: true as const, article: j.article })), { batchSize: jobs.length, onProgress: (p) => progress.push(p) });
  } catch (error) {
    const message = (error as Error).message;
    await Promise.all(jobs.slice(progress.length).map((j) => queue.fail(j.id, message)));
  }
  let failed = 0;
  await Promise.all(
    progress.map((p, k) => {
      const output = outputOf(p);
      if ('error' in output) {
        failed++;
        return queue.fail(jobs[k].id, output.error);
      }
      return queue.complete(jobs[k].id, output);
    }),
  );
  return { done: progress.length - failed, failed: failed + jobs.length - progress.length };
}

/** Takes batches from the queue until `signal` aborts; `concurrency` loops share the process. */
export async function runWorker(db: Db, queue: IngestQueue, options: WorkerOptions): Promise<void> {
  const idleMs = options.idleMs ?? 1000;
  const loop = async (slot: number) => {
    while (!options.signal.aborted) {
      let jobs: TakenJob[];
      try {
        jobs = await queue.take(options.batchSize);
      } catch (error) {
        options.log('take-failed', { slot, error: (error as Error).message });
        await sleep(idleMs, undefined, { signal: options.signal }).catch(() => {});
        continue;
      }
      if (jobs.length === 0) {
        await sleep(idleMs, undefined, { signal: options.signal }).catch(() => {});
        continue;
      }
      options.log('batch-taken', { slot, jobs: jobs.map((j) => j.id) });
      const started = performance.now();
      try {
        const r = await ingestBatch(db, queue, jobs);
        options.log('batch-done', { slot, done: r.done, failed: r.failed, ms: Math.round(performance.now() - started) });
      } catch (error) {
        // The outcomes could not be recorded (the database went away): the jobs stay taken until they
        // expire and are delivered again, and what was stored comes back as duplicates of itself.
        options.log('batch-unsettled', { slot, jobs: jobs.length, error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, slot) => loop(slot)));
}
