import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { textSpan } from '../../services/evidence.ts';
import type { EventEvidenceRecord } from '../../services/records.ts';
import { Article } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
import { articleBody } from '../evidence/article-body.ts';
import { TextSpan } from '../evidence/text-span.type.ts';
import { EventEvidence } from './event-evidence.type.ts';

@Resolver(() => EventEvidence)
export class EventEvidenceResolver {
  @FieldResolver(() => Article, { description: 'The article giving this account.' })
  article(@Root() e: EventEvidenceRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.article.load(e.articleId);
  }

  @FieldResolver(() => TextSpan, { description: 'The trigger: the words that report the event ("met", "missile test", "was arrested").' })
  async trigger(@Root() e: EventEvidenceRecord, @Ctx() ctx: GraphQLContext) {
    return textSpan(await articleBody(ctx, e.articleId), e.triggerStart, e.triggerEnd);
  }

  @FieldResolver(() => TextSpan, { description: 'The sentence holding the trigger, as extraction split the article.' })
  async sentence(@Root() e: EventEvidenceRecord, @Ctx() ctx: GraphQLContext) {
    const body = await articleBody(ctx, e.articleId);
    return e.sentenceStart == null || e.sentenceEnd == null ? textSpan(body, e.triggerStart, e.triggerEnd) : textSpan(body, e.sentenceStart, e.sentenceEnd);
  }
}
