import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { findOrganizationByName, listOrganizations } from '../../services/lists.ts';
import type { OrganizationRecord } from '../../services/records.ts';
import { ArticleConnection } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
import { MentionConnection } from '../evidence/mention.type.ts';
import { EntityListArgs, entityFilter } from '../filters.ts';
import { EventConnection } from '../event/event.type.ts';
import { ConnectionArgs, pageWindow, toConnection } from '../pagination/connection.ts';
import { relationConnection } from '../pagination/relation-connection.ts';
import { StatementConnection } from '../statement/statement.type.ts';
import { loadTimeline } from '../timeline/timeline.resolver.ts';
import { TimelineArgs, TimelineBucket } from '../timeline/timeline.type.ts';
import { Organization, OrganizationConnection } from './organization.type.ts';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: 'Organisations, most-mentioned first; filter by name, article or event, sort with `orderBy`.' })
  async organizations(@Args(() => EntityListArgs) args: EntityListArgs, @Ctx() ctx: GraphQLContext) {
    return toConnection(await listOrganizations(ctx.sql, pageWindow(args), entityFilter(args), args.orderBy, ctx.loaders.fieldsOf('Organization')));
  }

  @Query(() => Organization, { nullable: true, description: 'An organisation by name or alias, case-insensitive. Null when none matches.' })
  organization(@Arg('name', () => String, { description: 'Name or alias.' }) name: string, @Ctx() ctx: GraphQLContext) {
    return findOrganizationByName(ctx.sql, name);
  }

  @FieldResolver(() => ArticleConnection, { description: 'Articles mentioning this organisation, newest first.' })
  articles(@Root() o: OrganizationRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Organization', 'articles', o.rowId, args, info);
  }

  @FieldResolver(() => MentionConnection, { description: 'Where articles name this organisation: each mention with its article, offsets, the words as written, the sentence and a confidence; newest article first, then in text order.' })
  mentions(@Root() o: OrganizationRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Organization', 'mentions', o.rowId, args, info);
  }

  @FieldResolver(() => StatementConnection, { description: 'Statements made by or for this organisation (including by its unnamed officials).' })
  statements(@Root() o: OrganizationRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Organization', 'statements', o.rowId, args, info);
  }

  @FieldResolver(() => EventConnection, { description: 'Events this organisation took part in, latest first.' })
  events(@Root() o: OrganizationRecord, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return relationConnection(ctx, 'Organization', 'events', o.rowId, args, info);
  }

  @FieldResolver(() => [TimelineBucket], { description: "This organisation's statements, events and articles over time, one bucket per day, week, month or year that has any, earliest first." })
  timeline(@Root() o: OrganizationRecord, @Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: GraphQLContext) {
    return loadTimeline(ctx, 'organization', o.rowId, args);
  }
}
