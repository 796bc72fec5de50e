import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../services/app-error.ts';
import { fromGlobalId } from '../../services/global-id.ts';
import type { GraphQLContext } from '../context.ts';
import { loaderFor } from '../loaders/create-loaders.ts';
import { prefetchConnections } from '../loaders/prefetch.ts';
import { Node } from './node.interface.ts';

const MAX_NODES = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global ID. Null when it does not exist.' })
  node(@Arg('id', () => ID, { description: 'A global ID.' }) id: string, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    const { type, rowId } = fromGlobalId(id);
    const row = loaderFor(ctx.loaders, type).load(rowId);
    prefetchConnections(ctx, info, type, rowId);
    return row;
  }

  @Query(() => [Node], { nullable: 'items', description: 'Fetches objects by global IDs, in the same order; null for IDs that do not exist. At most 100.' })
  nodes(@Arg('ids', () => [ID], { description: 'Global IDs.' }) ids: string[], @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    if (ids.length > MAX_NODES) throw new AppError('BAD_USER_INPUT', `At most ${MAX_NODES} ids per nodes() call, got ${ids.length}`);
    return Promise.all(ids.map((id) => {
      const { type, rowId } = fromGlobalId(id);
      const row = loaderFor(ctx.loaders, type).load(rowId);
      prefetchConnections(ctx, info, type, rowId);
      return row;
    }));
  }
}
