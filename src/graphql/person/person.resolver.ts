import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { findPersonByName, listPeople } from '../../services/lists.ts';
import type { PersonRecord } from '../../services/records.ts';
import { ArticleConnection } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
import { EntityListArgs, entityFilter } from '../filters.ts';
import { EventConnection } from '../event/event.type.ts';
import { ConnectionArgs, pageWindow, toConnection } from '../pagination/connection.ts';
import { relationConnection } from '../pagination/relation-connection.ts';
import { StatementConnection } from '../statement/statement.type.ts';
import { Person, PersonConnection } from './person.type.ts';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People, most-mentioned first; filter by name, article or event, sort with `orderBy`.' })
  async people(@Args(() => EntityListArgs) args: EntityListArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await listPeople(ctx.sql, pageWindow(args), entityFilter(args), args.orderBy));
  }

  @Query(() => Person, { nullable: true, description: 'A person by canonical name or alias, case-insensitive ("Chairman Kim" finds Kim Jong Un). Null when nobody matches.' })
  person(@Arg('name', () => String, { description: 'Canonical name or alias.' }) name: string, @Ctx() ctx: GraphQLContext) {
    return findPersonByName(ctx.sql, name);
  }

  @FieldResolver(() => ArticleConnection, { description: 'Articles mentioning this person, newest first.' })
  articles(@Root() p: PersonRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return relationConnection(ctx, 'personArticles', p.rowId, args);
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements this person made, newest article first.' })
  statements(@Root() p: PersonRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return relationConnection(ctx, 'personStatements', p.rowId, args);
  }

  @FieldResolver(() => EventConnection, { description: 'Events this person took part in, latest first.' })
  events(@Root() p: PersonRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return relationConnection(ctx, 'personEvents', p.rowId, args);
  }

  @FieldResolver(() => PersonConnection, { description: 'People mentioned in the same articles, most shared articles first.' })
  coMentionedPeople(@Root() p: PersonRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext) {
    return relationConnection(ctx, 'personCoMentions', p.rowId, args);
  }
}
