import type { ParsedArticle } from '../ingest/types.ts';
import type { ResolvedExtraction } from '../resolve/types.ts';

/**
 * One article for the store: parsed and resolved, with same-named nodes already merged by the resolve
 * stage (one entity per name, one event per key). `resolved` is null for an article the pipeline found
 * to repeat stored content (or an earlier article of the batch): the store only records it.
 */
export interface StoreArticle {
  parsed: ParsedArticle;
  resolved: ResolvedExtraction | null;
  origin: string | null;
}

/** An article the store writes: never a duplicate, so it was resolved. */
export type WrittenArticle = StoreArticle & { resolved: ResolvedExtraction };

/** `duplicate`: the same content is stored; `updated`: a correction of a stored story (same natural key). */
export type StoreOutcome = 'created' | 'updated' | 'duplicate';

export interface StoreCounts {
  people: { created: number; updated: number };
  organizations: { created: number; updated: number };
  places: { created: number; updated: number };
  events: { created: number; updated: number };
  statements: number;
}

export interface StoreResult {
  outcome: StoreOutcome;
  articleId: number;
  counts: StoreCounts;
}

/** A row returned by an upsert: `inserted` tells a new node from one that was there. */
export interface Upserted {
  id: number;
  name: string;
  inserted: boolean;
}

export function emptyCounts(): StoreCounts {
  return {
    people: { created: 0, updated: 0 },
    organizations: { created: 0, updated: 0 },
    places: { created: 0, updated: 0 },
    events: { created: 0, updated: 0 },
    statements: 0,
  };
}
