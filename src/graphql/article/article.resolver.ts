import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { listArticles } from '../../services/lists.ts';
import type { ArticleRecord } from '../../services/records.ts';
import type { GraphQLContext } from '../context.ts';
import { articleBody } from '../evidence/article-body.ts';
import { rowIdOf } from '../filters.ts';
import { ArticleOrder } from '../ordering.ts';
import { EventConnection } from '../event/event.type.ts';
import { OrganizationConnection } from '../organization/organization.type.ts';
import { ConnectionArgs, pageWindow, toConnection } from '../pagination/connection.ts';
import { relationConnection } from '../pagination/relation-connection.ts';
import { PersonConnection } from '../person/person.type.ts';
import { PlaceConnection } from '../place/place.type.ts';
import { DateScalar } from '../scalars/index.ts';
import { StatementConnection } from '../statement/statement.type.ts';
import { Article, ArticleConnection } from './article.type.ts';

@ArgsType()
class ArticlesArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only articles whose source contains this text (case-insensitive).' })
  source?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only articles published on or after this date.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only articles published on or before this date.' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles mentioning this person.' })
  person?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles mentioning this organisation.' })
  organization?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles mentioning this place.' })
  place?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only articles reporting this event.' })
  event?: string | null;

  @Field(() => ArticleOrder, { nullable: true, description: 'Sort order; newest first (undated last) by default.' })
  orderBy?: ArticleOrder | null;
}

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => ArticleConnection, { description: 'Articles, newest first (undated last); filter by date range, source, person, organisation, place or event, sort with `orderBy`.' })
  async articles(@Args(() => ArticlesArgs) args: ArticlesArgs, @Ctx() ctx: GraphQLContext) {
    const filter = {
      source: args.source,
      from: args.from,
      to: args.to,
      personId: rowIdOf(args.person, 'Person', 'person'),
      organizationId: rowIdOf(args.organization, 'Organization', 'organization'),
      placeId: rowIdOf(args.place, 'Place', 'place'),
      eventId: rowIdOf(args.event, 'Event', 'event'),
    };
    return toConnection(await listArticles(ctx.sql, pageWindow(args), filter, args.orderBy, ctx.loaders.fieldsOf('Article')));
  }

  // The rows leave the text out (see ArticleRecord.body): it is read by id, for the whole page at once.
  @FieldResolver()
  body(@Root() a: ArticleRecord, @Ctx() ctx: GraphQLContext): string | Promise<string> {
    return a.body ?? articleBody(ctx, a.rowId);
  }

  @FieldResolver(() => PersonConnection, { description: 'People mentioned in the article, most-mentioned first.' })
  people(@Root() a: ArticleRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Article', 'people', a.rowId, args, info);
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Organisations mentioned in the article, most-mentioned first.' })
  organizations(@Root() a: ArticleRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Article', 'organizations', a.rowId, args, info);
  }

  @FieldResolver(() => PlaceConnection, { description: 'Places mentioned in the article, most-mentioned first.' })
  places(@Root() a: ArticleRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Article', 'places', a.rowId, args, info);
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements reported in the article, in text order.' })
  statements(@Root() a: ArticleRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Article', 'statements', a.rowId, args, info);
  }

  @FieldResolver(() => EventConnection, { description: 'Events the article reports, earliest first.' })
  events(@Root() a: ArticleRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Article', 'events', a.rowId, args, info);
  }
}
