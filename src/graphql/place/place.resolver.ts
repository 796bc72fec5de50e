import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { listPlaces } from '../../services/lists.ts';
import type { PlaceRecord } from '../../services/records.ts';
import { ArticleConnection } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
import { MentionConnection } from '../evidence/mention.type.ts';
import { EntityListArgs, entityFilter } from '../filters.ts';
import { EventConnection } from '../event/event.type.ts';
import { ConnectionArgs, pageWindow, toConnection } from '../pagination/connection.ts';
import { relationConnection } from '../pagination/relation-connection.ts';
import { Place, PlaceConnection } from './place.type.ts';

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => PlaceConnection, { description: 'Places, most-mentioned first; filter by name, article or event, sort with `orderBy`.' })
  async places(@Args(() => EntityListArgs) args: EntityListArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await listPlaces(ctx.sql, pageWindow(args), entityFilter(args), args.orderBy, ctx.loaders.fieldsOf('Place')));
  }

  @FieldResolver(() => ArticleConnection, { description: 'Articles mentioning this place, newest first.' })
  articles(@Root() p: PlaceRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Place', 'articles', p.rowId, args, info);
  }

  @FieldResolver(() => MentionConnection, { description: 'Where articles name this place: each mention with its article, offsets, the words as written, the sentence and a confidence; newest article first, then in text order.' })
  mentions(@Root() p: PlaceRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Place', 'mentions', p.rowId, args, info);
  }

  @FieldResolver(() => EventConnection, { description: 'Events that happen here, latest first.' })
  events(@Root() p: PlaceRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Place', 'events', p.rowId, args, info);
  }
}
