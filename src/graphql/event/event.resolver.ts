import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { listEvents } from '../../services/lists.ts';
import type { EventRecord } from '../../services/records.ts';
import { ArticleConnection } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
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
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: 'Events, latest first (undated last).' })
  async events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await listEvents(ctx.sql, pageWindow(args), args));
  }

  @FieldResolver(() => PersonConnection, { description: 'People taking part in the event.' })
  participants(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return relationConnection(ctx, 'eventParticipants', e.rowId, args);
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Organisations and governments taking part in the event.' })
  organizations(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return relationConnection(ctx, 'eventOrganizations', e.rowId, args);
  }

  @FieldResolver(() => ArticleConnection, { description: 'Articles reporting the event, newest first.' })
  articles(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return relationConnection(ctx, 'eventArticles', e.rowId, args);
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements about the event.' })
  statements(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return relationConnection(ctx, 'eventStatements', e.rowId, args);
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where the event happens, when the text says.' })
  place(@Root() e: EventRecord, @Ctx() ctx: GraphQLContext) {
    return e.placeId == null ? null : ctx.loaders.place.load(e.placeId);
  }
}
