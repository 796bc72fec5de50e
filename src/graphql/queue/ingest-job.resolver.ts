import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AppError } from '../../services/app-error.ts';
import { deadLetterJobs, enqueueArticleInputs, ingestJobById } from '../../services/ingest-jobs.ts';
import type { ArticleRecord } from '../../services/records.ts';
import { Article } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
import { IngestArticleInput, UserErrorCode } from '../mutation/mutation.types.ts';
import { EnqueueArticlesPayload, IngestJob, ingestJobOf } from './ingest-job.type.ts';

/** Jobs hold editors' input and errors: reading them needs an API key even where reads are public. */
function requireEditor(ctx: GraphQLContext): void {
  if (!ctx.viewer.authenticated) throw new AppError('UNAUTHENTICATED', 'Ingest jobs require an API key (Authorization: Bearer <key> or X-Api-Key)');
}

@Resolver(() => IngestJob)
export class IngestJobResolver {
  @Mutation(() => EnqueueArticlesPayload, { description: `Queues articles for the ingest workers (\`npm run worker\`) and returns at once with a job per article; follow them with \`ingestJob\`. Each article is checked as \`ingestArticle\` checks it; any problem returns user errors and queues nothing. At most 100 articles per call. Requires an API key.` })
  async enqueueArticles(@Arg('input', () => [IngestArticleInput], { description: 'The articles, as for ingestArticle.' }) input: IngestArticleInput[], @Ctx() ctx: GraphQLContext): Promise<EnqueueArticlesPayload> {
    try {
      const jobs = await enqueueArticleInputs(ctx.queue, input, `enqueueArticles request ${ctx.requestId}`);
      return { jobs: jobs.map(ingestJobOf), userErrors: [] };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'BAD_USER_INPUT') throw error;
      const field = Array.isArray(error.details.field) ? (error.details.field as string[]) : null;
      return { jobs: [], userErrors: [{ message: error.message, field, code: UserErrorCode.BAD_USER_INPUT }] };
    }
  }

  @Query(() => IngestJob, { nullable: true, description: 'A queued article by job ID: its state, attempts, last error and the article it produced; null for an unknown ID. Requires an API key.' })
  ingestJob(@Arg('id', () => ID, { description: 'A job ID from enqueueArticles.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<IngestJob | null> {
    requireEditor(ctx);
    return ingestJobById(ctx.queue, id).then((r) => (r ? ingestJobOf(r) : null));
  }

  @Query(() => [IngestJob], { description: 'The dead-letter list: jobs whose every retry failed, most recent first, each with its error. Requires an API key.' })
  deadLetterJobs(@Arg('limit', () => Int, { defaultValue: 20, description: 'How many (1–100).' }) limit: number, @Ctx() ctx: GraphQLContext): Promise<IngestJob[]> {
    requireEditor(ctx);
    return deadLetterJobs(ctx.queue, limit).then((rs) => rs.map(ingestJobOf));
  }

  @FieldResolver(() => Article, { nullable: true, description: 'The stored article (created, updated, or the identical one already stored); null until COMPLETED, or when it has been deleted since.' })
  async article(@Root() job: IngestJob, @Ctx() ctx: GraphQLContext): Promise<ArticleRecord | null> {
    if (job.articleId === null) return null;
    return ((await ctx.loaders.article.load(job.articleId)) as ArticleRecord | null) ?? null;
  }
}
