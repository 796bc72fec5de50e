import type { RawArticle } from '../ingest/types.ts';

/** What a queued job carries: the article as the synchronous paths would receive it. */
export interface IngestJobData {
  article: RawArticle;
}

/** What a finished job records (pg-boss's `output`). */
export type IngestJobOutput = { outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED'; articleId: number } | { error: string };

export type IngestJobState = 'QUEUED' | 'RETRY' | 'ACTIVE' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

/** One ingest job as editors see it. */
export interface IngestJobRecord {
  id: string;
  state: IngestJobState;
  /** Deliveries so far: a job taken, failed and taken again has 2. */
  attempts: number;
  /** Retries allowed after the first delivery. */
  retryLimit: number;
  /** The last failure's message (also kept while the job waits to be retried). */
  error: string | null;
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED' | null;
  articleId: number | null;
  /** Where the article came from (file and line, or the enqueueing request). */
  origin: string;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

const STATES: Record<string, IngestJobState> = { created: 'QUEUED', retry: 'RETRY', active: 'ACTIVE', completed: 'COMPLETED', failed: 'FAILED', cancelled: 'CANCELLED' };

/** A row of pg-boss's job (or archive) table, as selected by JOB_COLUMNS. */
export interface JobRow {
  id: string;
  state: string;
  retry_count: number;
  retry_limit: number;
  started_on: Date | null;
  created_on: Date;
  completed_on: Date | null;
  output: unknown;
  origin: string | null;
}

export const JOB_COLUMNS = `id, state, retry_count, retry_limit, started_on, created_on, completed_on, output, data->'article'->>'origin' AS origin`;

/** pg-boss keeps a thrown error as `{ message, ... }` (or `{ value: { message } }` for timeouts). */
function errorOf(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const o = output as Record<string, unknown>;
  if (typeof o.error === 'string') return o.error;
  if (typeof o.message === 'string') return o.message;
  if (o.value && typeof o.value === 'object') return errorOf(o.value);
  return null;
}

export function jobRecordOf(row: JobRow): IngestJobRecord {
  const state = STATES[row.state] ?? 'QUEUED';
  const output = (row.output ?? null) as Partial<{ outcome: IngestJobRecord['outcome']; articleId: number }> | null;
  const finished = state === 'COMPLETED';
  return {
    id: row.id,
    state,
    // retry_count counts deliveries after the first; a job never taken has had none.
    attempts: row.started_on ? row.retry_count + 1 : row.retry_count,
    retryLimit: row.retry_limit,
    error: finished ? null : errorOf(output),
    outcome: finished ? (output?.outcome ?? null) : null,
    articleId: finished ? (output?.articleId ?? null) : null,
    origin: row.origin ?? '',
    createdAt: row.created_on,
    startedAt: row.started_on,
    completedAt: row.completed_on,
  };
}
