import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../context.ts';
import { bringsArticles } from '../loaders/relation-options.ts';
import { selectsTotalCount } from '../loaders/selection.ts';
import { pageWindow, toConnection, type ConnectionArgs, type ConnectionValue } from './connection.ts';
import { relationOf, type RelationField, type RelationParent } from './relation-fields.ts';

/**
 * Resolves a nested connection field through the request's batched loader for its relation and page
 * shape. With `info`, a page of statements whose query reads their articles brings them along, and
 * a selected totalCount is counted alongside.
 */
export async function relationConnection<T, P extends RelationParent>(ctx: GraphQLContext, parent: P, field: RelationField<P>, parentId: number, args: ConnectionArgs, info?: GraphQLResolveInfo): Promise<ConnectionValue<T>> {
  const relation = relationOf(parent, field)!;
  const options = { articles: info ? bringsArticles(relation, info, info.fieldNodes) : false };
  const loading = ctx.loaders.relation<T>(relation, pageWindow(args), options).load(parentId);
  // A selected totalCount is counted in the same round trip as the page (the loaders merge what one turn asks).
  if (info && selectsTotalCount(info, info.fieldNodes)) ctx.loaders.relationCount(relation).load(parentId).catch(() => {});
  const page = await loading;
  return toConnection(page);
}
