import type { RelationName } from '../../services/relations.ts';
import type { GraphQLContext } from '../context.ts';
import { pageWindow, toConnection, type ConnectionArgs, type ConnectionValue } from './connection.ts';

/** Resolves a nested connection through the request's batched loader for that relation and page shape. */
export async function relationConnection<T>(ctx: GraphQLContext, name: RelationName, parentId: number, args: ConnectionArgs): Promise<ConnectionValue<T>> {
  const page = await ctx.loaders.relation<T>(name, pageWindow(args)).load(parentId);
  return toConnection(page);
}
