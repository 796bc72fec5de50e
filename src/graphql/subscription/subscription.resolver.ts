import { Arg, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import type { FeedKind, FeedItems } from '../../feed/live-feed.ts';
import { AppError } from '../../services/app-error.ts';
import { articleMatcher, eventMatcher, statementMatcher } from '../../feed/feed-filters.ts';
import type { ArticleRecord, EventRecord, StatementRecord } from '../../services/records.ts';
import { Article } from '../article/article.type.ts';
import type { GraphQLContext } from '../context.ts';
import { Event } from '../event/event.type.ts';
import { createLoaders } from '../loaders/create-loaders.ts';
import { Statement } from '../statement/statement.type.ts';
import { ArticleAddedFilter, EventUpdatedFilter, StatementAddedFilter } from './feed-filters.type.ts';

type SubscribeData = { args: Record<string, unknown>; context: GraphQLContext };

/** The feed of the connection's process; subscriptions exist only over WebSocket (graphql-ws). */
function feedStream<K extends FeedKind>(kind: K, matches: (item: FeedItems[K]) => boolean, { context }: SubscribeData) {
  const live = context.live;
  if (!live) throw new AppError('BAD_REQUEST', 'Subscriptions are served over WebSocket (graphql-ws protocol) at /graphql');
  return live.feed.subscribe(kind, matches, live.dropSlow);
}

/**
 * A subscription's context lives as long as the subscription: each event gets fresh loaders, so what
 * one event loaded is neither served stale to the next nor kept.
 */
function deliver<T>(node: T, ctx: GraphQLContext): T {
  ctx.loaders = createLoaders(ctx.sql);
  return node;
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => Statement, {
    description: 'Statements as they are stored (by any writer, delivered on every replica), filtered; each is the full node, so select anything on it.',
    subscribe: (data: SubscribeData) => feedStream('statement', statementMatcher((data.args.filter as StatementAddedFilter | undefined) ?? {}), data),
  })
  statementAdded(@Root() node: StatementRecord, @Arg('filter', () => StatementAddedFilter, { nullable: true, description: 'Which statements (all when omitted).' }) _filter: StatementAddedFilter | null, @Ctx() ctx: GraphQLContext): StatementRecord {
    return deliver(node, ctx);
  }

  @Subscription(() => Article, {
    description: 'Articles as they are stored or corrected, filtered.',
    subscribe: (data: SubscribeData) => feedStream('article', articleMatcher((data.args.filter as ArticleAddedFilter | undefined) ?? {}), data),
  })
  articleAdded(@Root() node: ArticleRecord, @Arg('filter', () => ArticleAddedFilter, { nullable: true, description: 'Which articles (all when omitted).' }) _filter: ArticleAddedFilter | null, @Ctx() ctx: GraphQLContext): ArticleRecord {
    return deliver(node, ctx);
  }

  @Subscription(() => Event, {
    description: 'Events when a stored article first reports them or reports them again, filtered.',
    subscribe: (data: SubscribeData) => feedStream('event', eventMatcher((data.args.filter as EventUpdatedFilter | undefined) ?? {}), data),
  })
  eventUpdated(@Root() node: EventRecord, @Arg('filter', () => EventUpdatedFilter, { nullable: true, description: 'Which events (all when omitted).' }) _filter: EventUpdatedFilter | null, @Ctx() ctx: GraphQLContext): EventRecord {
    return deliver(node, ctx);
  }
}
