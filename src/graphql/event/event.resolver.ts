import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { listEvents, type EventActorRef } from '../../services/lists.ts';
import type { EventRecord } from '../../services/records.ts';
import { ArticleConnection } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
import { rowIdOf } from '../filters.ts';
import { EventOrder } from '../ordering.ts';
import { EventKind, EventType } from '../enums.ts';
import { expectGlobalId } from '../../services/global-id.ts';
import { OrganizationConnection } from '../organization/organization.type.ts';
import { ConnectionArgs, pageWindow, toConnection } from '../pagination/connection.ts';
import { relationConnection } from '../pagination/relation-connection.ts';
import { PersonConnection } from '../person/person.type.ts';
import { Place } from '../place/place.type.ts';
import { DateScalar } from '../scalars/index.ts';
import { StatementConnection } from '../statement/statement.type.ts';
import { EventActorConnection } from './event-actor.type.ts';
import { EventEvidenceConnection } from './event-evidence.type.ts';
import { Event, EventConnection } from './event.type.ts';

@ArgsType()
class EventsArgs extends ConnectionArgs {
  @Field(() => EventKind, { nullable: true, description: 'Only events of this legacy kind.', deprecationReason: 'Use `type`: the kind calls most events OTHER.' })
  kind?: EventKind | null;

  @Field(() => [EventType], { nullable: true, description: 'Only events of one of these types (absent or empty: every type).' })
  type?: EventType[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only events that end on or after this date.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only events that start on or before this date.' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events this person took part in, in any role.' })
  person?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events this organisation took part in, in any role.' })
  organization?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events in which this person or organisation (its ID) acted: one of `sources`. Mutual events (`symmetric`) list their parties on either side, so ask for `targetActor` too, or use `person`/`organization`.' })
  sourceActor?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events in which this person or organisation (its ID) was acted on: one of `targets`.' })
  targetActor?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events held at this place.' })
  place?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events reported by this article.' })
  article?: string | null;

  @Field(() => EventOrder, { nullable: true, description: 'Sort order; latest first (undated last) by default.' })
  orderBy?: EventOrder | null;
}

/** A person or organisation given by ID as an actor filter (null when absent). */
function actorOf(id: string | null | undefined, argName: string): EventActorRef | null {
  if (id == null) return null;
  const { type, rowId } = expectGlobalId(id, ['Person', 'Organization'], argName);
  return { type: type as EventActorRef['type'], rowId };
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: 'Events, latest first (undated last); filter by type, date range, person or organisation (any role, or as source or target), place or article, sort with `orderBy`.' })
  async events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() ctx: GraphQLContext) {
    const filter = {
      kind: args.kind,
      types: args.type?.length ? [...new Set(args.type)].sort() : null,
      sourceActor: actorOf(args.sourceActor, 'sourceActor'),
      targetActor: actorOf(args.targetActor, 'targetActor'),
      from: args.from,
      to: args.to,
      personId: rowIdOf(args.person, 'Person', 'person'),
      organizationId: rowIdOf(args.organization, 'Organization', 'organization'),
      placeId: rowIdOf(args.place, 'Place', 'place'),
      articleId: rowIdOf(args.article, 'Article', 'article'),
    };
    return toConnection(await listEvents(ctx.sql, pageWindow(args), filter, args.orderBy, ctx.loaders.fieldsOf('Event')));
  }

  @FieldResolver(() => PersonConnection, { description: 'People taking part in the event.' })
  participants(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Event', 'participants', e.rowId, args, info);
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Organisations and governments taking part in the event.' })
  organizations(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Event', 'organizations', e.rowId, args, info);
  }

  @FieldResolver(() => EventActorConnection, { description: 'Who acted (PLOVER\'s source actors): every person, organisation or group any article reporting the event gives that side, by name.' })
  sources(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Event', 'sources', e.rowId, args, info);
  }

  @FieldResolver(() => EventActorConnection, { description: 'Who was acted on (target actors), by name; empty for one-sided events (an election, a company\'s results).' })
  targets(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Event', 'targets', e.rowId, args, info);
  }

  @FieldResolver(() => EventEvidenceConnection, { description: 'Each article\'s accounts of the event with the words that report it (trigger and sentence), newest article first. Accounts stored before evidence was kept are not listed.' })
  evidence(@Root() e: EventRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Event', 'evidence', e.rowId, args, info);
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
