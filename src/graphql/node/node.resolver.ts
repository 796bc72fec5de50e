import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { AppError } from '../../services/app-error.ts';
import { fromGlobalId } from '../../services/global-id.ts';
import type { TypeName } from '../../services/records.ts';
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
    prefetchConnections(ctx, info, type, [rowId]);
    return row;
  }

  @Query(() => [Node], { nullable: 'items', description: 'Fetches objects by global IDs, in the same order; null for IDs that do not exist. At most 100.' })
  nodes(@Arg('ids', () => [ID], { description: 'Global IDs.' }) ids: string[], @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    if (ids.length > MAX_NODES) throw new AppError('BAD_USER_INPUT', `At most ${MAX_NODES} ids per nodes() call, got ${ids.length}`);
    const decoded = ids.map((id) => fromGlobalId(id));
    const rows = decoded.map(({ type, rowId }) => loaderFor(ctx.loaders, type).load(rowId));
    // The look-ahead reads the selection once per type, for all the ids of that type.
    const byType = new Map<TypeName, number[]>();
    for (const { type, rowId } of decoded) byType.set(type, [...(byType.get(type) ?? []), rowId]);
    for (const [type, rowIds] of byType) prefetchConnections(ctx, info, type, rowIds);
    return Promise.all(rows);
  }
}
