import type { Span } from '../../ingest/types.ts';
import type { EntityDraft, OrgDraft } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import type { StatementKind } from '../types.ts';

/** A statement as the extract stage builds it, before entities get their article keys. */
export interface StatementDraft extends Span {
  text: string;
  kind: StatementKind;
  cue: string | null;
  speaker: { type: 'person'; entity: EntityDraft } | { type: 'organization'; entity: OrgDraft } | null;
  speakerText: string | null;
  speakerSpan: Span | null;
  confidence: number;
  sentence: Sentence;
}


/** A span without the spaces and punctuation at its edges (a full stop is kept out at the end only). */
export function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,.;:—–-]/.test(text[end - 1])) end--;
  return { start, end };
}

