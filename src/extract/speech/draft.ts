import type { Span } from '../../ingest/types.ts';
import type { EntityDraft, OrgDraft } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import type { StatementKind } from '../types.ts';

/** A statement as the extract stage builds it, before entities get their article keys. */
export interface StatementDraft extends Span {
  /** The words of `spans` joined by a space (see `joinSpans`); start/end are the first and last span's. */
  text: string;
  /**
   * The parts of the statement in reading order: one span, or several when the statement is
   * interrupted by its own attribution (“A,” she said. “B.”). Each part's text is the article's.
   */
  spans: Span[];
  kind: StatementKind;
  cue: string | null;
  /** Where the cue is written, when the learned step found it. */
  cueSpan?: Span;
  speaker: { type: 'person'; entity: EntityDraft } | { type: 'organization'; entity: OrgDraft } | null;
  speakerText: string | null;
  speakerSpan: Span | null;
  confidence: number;
  sentence: Sentence;
}

/** A statement's text: its parts as written, joined by one space. */
export function joinSpans(text: string, spans: Span[]): string {
  return spans.map((s) => text.slice(s.start, s.end)).join(' ');
}

/** A span without the spaces and punctuation at its edges (a full stop is kept out at the end only). */
export function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,.;:—–-]/.test(text[end - 1])) end--;
  return { start, end };
}


/**
 * The parts of content interrupted by its own attribution ("In her state, Lopez said, offenders are
 * …"): the content without the cut (cue and speaker), each part trimmed; one part when nothing is left
 * on a side.
 */
export function partsAround(text: string, content: Span, cut: Span): Span[] {
  if (cut.end <= content.start || cut.start >= content.end) return [content];
  // The first part keeps the comma before the cut ("In her state, …"): the joined text reads on.
  const first = trimSpan(text, { start: content.start, end: cut.start });
  let end = cut.start;
  while (end > first.start && /\s/.test(text[end - 1])) end--;
  const parts = [{ start: first.start, end: Math.max(first.end, end) }, trimSpan(text, { start: cut.end, end: content.end })];
  // A part of punctuation or quotation marks alone is no part of what was said.
  const kept = parts.filter((p) => /[\p{L}\p{N}]/u.test(text.slice(p.start, p.end)));
  return kept.length ? kept : [content];
}

/** Whether two spans share at least half of the shorter one. */
export const overlapsHalf = (a: Span, b: Span) => {
  const ov = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return ov > 0 && ov >= Math.min(a.end - a.start, b.end - b.start) / 2;
};

/** A statement whose speaker as written is a relative pronoun, or a description running into one ("a Clinton endorser whose district went"). */
export const relativeClause = (h: StatementDraft) => Boolean(h.speakerText && /(?:^|\s)(?:who|whose|which)(?:\s|$)/i.test(h.speakerText.trim()));
