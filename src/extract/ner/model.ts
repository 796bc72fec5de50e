import { viterbi } from './decoder.ts';
import { hash } from './features.ts';
import { entityTypeIndex, TAG_COUNT, TYPES } from './tags.ts';
import type { Token } from './tokenise.ts';

/** Anything that scores tags: the dense weights being trained, or the sparse committed ones. */
export interface Scorer {
  bits: number;
  /** Adds the weights of feature `id` for every tag into out[off .. off + TAG_COUNT). */
  add(id: number, out: Float64Array, off: number): void;
  /** (TAG_COUNT + 1) × TAG_COUNT, last row = sentence start. */
  transition: Float64Array;
}

/**
 * Document memory: how each capitalised word was tagged earlier in the same article. A name written
 * in full once ("Newmont Mining Corp") helps the model with its later short forms ("Newmont").
 */
export class History {
  private seen = new Map<string, Int32Array>();
  record(tokens: Token[], tags: ArrayLike<number>): void {
    for (let i = 0; i < tokens.length; i++) {
      const w = tokens[i].text;
      if (!/^\p{Lu}/u.test(w)) continue;
      const key = w.toLowerCase();
      let c = this.seen.get(key);
      if (!c) this.seen.set(key, (c = new Int32Array(TYPES.length + 1)));
      c[entityTypeIndex(tags[i]) + 1]++;
    }
  }
  /** Feature ids for a token: the type it was given most often before, if any. */
  features(w: string, bits: number): number[] {
    const c = /^\p{Lu}/u.test(w) ? this.seen.get(w.toLowerCase()) : undefined;
    if (!c) return [];
    let best = 0;
    for (let k = 1; k < c.length; k++) if (c[k] > c[best]) best = k;
    return [HISTORY_IDS[best] & ((1 << bits) - 1)];
  }
}
const HISTORY_IDS = ['h=O', ...TYPES.map((t) => `h=${t}`)].map(hash);

/** Emission scores of one sentence: static features plus the document-memory features. */
const K = TAG_COUNT;
export function emissions(scorer: Scorer, tokens: Token[], feats: Int32Array[], history: History, dyn?: number[][]): Float64Array {
  const out = new Float64Array(tokens.length * K);
  for (let i = 0; i < tokens.length; i++) {
    const off = i * K;
    for (const id of feats[i]) scorer.add(id, out, off);
    const d = history.features(tokens[i].text, scorer.bits);
    for (const id of d) scorer.add(id, out, off);
    if (dyn) dyn[i] = d;
  }
  return out;
}

/** Tags one document's sentences in order, each informed by the tags of those before it. */
export function tagSentences(scorer: Scorer, sentences: Token[][], feats: Int32Array[][]): Uint8Array[] {
  const history = new History();
  return sentences.map((s, k) => {
    const tags = viterbi(emissions(scorer, s, feats[k], history), s.length, scorer.transition);
    history.record(s, tags);
    return tags;
  });
}
