import type { GraphQLContext } from '../context.ts';

/** The body of an article, through the request's body loader (one query for a whole page); empty when it is gone. */
export async function articleBody(ctx: GraphQLContext, articleId: number): Promise<string> {
  return (await ctx.loaders.articleBody.load(articleId)) ?? '';
}
