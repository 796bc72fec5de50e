import type { Span } from '../../ingest/types.ts';

// The shapes the source step passes between its parts (source-context.ts, source-candidates.ts,
// source-features.ts) and to the ranker (source-ranker.ts).

export type CandidateKind = 'person' | 'org' | 'place' | 'pronoun' | 'description' | 'phrase' | 'rule';

export interface Candidate extends Span {
  kind: CandidateKind;
  features: number[];
}

/** What the ranker knows about the statement whose source it looks for. */
export interface SourceQuery {
  /** The cue (reported speech) or the quotation (direct speech): positions are measured from it. */
  anchor: Span;
  content: Span;
  /** 'DIRECT' (a quotation attributed by the rules) or the learned content's direction. */
  layout: 'DIRECT' | 'AFTER' | 'BEFORE' | 'AROUND';
  cue: string;
  sentence: number;
  /** The span the speaker rules chose, if any, and how: 1 a participle's clause, 2 a second predicate of the statement before, 3 the layout rules, 4 the nearest name before. */
  rule: Span | null;
  rulePath: number;
  /** Source spans of the statements before this one in the article, in reading order. */
  history: Span[];
}
