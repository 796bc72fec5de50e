import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { IngestJobRecord } from '../../queue/ingest-job.ts';
import { IngestOutcome, UserError } from '../mutation/mutation.types.ts';
import { DateTimeScalar } from '../scalars/index.ts';

export enum IngestJobState {
  QUEUED = 'QUEUED',
  RETRY = 'RETRY',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(IngestJobState, {
  name: 'IngestJobState',
  description: 'Where a queued article is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    RETRY: { description: 'A delivery failed (see `error`); it will be delivered again after a backoff.' },
    ACTIVE: { description: 'A worker has it. A worker that dies holding it gives it back when the job expires.' },
    COMPLETED: { description: 'Ingested: see `outcome` and `article`.' },
    FAILED: { description: 'Every retry failed: the job is in the dead-letter list (`deadLetterJobs`) with its `error`.' },
    CANCELLED: { description: 'Cancelled by an operator; never ingested.' },
  },
});

@ObjectType({ description: 'An article queued by `enqueueArticles` or `npm run ingest -- --enqueue`, and what became of it.' })
export class IngestJob {
  @Field(() => ID, { description: 'The job ID (a UUID), for `ingestJob(id:)`.' })
  id!: string;

  @Field(() => IngestJobState, { description: 'Where the job is now.' })
  state!: IngestJobState;

  @Field(() => Int, { description: 'How many times a worker has taken the job (0 while it waits for the first).' })
  attempts!: number;

  @Field(() => Int, { description: 'Retries allowed after the first attempt before the job is dead-lettered.' })
  retryLimit!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed; null when none has.' })
  error!: string | null;

  @Field(() => IngestOutcome, { nullable: true, description: 'What the ingest did; null until COMPLETED.' })
  outcome!: IngestOutcome | null;

  @Field(() => String, { description: 'Where the article came from: file and line, or the enqueueing request and the article\'s place in its input.' })
  origin!: string;

  @Field(() => DateTimeScalar, { description: 'When the job was queued.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a worker last took it.' })
  startedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it completed or was dead-lettered.' })
  completedAt!: Date | null;

  // Resolved by IngestJobResolver.article from articleId.
  articleId!: number | null;
}

/** The record as the GraphQL object (its `article` is resolved from `articleId`). */
export const ingestJobOf = (r: IngestJobRecord): IngestJob => r as unknown as IngestJob;

@ObjectType({ description: 'Result of enqueueArticles.' })
export class EnqueueArticlesPayload {
  @Field(() => [IngestJob], { description: 'One job per input article, in input order; empty on user errors.' })
  jobs!: IngestJob[];

  @Field(() => [UserError], { description: 'Problems with the input; empty on success. Nothing is queued when there is one.' })
  userErrors!: UserError[];
}
