import { argmax, best, scores, type LinearModel } from './perceptron.ts';
import { afterEndFeatures, afterStartFeatures, beforeEndFeatures, beforeStartFeatures, directionFeatures } from './features.ts';
import type { AttributionModel } from './model.ts';
import type { CueSpan } from './cues.ts';
import type { Token } from './tokens.ts';

export type Direction = 'AFTER' | 'BEFORE' | 'AROUND';
export const DIRECTIONS: Direction[] = ['AFTER', 'BEFORE', 'AROUND'];

/** Sentence and paragraph bounds as token indices, for candidate windows. */
export interface Bounds {
  sentFirst: number[];
  sentLast: number[];
  paraFirst: number[];
  paraLast: number[];
}

export function boundsOf(tokens: Token[]): Bounds {
  const b: Bounds = { sentFirst: [], sentLast: [], paraFirst: [], paraLast: [] };
  tokens.forEach((t, i) => {
    b.sentFirst[t.sentence] ??= i;
    b.sentLast[t.sentence] = i;
    b.paraFirst[t.paragraph] ??= i;
    b.paraLast[t.paragraph] = i;
  });
  return b;
}

/** The candidate windows the rankers choose from (training skips gold boundaries outside them). */
export const WINDOW = { afterStart: 6, afterEnd: 160, beforeEnd: 14, beforeStart: 160 };

export const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);

export function afterStartCandidates(tokens: Token[], bounds: Bounds, c: CueSpan): number[] {
  return range(c.b + 1, Math.min(tokens.length - 1, c.b + WINDOW.afterStart));
}
export function afterEndCandidates(tokens: Token[], bounds: Bounds, s: number): number[] {
  return range(s, Math.min(bounds.paraLast[tokens[s].paragraph], s + WINDOW.afterEnd));
}
export function beforeEndCandidates(tokens: Token[], bounds: Bounds, c: CueSpan): number[] {
  return range(Math.max(bounds.paraFirst[tokens[c.a].paragraph], c.a - WINDOW.beforeEnd), c.a - 1);
}
export function beforeStartCandidates(tokens: Token[], bounds: Bounds, e: number): number[] {
  return range(Math.max(bounds.paraFirst[tokens[e].paragraph], e - WINDOW.beforeStart), e);
}

export const cueText = (tokens: Token[], c: CueSpan) => tokens.slice(c.a, c.b + 1).map((t) => t.lower).join(' ');

export function directionOf(model: LinearModel, tokens: Token[], bounds: Bounds, c: CueSpan): Direction {
  const s = tokens[c.a].sentence;
  return DIRECTIONS[argmax(scores(model, directionFeatures(tokens, c.a, c.b, bounds.sentFirst[s], bounds.sentLast[s])))];
}

/** A content span as token indices, first and last inclusive; null when no candidate fits. */
export function contentOf(model: AttributionModel, tokens: Token[], bounds: Bounds, c: CueSpan): { s: number; e: number; direction: Direction } | null {
  const direction = directionOf(model.direction, tokens, bounds, c);
  const cue = cueText(tokens, c);
  const pick = (m: LinearModel, cands: number[], feats: (x: number) => string[]) => (cands.length ? cands[best(m, cands.map(feats))] : -1);
  let s = -1;
  let e = -1;
  if (direction === 'AFTER' || direction === 'AROUND') {
    if (direction === 'AFTER') s = pick(model.afterStart, afterStartCandidates(tokens, bounds, c), (x) => afterStartFeatures(tokens, cue, c.b, x));
    else {
      const e0 = c.a - 1;
      if (e0 >= 0) s = pick(model.beforeStart, beforeStartCandidates(tokens, bounds, e0), (x) => beforeStartFeatures(tokens, cue, x, e0));
    }
    const from = direction === 'AFTER' ? s : c.b + 1;
    if (from >= 0 && from < tokens.length) e = pick(model.afterEnd, afterEndCandidates(tokens, bounds, from), (x) => afterEndFeatures(tokens, cue, from, x));
  } else {
    if (c.a > 0) e = pick(model.beforeEnd, beforeEndCandidates(tokens, bounds, c), (x) => beforeEndFeatures(tokens, cue, c.a, x));
    if (e >= 0) s = pick(model.beforeStart, beforeStartCandidates(tokens, bounds, e), (x) => beforeStartFeatures(tokens, cue, x, e));
  }
  return s >= 0 && e >= s ? { s, e, direction } : null;
}
