import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../context.ts';
import { bringsArticles } from '../loaders/relation-options.ts';
import { pageWindow, toConnection, type ConnectionArgs, type ConnectionValue } from './connection.ts';
import { relationOf, type RelationField, type RelationParent } from './relation-fields.ts';

/**
 * Resolves a nested connection field through the request's batched loader for its relation and page
 * shape. With `info`, a page of statements whose query reads their articles brings them along.
 */
export async function relationConnection<T, P extends RelationParent>(ctx: GraphQLContext, parent: P, field: RelationField<P>, parentId: number, args: ConnectionArgs, info?: GraphQLResolveInfo): Promise<ConnectionValue<T>> {
  const relation = relationOf(parent, field)!;
  const options = { articles: info ? bringsArticles(relation, info, info.fieldNodes) : false };
  const page = await ctx.loaders.relation<T>(relation, pageWindow(args), options).load(parentId);
  return toConnection(page);
}
