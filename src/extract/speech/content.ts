import { argmax, scoreFirst, scores, type LinearModel } from './perceptron.ts';
import { afterEndAtInto, afterEndSpanInto, afterStartFeaturesInto, beforeEndFeaturesInto, beforeStartAtInto, beforeStartSpanInto, COUNTED, countToken, cueId, directionFeatures, type SpanCounts } from './features.ts';
import type { AttributionModel } from './model.ts';
import type { CueSpan } from './cues.ts';
import type { Token } from './tokens.ts';
import { hashText } from './hashing.ts';

export type Direction = 'AFTER' | 'BEFORE' | 'AROUND';
export const DIRECTIONS: Direction[] = ['AFTER', 'BEFORE', 'AROUND'];

/** Sentence and paragraph bounds as token indices, for candidate windows. */
export interface Bounds {
  sentFirst: number[];
  sentLast: number[];
  paraFirst: number[];
  paraLast: number[];
  counts: SpanCounts;
  /** 1 where content may end (before a mark, a sentence edge or a clause word) / start (after one). */
  canEnd: Uint8Array;
  canStart: Uint8Array;
  /** Position-only parts of the end and start rankers' scores, filled on first use (NaN until then). */
  endAt: Float64Array;
  startAt: Float64Array;
}

export function boundsOf(tokens: Token[]): Bounds {
  const n = tokens.length;
  // One buffer for the seven arrays (a typed array of its own each cost more than filling it).
  const buffer = new ArrayBuffer(16 * n + 12 * (n + 1) + 2 * n);
  const counts: SpanCounts = { commas: new Int32Array(buffer, 16 * n, n + 1), marks: new Int32Array(buffer, 16 * n + 4 * (n + 1), n + 1), verbs: new Int32Array(buffer, 16 * n + 8 * (n + 1), n + 1) };
  const flags = 16 * n + 12 * (n + 1);
  const b: Bounds = { sentFirst: [], sentLast: [], paraFirst: [], paraLast: [], counts, canEnd: new Uint8Array(buffer, flags, n), canStart: new Uint8Array(buffer, flags + n, n), endAt: new Float64Array(buffer, 0, n).fill(NaN), startAt: new Float64Array(buffer, 8 * n, n).fill(NaN) };
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const bits = COUNTED.get(t.id) ?? 0;
    countToken(counts, i, bits);
    // Token i is a boundary word: content may end before it and start after it.
    const boundary = !t.word || (bits & CLAUSE_WORD) !== 0;
    const newSentence = i === 0 || tokens[i - 1].sentence !== t.sentence;
    if (i > 0) b.canEnd[i - 1] = boundary || newSentence ? 1 : 0;
    if (i + 1 < n) b.canStart[i + 1] = boundary || tokens[i + 1].sentence !== t.sentence ? 1 : 0;
    if (newSentence) b.canStart[i] = 1;
    b.sentFirst[t.sentence] ??= i;
    b.sentLast[t.sentence] = i;
    b.paraFirst[t.paragraph] ??= i;
    b.paraLast[t.paragraph] = i;
  }
  if (n) b.canEnd[n - 1] = 1;
  return b;
}

/**
 * Content boundaries are only considered next to punctuation, a sentence edge or a word that opens a
 * clause or phrase: where 95 % of PolNeAR's boundaries are, and the eval's half-overlap match forgives
 * the rest. It cuts the rankers' work to a fraction.
 */
const CLAUSE_WORDS = new Set(['and', 'but', 'or', 'in', 'on', 'at', 'after', 'before', 'by', 'when', 'while', 'as', 'that', 'who', 'which', 'during', 'with', 'for', 'to', 'from', 'until', 'because', 'since', 'if', 'than', 'where', 'though', 'although', 'the', 'a'].map((w) => hashText(w) | 0));
/** A clause word's bit among a token's COUNTED bits (features.ts), so boundsOf looks each token up once. */
const CLAUSE_WORD = 8;
for (const id of CLAUSE_WORDS) COUNTED.set(id, (COUNTED.get(id) ?? 0) | CLAUSE_WORD);

/** The candidate windows the rankers choose from (training skips gold boundaries outside them). */
export const WINDOW = { afterStart: 6, afterEnd: 160, beforeEnd: 14, beforeStart: 160 };

export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k++) out.push(k);
  return out;
}

export function afterStartCandidates(tokens: Token[], bounds: Bounds, c: CueSpan): number[] {
  return range(c.b + 1, Math.min(tokens.length - 1, c.b + WINDOW.afterStart));
}
/**
 * Content after or before its cue stays in one sentence (98 % of PolNeAR train); only a quotation
 * split by its cue ("“A,” he said. “B.”") runs on through its paragraph.
 */
export function afterEndCandidates(tokens: Token[], bounds: Bounds, s: number, around = false): number[] {
  const last = around ? bounds.paraLast[tokens[s].paragraph] : bounds.sentLast[tokens[s].sentence];
  const out: number[] = [];
  for (let e = s; e <= Math.min(last, s + WINDOW.afterEnd); e++) if (bounds.canEnd[e]) out.push(e);
  return out;
}
export function beforeEndCandidates(tokens: Token[], bounds: Bounds, c: CueSpan): number[] {
  return range(Math.max(bounds.paraFirst[tokens[c.a].paragraph], c.a - WINDOW.beforeEnd), c.a - 1);
}
export function beforeStartCandidates(tokens: Token[], bounds: Bounds, e: number, around = false): number[] {
  const first = around ? bounds.paraFirst[tokens[e].paragraph] : bounds.sentFirst[tokens[e].sentence];
  const out: number[] = [];
  for (let s = Math.max(first, e - WINDOW.beforeStart); s <= e; s++) if (bounds.canStart[s]) out.push(s);
  return out;
}


export function directionOf(model: LinearModel, tokens: Token[], bounds: Bounds, c: CueSpan): Direction {
  const s = tokens[c.a].sentence;
  const features = directionFeatures(tokens, c.a, c.b, bounds.sentFirst[s], bounds.sentLast[s], bounds.counts);
  if (model.classes.length !== 3) return DIRECTIONS[argmax(scores(model, features))];
  // scores() and argmax for the three directions in locals: the same sums in the same order, without
  // a typed array per cue.
  const w = model.weights;
  const mask = (1 << model.bits) - 1;
  let after = 0;
  let before = 0;
  let around = 0;
  for (let j = 0; j < features.length; j++) {
    const k = (features[j] & mask) * 3;
    after += w[k];
    before += w[k + 1];
    around += w[k + 2];
  }
  const top = before > after ? (around > before ? 2 : 1) : around > after ? 2 : 0;
  return DIRECTIONS[top];
}

/** A content span as token indices, first and last inclusive; null when no candidate fits. */
export function contentOf(model: AttributionModel, tokens: Token[], bounds: Bounds, c: CueSpan, forced?: Direction): { s: number; e: number; direction: Direction } | null {
  const direction = forced ?? directionOf(model.direction, tokens, bounds, c);
  const cue = cueId(tokens, c.a, c.b);
  let s = -1;
  let e = -1;
  if (direction === 'AFTER' || direction === 'AROUND') {
    if (direction === 'AFTER') s = afterStartOf(model.afterStart, tokens, cue, c);
    else {
      const e0 = c.a - 1;
      if (e0 >= 0) s = startOf(model.beforeStart, tokens, bounds, cue, e0, true);
    }
    const from = direction === 'AFTER' ? s : c.b + 1;
    if (from >= 0 && from < tokens.length) e = endOf(model.afterEnd, tokens, bounds, cue, from, direction === 'AROUND');
  } else {
    if (c.a > 0) e = beforeEndOf(model.beforeEnd, tokens, bounds, cue, c);
    if (e >= 0) s = startOf(model.beforeStart, tokens, bounds, cue, e, false);
  }
  return s >= 0 && e >= s ? { s, e, direction } : null;
}

/**
 * The features of the candidate being scored: one buffer for all of them (each is summed before the
 * next is written). The rankers below score candidates in the order of the candidate lists above
 * (afterStartCandidates …), and keep the first of equal scores, as `best` does.
 */
const SPAN_FEATURES: number[] = [];

/** The best first token of content after the cue (afterStartCandidates, scored one by one); -1 when none. */
function afterStartOf(m: LinearModel, tokens: Token[], cue: number, c: CueSpan): number {
  let at = -1;
  let top = -Infinity;
  for (let x = c.b + 1, to = Math.min(tokens.length - 1, c.b + WINDOW.afterStart); x <= to; x++) {
    const v = scoreFirst(m, SPAN_FEATURES, afterStartFeaturesInto(tokens, cue, c.b, x, SPAN_FEATURES));
    if (v > top) {
      top = v;
      at = x;
    }
  }
  return at;
}

/** The best last token of content before the cue (beforeEndCandidates); -1 when none. */
function beforeEndOf(m: LinearModel, tokens: Token[], bounds: Bounds, cue: number, c: CueSpan): number {
  let at = -1;
  let top = -Infinity;
  for (let x = Math.max(bounds.paraFirst[tokens[c.a].paragraph], c.a - WINDOW.beforeEnd); x <= c.a - 1; x++) {
    const v = scoreFirst(m, SPAN_FEATURES, beforeEndFeaturesInto(tokens, cue, c.a, x, SPAN_FEATURES));
    if (v > top) {
      top = v;
      at = x;
    }
  }
  return at;
}

/**
 * The best end for content from `s` among afterEndCandidates: its position-only score (kept in
 * bounds.endAt, NaN where not yet scored: the same position recurs across a sentence's cues) plus
 * the span's own score.
 */
function endOf(m: LinearModel, tokens: Token[], bounds: Bounds, cue: number, s: number, around: boolean): number {
  const last = around ? bounds.paraLast[tokens[s].paragraph] : bounds.sentLast[tokens[s].sentence];
  const { canEnd, endAt, counts } = bounds;
  let at = -1;
  let top = -Infinity;
  for (let e = s, to = Math.min(last, s + WINDOW.afterEnd); e <= to; e++) {
    if (!canEnd[e]) continue;
    if (Number.isNaN(endAt[e])) endAt[e] = scoreFirst(m, SPAN_FEATURES, afterEndAtInto(tokens, e, SPAN_FEATURES));
    const v = endAt[e] + scoreFirst(m, SPAN_FEATURES, afterEndSpanInto(tokens, cue, s, e, counts, SPAN_FEATURES));
    if (v > top) {
      top = v;
      at = e;
    }
  }
  return at;
}

/** The best start for content ending at `e` among beforeStartCandidates, scored the same way. */
function startOf(m: LinearModel, tokens: Token[], bounds: Bounds, cue: number, e: number, around: boolean): number {
  const first = around ? bounds.paraFirst[tokens[e].paragraph] : bounds.sentFirst[tokens[e].sentence];
  const { canStart, startAt, counts } = bounds;
  let at = -1;
  let top = -Infinity;
  for (let s = Math.max(first, e - WINDOW.beforeStart); s <= e; s++) {
    if (!canStart[s]) continue;
    if (Number.isNaN(startAt[s])) startAt[s] = scoreFirst(m, SPAN_FEATURES, beforeStartAtInto(tokens, s, SPAN_FEATURES));
    const v = startAt[s] + scoreFirst(m, SPAN_FEATURES, beforeStartSpanInto(tokens, cue, s, e, counts, SPAN_FEATURES));
    if (v > top) {
      top = v;
      at = s;
    }
  }
  return at;
}
