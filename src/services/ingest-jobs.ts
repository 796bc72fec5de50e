import type { IngestJobRecord } from '../queue/ingest-job.ts';
import type { IngestQueue } from '../queue/ingest-queue.ts';
import { AppError } from './app-error.ts';
import { rawArticleOf, type ArticleInput } from './article-input.ts';

/** Articles one enqueueArticles call may carry (the request body limit applies too). */
export const MAX_ENQUEUE = 100;

function queueOf(queue: IngestQueue | null): IngestQueue {
  if (!queue) throw new AppError('INTERNAL_SERVER_ERROR', 'This server was started without the ingest queue');
  return queue;
}

/**
 * Queues articles for the workers, all or none: every input is checked as ingestArticle checks it
 * (the first problem is returned with its index in the input list) before any job is added.
 */
export async function enqueueArticleInputs(queue: IngestQueue | null, inputs: ArticleInput[], origin: string): Promise<IngestJobRecord[]> {
  if (inputs.length === 0) throw new AppError('BAD_USER_INPUT', 'Give at least one article', { field: ['input'] });
  if (inputs.length > MAX_ENQUEUE) throw new AppError('BAD_USER_INPUT', `At most ${MAX_ENQUEUE} articles per call (got ${inputs.length})`, { field: ['input'] });
  const raws = inputs.map((input, i) => rawArticleOf(input, `${origin} #${i + 1}`, ['input', i]));
  const q = queueOf(queue);
  const ids = await q.enqueue(raws);
  const jobs = await q.jobs(ids);
  // A worker may finish a job before this read; one archived meanwhile is still found.
  return jobs.map((job, i) => {
    if (!job) throw new AppError('INTERNAL_SERVER_ERROR', `Job ${ids[i]} was queued but cannot be found`);
    return job;
  });
}

export async function ingestJobById(queue: IngestQueue | null, id: string): Promise<IngestJobRecord | null> {
  return (await queueOf(queue).jobs([id]))[0];
}

export function deadLetterJobs(queue: IngestQueue | null, limit: number): Promise<IngestJobRecord[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new AppError('BAD_USER_INPUT', 'limit must be between 1 and 100', { field: ['limit'] });
  return queueOf(queue).deadLetters(limit);
}
