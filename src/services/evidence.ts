import { mentionConfidence } from '../store/mention-confidence.ts';
import type { MentionRecord, StatementRecord } from './records.ts';
import { sentenceAt } from './sentences.ts';
import type { Span } from '../ingest/types.ts';

/** A span of an article body with the words written there. */
export interface TextSpanValue {
  start: number;
  end: number;
  text: string;
}

/** The body's words at [start, end): offsets are UTF-16 code units, as JavaScript indexes strings. */
export const textSpan = (body: string, start: number, end: number): TextSpanValue => ({ start, end, text: body.slice(start, end) });

/** A statement's parts with their words, in reading order. */
export function statementSpans(s: Pick<StatementRecord, 'spanStarts' | 'spanEnds' | 'startOffset' | 'endOffset'>, body: string): TextSpanValue[] {
  // Both arrays are written together and never null (migration 20261201090000_evidence); the outer span is the fallback of a row without parts.
  if (!s.spanStarts?.length) return [textSpan(body, s.startOffset, s.endOffset)];
  return s.spanStarts.map((start, i) => textSpan(body, start, s.spanEnds[i]));
}

/** The sentence a mention is written in (its own span if the body has no sentence there). */
export function mentionSentence(m: Pick<MentionRecord, 'start' | 'end'>, body: string, sentences: readonly Span[]): TextSpanValue {
  const s = sentenceAt(sentences, m.start);
  return s ? textSpan(body, s.start, s.end) : textSpan(body, m.start, m.end);
}

/** The stored confidence, else (rows stored before confidences were) the same table ingest uses, applied to the words at the offsets. */
export function mentionConfidenceOf(m: MentionRecord, body: string): number {
  return m.confidence ?? mentionConfidence(m.type, body.slice(m.start, m.end));
}
