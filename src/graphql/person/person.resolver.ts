import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { findPersonByName, listPeople } from '../../services/lists.ts';
import { CO_MENTION_WINDOW } from '../../services/relations.ts';
import type { PersonRecord } from '../../services/records.ts';
import { ArticleConnection } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
import { MentionConnection } from '../evidence/mention.type.ts';
import { EntityListArgs, entityFilter } from '../filters.ts';
import { EventConnection } from '../event/event.type.ts';
import { ConnectionArgs, ConnectionType, pageWindow, toConnection, withWeights } from '../pagination/connection.ts';
import { loadTimeline } from '../timeline/timeline.resolver.ts';
import { TimelineArgs, TimelineBucket } from '../timeline/timeline.type.ts';
import { relationConnection } from '../pagination/relation-connection.ts';
import { StatementConnection } from '../statement/statement.type.ts';
import { Person, PersonConnection } from './person.type.ts';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People, most-mentioned first; filter by name, article or event, sort with `orderBy`.' })
  async people(@Args(() => EntityListArgs) args: EntityListArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await listPeople(ctx.sql, pageWindow(args), entityFilter(args), args.orderBy, ctx.loaders.fieldsOf('Person')));
  }

  @Query(() => Person, { nullable: true, description: 'A person by canonical name or alias, case-insensitive ("Chairman Kim" finds Kim Jong Un). Null when nobody matches.' })
  person(@Arg('name', () => String, { description: 'Canonical name or alias.' }) name: string, @Ctx() ctx: GraphQLContext) {
    return findPersonByName(ctx.sql, name);
  }

  @FieldResolver(() => ArticleConnection, { description: 'Articles mentioning this person, newest first.' })
  articles(@Root() p: PersonRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Person', 'articles', p.rowId, args, info);
  }

  @FieldResolver(() => MentionConnection, { description: 'Where articles name this person: each mention with its article, offsets, the words as written, the sentence and a confidence; newest article first, then in text order.' })
  mentions(@Root() p: PersonRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Person', 'mentions', p.rowId, args, info);
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements this person made, newest article first.' })
  statements(@Root() p: PersonRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Person', 'statements', p.rowId, args, info);
  }

  @FieldResolver(() => EventConnection, { description: 'Events this person took part in, latest first.' })
  events(@Root() p: PersonRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Person', 'events', p.rowId, args, info);
  }

  @FieldResolver(() => PersonCoMentionConnection, { description: `People mentioned in the same articles, most shared articles first; each edge carries the number of shared articles. Counted over the person's ${CO_MENTION_WINDOW} most recently stored articles (every article, for people in fewer).` })
  async coMentionedPeople(@Root() p: PersonRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return withWeights(await relationConnection(ctx, 'Person', 'coMentionedPeople', p.rowId, args, info));
  }

  @FieldResolver(() => PersonMentionConnection, { description: "Who this person talks about: people named in this person's statements, most often first; each edge carries the number of statements naming them." })
  async mentionedPeople(@Root() p: PersonRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return withWeights(await relationConnection(ctx, 'Person', 'mentionedPeople', p.rowId, args, info));
  }

  @FieldResolver(() => PersonMentionConnection, { description: "Who talks about this person: people whose statements name this person, most often first; each edge carries the number of such statements. `Query.statements(speaker:, mentioning:)` lists them." })
  async mentionedBy(@Root() p: PersonRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return withWeights(await relationConnection(ctx, 'Person', 'mentionedBy', p.rowId, args, info));
  }

  @FieldResolver(() => [TimelineBucket], { description: "This person's statements, events and articles over time, one bucket per day, week, month or year that has any, earliest first." })
  timeline(@Root() p: PersonRecord, @Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: GraphQLContext) {
    return loadTimeline(ctx, 'person', p.rowId, args);
  }
}

export const PersonCoMentionConnection = ConnectionType(Person, 'PersonCoMention', 'A page of co-mentioned people, strongest first.', 'Number of articles mentioning both people.');
export const PersonMentionConnection = ConnectionType(Person, 'PersonMention', 'A page of people linked by statements naming one another, strongest first.', 'Number of statements by the speaker that name the other person.');
