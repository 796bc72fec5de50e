import type { LinearModel } from './perceptron.ts';
import { cueFeaturesInto } from './features.ts';
import type { Token } from './tokens.ts';

/** The feature buffer of findCues, reused for every token it scores. */
const FEATURES: number[] = [];

/** The learned cue starts as token ids (signed 32-bit, see Token.id), made once per model. */
const IDS = new WeakMap<Set<number>, Set<number>>();
function asIds(starts: Set<number>): Set<number> {
  let ids = IDS.get(starts);
  if (!ids) IDS.set(starts, (ids = new Set([...starts].map((x) => x | 0))));
  return ids;
}

/** A cue as token indices, first and last inclusive. */
export interface CueSpan {
  a: number;
  b: number;
}

/** Tags in class order: outside, opening a cue, inside one. */
export const CUE_TAGS = ['O', 'B', 'I'];

/**
 * Added to the score of opening a cue: the tagger is trained for accuracy per token, but a missed cue
 * loses a whole statement, so it is told to open cues a little more readily (tuned on held-out train).
 */
export const CUE_BIAS = 4;

/**
 * Attribution cues by a left-to-right tagger (B opens a cue, I continues it). The previous tag
 * restarts at each sentence, so cues never cross one. Outside a cue, only words of the learned
 * lexicon `starts` can open one; the others are outside without being scored.
 */
export function findCues(tokens: Token[], model: LinearModel, cueStarts: Set<number>): CueSpan[] {
  const starts = asIds(cueStarts);
  const out: CueSpan[] = [];
  let prev = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i === 0 || tokens[i].sentence !== tokens[i - 1].sentence) prev = 0;
    if (prev === 0 && !starts.has(tokens[i].id)) continue;
    // Inlined scoring: this loop runs for every token of every article.
    const n = model.classes.length;
    const mask = (1 << model.bits) - 1;
    let o = 0;
    let bOpen = CUE_BIAS;
    let iIn = 0;
    const count = cueFeaturesInto(tokens, i, prev, FEATURES);
    for (let j = 0; j < count; j++) {
      const k = (FEATURES[j] & mask) * n;
      o += model.weights[k];
      bOpen += model.weights[k + 1];
      iIn += model.weights[k + 2];
    }
    let tag = bOpen > o ? (iIn > bOpen ? 2 : 1) : iIn > o ? 2 : 0;
    if (tag === 2 && prev === 0) tag = 1;
    if (tag === 1) out.push({ a: i, b: i });
    else if (tag === 2) out[out.length - 1].b = i;
    prev = tag;
  }
  return out;
}
