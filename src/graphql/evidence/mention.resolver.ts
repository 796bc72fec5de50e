import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { mentionConfidenceOf, mentionSentence } from '../../services/evidence.ts';
import type { MentionRecord } from '../../services/records.ts';
import { Article } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
import { articleBody } from './article-body.ts';
import { Mention } from './mention.type.ts';
import { TextSpan } from './text-span.type.ts';

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => Article, { description: 'The article the mention is in.' })
  article(@Root() m: MentionRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.article.load(m.articleId);
  }

  @FieldResolver(() => String, { description: 'The name as the article writes it (Article.body between start and end), e.g. "Chairman Kim" for Kim Jong Un.' })
  async text(@Root() m: MentionRecord, @Ctx() ctx: GraphQLContext) {
    return (await articleBody(ctx, m.articleId)).slice(m.start, m.end);
  }

  @FieldResolver(() => TextSpan, { description: 'The sentence the name is written in, as extraction splits the article into sentences (a quotation of several sentences stays one).' })
  async sentence(@Root() m: MentionRecord, @Ctx() ctx: GraphQLContext) {
    const [body, sentences] = await Promise.all([articleBody(ctx, m.articleId), ctx.loaders.sentences.load(m.articleId)]);
    return mentionSentence(m, body, sentences);
  }

  @FieldResolver(() => Float, {
    description:
      'How likely the mention is right, 0..1: the share of such mentions the extractor gets exactly right (same words, same type), measured on the CoNLL++ dev set for its class: a person named in full or by one word; an organisation or place the curated gazetteer knows by these words, or one found by the recogniser alone. An estimate for the class, not a score of this one mention.',
  })
  async confidence(@Root() m: MentionRecord, @Ctx() ctx: GraphQLContext) {
    return m.confidence ?? mentionConfidenceOf(m, await articleBody(ctx, m.articleId));
  }
}
