export interface IngestSummary {
  articles: { created: number; updated: number; duplicates: number; failed: number };
  people: { created: number; updated: number };
  organizations: { created: number; updated: number };
  places: { created: number; updated: number };
  events: { created: number; updated: number };
  statements: number;
  errors: { origin: string; message: string }[];
}

export interface IngestProgress {
  origin: string;
  outcome: 'created' | 'updated' | 'duplicate' | 'failed';
  done: number;
  /** The stored article (created, updated, or the one a duplicate repeats), when known. */
  articleId?: number;
  /** Why a failed article failed. */
  error?: string;
}

export function emptySummary(): IngestSummary {
  return {
    articles: { created: 0, updated: 0, duplicates: 0, failed: 0 },
    people: { created: 0, updated: 0 },
    organizations: { created: 0, updated: 0 },
    places: { created: 0, updated: 0 },
    events: { created: 0, updated: 0 },
    statements: 0,
    errors: [],
  };
}

/**
 * Where the time of an ingest went, in milliseconds. Parse and extract are summed over the threads
 * that ran them (with workers they overlap each other and the ordered stages); resolve and persist
 * (the store's transactions) run in order on the calling thread.
 */
export interface IngestStats {
  parseMs: number;
  extractMs: number;
  resolveMs: number;
  persistMs: number;
  /** Wall-clock time of the whole call. */
  wallMs: number;
  /** Database transactions committed or attempted. */
  transactions: number;
  /** Batches that could not be stored whole and were retried one article at a time. */
  fallbacks: number;
  workers: number;
  batchSize: number;
}

export function emptyStats(): IngestStats {
  return { parseMs: 0, extractMs: 0, resolveMs: 0, persistMs: 0, wallMs: 0, transactions: 0, fallbacks: 0, workers: 0, batchSize: 1 };
}
