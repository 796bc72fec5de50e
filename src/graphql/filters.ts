import { ArgsType, Field, ID } from 'type-graphql';
import { expectGlobalId } from '../services/global-id.ts';
import type { EntityFilter } from '../services/lists.ts';
import type { TypeName } from '../services/records.ts';
import { EntityOrder } from './ordering.ts';
import { ConnectionArgs } from './pagination/connection.ts';

/** The row id behind an optional ID filter argument of the given type (null when absent). */
export function rowIdOf(id: string | null | undefined, type: TypeName, argName: string): number | null {
  return id == null ? null : expectGlobalId(id, [type], argName).rowId;
}

/** Filters and order shared by the people, organisations and places lists. */
@ArgsType()
export class EntityListArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only those whose name or an alias contains this text (case-insensitive).' })
  nameContains?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only those mentioned in this article.' })
  article?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only those taking part in (places: hosting) this event.' })
  event?: string | null;

  @Field(() => EntityOrder, { nullable: true, description: 'Sort order; most-mentioned first by default.' })
  orderBy?: EntityOrder | null;
}

export function entityFilter(args: EntityListArgs): EntityFilter {
  return { nameContains: args.nameContains, articleId: rowIdOf(args.article, 'Article', 'article'), eventId: rowIdOf(args.event, 'Event', 'event') };
}
