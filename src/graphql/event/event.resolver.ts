import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { listEvents } from '../../services/lists.ts';
import type { EventRecord } from '../../services/records.ts';
import { ArticleConnection } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
import { rowIdOf } from '../filters.ts';
import { EventOrder } from '../ordering.ts';
import { EventKind } from '../enums.ts';
import { OrganizationConnection } from '../organization/organization.type.ts';
import { ConnectionArgs, pageWindow, toConnection } from '../pagination/connection.ts';
import { relationConnection } from '../pagination/relation-connection.ts';
import { PersonConnection } from '../person/person.type.ts';
import { Place } from '../place/place.type.ts';
import { DateScalar } from '../scalars/index.ts';
import { StatementConnection } from '../statement/statement.type.ts';
import { Event, EventConnection } from './event.type.ts';

@ArgsType()
class EventsArgs extends ConnectionArgs {
  @Field(() => EventKind, { nullable: true, description: 'Only events of this kind.' })
  kind?: EventKind | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only events that end on or after this date.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only events that start on or before this date.' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events this person took part in.' })
  person?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events this organisation took part in.' })
  organization?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events held at this place.' })
  place?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events reported by this article.' })
  article?: string | null;

  @Field(() => EventOrder, { nullable: true, description: 'Sort order; latest first (undated last) by default.' })
  orderBy?: EventOrder | null;
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: 'Events, latest first (undated last); filter by kind, date range, person, organisation, place or article, sort with `orderBy`.' })
  async events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() ctx: GraphQLContext) {
    const filter = {
      kind: args.kind,
      from: args.from,
      to: args.to,
      personId: rowIdOf(args.person, 'Person', 'person'),
      organizationId: rowIdOf(args.organization, 'Organization', 'organization'),
      placeId: rowIdOf(args.place, 'Place', 'place'),
      articleId: rowIdOf(args.article, 'Article', 'article'),
    };
    return toConnection(await listEvents(ctx.sql, pageWindow(args), filter, args.orderBy));
  }

  @FieldResolver(() => PersonConnection, { description: 'People taking part in the event.' })
  participants(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Event', 'participants', e.rowId, args, info);
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Organisations and governments taking part in the event.' })
  organizations(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Event', 'organizations', e.rowId, args, info);
  }

  @FieldResolver(() => ArticleConnection, { description: 'Articles reporting the event, newest first.' })
  articles(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Event', 'articles', e.rowId, args, info);
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements about the event.' })
  statements(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Event', 'statements', e.rowId, args, info);
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where the event happens, when the text says.' })
  place(@Root() e: EventRecord, @Ctx() ctx: GraphQLContext) {
    return e.placeId == null ? null : ctx.loaders.place.load(e.placeId);
  }
}
