import type { ParsedArticle } from '../ingest/types.ts';
import type { ResolvedExtraction } from '../resolve/types.ts';

/**
 * One article for the store: parsed and resolved, with same-named nodes already merged by the resolve
 * stage (one entity per name, one event per key). Whether it repeats stored content is the store's to
 * decide (the one duplicate check, under row locks).
 */
export interface StoreArticle {
  parsed: ParsedArticle;
  resolved: ResolvedExtraction;
  origin: string | null;
}

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
  /** Events only: the stored start date (YYYY-MM-DD) after the upsert. */
  start_date?: string | null;
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
