import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EventRecord, StatementRecord } from '../../services/records.ts';
import { fetchTimelines, TIMELINE_SAMPLE, type TimelineBucket as Bucket, type TimelineQuery, type TimelineSubject } from '../../services/timeline.ts';
import type { GraphQLContext } from '../context.ts';
import { Event } from '../event/event.type.ts';
import type { Loaders } from '../loaders/create-loaders.ts';
import { Statement } from '../statement/statement.type.ts';
import { TimelineBucket } from './timeline.type.ts';

// One timeline loader per request and (subject, interval, range): every person on a page shares one query.
const perRequest = new WeakMap<Loaders, Map<string, DataLoader<number, Bucket[]>>>();

export function loadTimeline(ctx: GraphQLContext, subject: TimelineSubject, id: number, q: TimelineQuery): Promise<Bucket[]> {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) perRequest.set(ctx.loaders, (loaders = new Map()));
  const key = `${subject}|${q.interval}|${q.from ?? ''}|${q.to ?? ''}`;
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DataLoader<number, Bucket[]>(async (ids) => {
      const byId = await fetchTimelines(ctx.sql, subject, ids, q);
      return ids.map((i) => byId.get(i) ?? []);
    });
    loaders.set(key, loader);
  }
  return loader.load(id);
}

@Resolver(() => TimelineBucket)
export class TimelineBucketResolver {
  @FieldResolver(() => [Statement], { description: `Up to ${TIMELINE_SAMPLE} of the period's statements, earliest first (statementCount has them all).` })
  async statements(@Root() b: Bucket, @Ctx() ctx: GraphQLContext) {
    const rows = await ctx.loaders.statement.loadMany(b.statementIds);
    return rows.filter((r): r is StatementRecord => !!r && !(r instanceof Error));
  }

  @FieldResolver(() => [Event], { description: `Up to ${TIMELINE_SAMPLE} of the period's events, earliest first (eventCount has them all).` })
  async events(@Root() b: Bucket, @Ctx() ctx: GraphQLContext) {
    const rows = await ctx.loaders.event.loadMany(b.eventIds);
    return rows.filter((r): r is EventRecord => !!r && !(r instanceof Error));
  }
}
