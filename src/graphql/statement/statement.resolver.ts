import { Args, ArgsType, Ctx, Field, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import { statementSpans } from '../../services/evidence.ts';
import { expectGlobalId } from '../../services/global-id.ts';
import { listStatements, type StatementFilter } from '../../services/lists.ts';
import type { StatementRecord } from '../../services/records.ts';
import { Article } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
import { rowIdOf } from '../filters.ts';
import { StatementOrder } from '../ordering.ts';
import { StatementKind } from '../enums.ts';
import { Event } from '../event/event.type.ts';
import { TextSpan } from '../evidence/text-span.type.ts';
import { ConnectionArgs, pageWindow, toConnection } from '../pagination/connection.ts';
import { articleBody } from '../evidence/article-body.ts';
import { DateScalar } from '../scalars/index.ts';
import { Speaker, Statement, StatementConnection } from './statement.type.ts';

@ArgsType()
class StatementsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only statements by this speaker (a Person or Organization ID).' })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only statements reported in this article.' })
  article?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only statements about this event.' })
  event?: string | null;

  @Field(() => StatementKind, { nullable: true, description: 'Only statements of this kind.' })
  kind?: StatementKind | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only statements in articles published on or after this date.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only statements in articles published on or before this date.' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only statements whose words name this person (who mentions whom).' })
  mentioning?: string | null;

  @Field(() => String, { nullable: true, description: "Only statements in articles whose source contains this text (case-insensitive)." })
  source?: string | null;

  @Field(() => Float, { nullable: true, description: 'Only statements with at least this extractor confidence (0..1).' })
  minConfidence?: number | null;

  @Field(() => StatementOrder, { nullable: true, description: 'Sort order; newest article first, then text order, by default.' })
  orderBy?: StatementOrder | null;
}

function toFilter(args: StatementsArgs): StatementFilter {
  const filter: StatementFilter = {
    kind: args.kind,
    from: args.from,
    to: args.to,
    source: args.source,
    minConfidence: args.minConfidence,
    mentionsPersonId: rowIdOf(args.mentioning, 'Person', 'mentioning'),
  };
  if (args.speaker) {
    const s = expectGlobalId(args.speaker, ['Person', 'Organization'], 'speaker');
    if (s.type === 'Person') filter.speakerPersonId = s.rowId;
    else filter.speakerOrganizationId = s.rowId;
  }
  if (args.article) filter.articleId = expectGlobalId(args.article, ['Article'], 'article').rowId;
  if (args.event) filter.eventId = expectGlobalId(args.event, ['Event'], 'event').rowId;
  return filter;
}

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => StatementConnection, { description: 'Statements, newest article first; filter by speaker, person mentioned, article, event, kind, source, confidence and date range, sort with `orderBy`.' })
  async statements(@Args(() => StatementsArgs) args: StatementsArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await listStatements(ctx.sql, pageWindow(args), toFilter(args), args.orderBy, ctx.loaders.fieldsOf('Statement')));
  }

  @FieldResolver(() => Speaker, { nullable: true, description: 'Who said it: a Person or an Organization. Null when the extractor could not attribute it.' })
  speaker(@Root() s: StatementRecord, @Ctx() ctx: GraphQLContext) {
    if (s.speakerPersonId != null) return ctx.loaders.person.load(s.speakerPersonId);
    if (s.speakerOrganizationId != null) return ctx.loaders.organization.load(s.speakerOrganizationId);
    return null;
  }

  @FieldResolver(() => [TextSpan], { description: 'The parts of the statement in reading order, each with the article text at its offsets: one part, or several when a quotation is interrupted by its attribution ("“We will,” he said, “go on.”"). `text` is the parts\' text joined by one space. Statements stored before parts were recorded have their outer span (startOffset to endOffset) as their one part.' })
  async spans(@Root() s: StatementRecord, @Ctx() ctx: GraphQLContext) {
    return statementSpans(s, await articleBody(ctx, s.articleId));
  }

  @FieldResolver(() => Article, { description: 'The article that reported the statement.' })
  article(@Root() s: StatementRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.article.load(s.articleId);
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The event the statement is about, when the text ties it to one.' })
  event(@Root() s: StatementRecord, @Ctx() ctx: GraphQLContext) {
    return s.eventId == null ? null : ctx.loaders.event.load(s.eventId);
  }
}
