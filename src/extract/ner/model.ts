import { viterbi } from './decoder.ts';
import { constantIds, hash, posSlot, wordAt, type SentenceFeatures, type WordInfo } from './features.ts';
import { entityTypeIndex, TAG_COUNT, TYPES } from './tags.ts';
import type { Token } from './tokenise.ts';

const K = TAG_COUNT;
/** Starts with a capital letter. */
const isUpper = (w: string) => {
  const ch = w[0];
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
};

/** Anything that scores tags: the dense weights being trained, or the sparse committed ones. */
export interface Scorer {
  bits: number;
  /** Adds the weights of feature `id` for every tag into out[off .. off + TAG_COUNT). */
  add(id: number, out: Float64Array, off: number): void;
  /** (TAG_COUNT + 1) × TAG_COUNT, last row = sentence start. */
  transition: Float64Array;
}

/**
 * Per word, the summed weights of it as each neighbour role (blocks 0–5, ROLE_BLOCK + r) and of its
 * own features with the bias, the capitals flag, its shape and its position (blocks 6–11, one per
 * capitals flag × position 0, 1, later: SELF_BLOCK + 3·caps + slot): computed once per distinct word,
 * then a few vector adds replace a dozen lookups per token. A self block holds
 * ((constant + own) + shape) + position, the very additions the tagger made per token before, so
 * every score is the same to the last bit.
 */
export class WordVectors {
  /** The bias and capitals-flag weights, for ordinary and capitals sentences. */
  readonly constant: [Float64Array, Float64Array];
  /** Scratch blocks for a word's own, shape (2) and position (3) sums. */
  private readonly parts = new Float64Array(6 * K);
  constructor(private scorer: Scorer) {
    const mask = (1 << scorer.bits) - 1;
    this.constant = [false, true].map((caps) => {
      const v = new Float64Array(K);
      for (const id of constantIds(caps)) scorer.add(id & mask, v, 0);
      return v;
    }) as [Float64Array, Float64Array];
  }
  of(x: WordInfo): Float64Array {
    // Kept on the word itself (a field read, not a WeakMap lookup per token); a word last scored by
    // another WordVectors (training) is recomputed.
    if (x.vecOwner === this) return x.vec!;
    const v = vectorSpace();
    const mask = (1 << this.scorer.bits) - 1;
    const p = this.parts;
    p.fill(0);
    // The sums in the order they always had: own ids, then roles, shapes and positions.
    for (const id of x.own) this.scorer.add(id & mask, p, 0);
    for (let r = 0; r < 6; r++) this.scorer.add(x.asNeighbour[r] & mask, v, (ROLE_BLOCK + r) * K);
    for (let k = 0; k < 2; k++) this.scorer.add(x.shapeIds[k] & mask, p, (1 + k) * K);
    for (let k = 0; k < 3; k++) this.scorer.add(x.posIds[k] & mask, p, (3 + k) * K);
    for (let caps = 0; caps < 2; caps++) {
      const c = this.constant[caps];
      for (let slot = 0; slot < 3; slot++) {
        const at = (SELF_BLOCK + 3 * caps + slot) * K;
        for (let t = 0; t < K; t++) v[at + t] = c[t] + p[t] + p[(1 + caps) * K + t] + p[(3 + slot) * K + t];
      }
    }
    x.vec = v;
    x.vecOwner = this;
    return v;
  }
}
/** Where a word vector's role blocks and self blocks start (WordVectors). */
const ROLE_BLOCK = 0;
const SELF_BLOCK = 6;

/**
 * A zeroed vector of 12 · TAG_COUNT, cut from a shared slab: one backing store per 256 words instead
 * of one per word (each typed array of this size has its own, allocated and freed outside the heap;
 * a cold BBC pass makes some 37,000 of them).
 */
function vectorSpace(): Float64Array {
  const size = 12 * K;
  if (slabUsed + size > slab.length) {
    slab = new Float64Array(256 * size);
    slabUsed = 0;
  }
  slabUsed += size;
  return slab.subarray(slabUsed - size, slabUsed);
}
let slab = new Float64Array(0);
let slabUsed = 0;

/**
 * Document memory: how each capitalised word was tagged earlier in the same article. A name written
 * in full once ("Newmont Mining Corp") helps the model with its later short forms ("Newmont").
 */
export class History {
  private seen = new Map<string, Int32Array>();
  record(tokens: Token[], tags: ArrayLike<number>): void {
    for (let i = 0; i < tokens.length; i++) {
      const w = tokens[i].text;
      if (!isUpper(w)) continue;
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
  /** This memory's serial: the counts a word's key holds belong to it when key.memoryOf is this. */
  private readonly serial = ++memories;
  /**
   * record() for the words of a featurised sentence, using what each word already knows about itself:
   * the counts live on the word's interned lower-case key (features.ts WordKey), not in a Map by string.
   */
  recordWords(words: WordInfo[], tags: ArrayLike<number>): void {
    for (let i = 0; i < words.length; i++) {
      const x = words[i];
      if (!x.capFirst) continue;
      const key = x.memoryKey!;
      let c = key.counts;
      if (key.memoryOf !== this.serial) {
        key.memoryOf = this.serial;
        if (c) for (let k = 0; k < c.length; k++) c[k] = 0;
        else key.counts = c = new Int32Array(TYPES.length + 1);
      }
      c![entityTypeIndex(tags[i]) + 1]++;
    }
  }
  /** features() for a word with a capital first letter: the one feature id, or -1 when there is none. */
  featureOf(x: WordInfo, bits: number): number {
    const key = x.luFirst ? x.memoryKey! : null;
    if (key === null || key.memoryOf !== this.serial) return -1;
    const c = key.counts!;
    let best = 0;
    for (let k = 1; k < c.length; k++) if (c[k] > c[best]) best = k;
    return HISTORY_IDS[best] & ((1 << bits) - 1);
  }
}
/** Histories made so far (History.serial). */
let memories = 0;
const HISTORY_IDS = ['h=O', ...TYPES.map((t) => `h=${t}`)].map(hash);

/** Emission scores of one sentence from full feature id lists (training). */
export function emissionsFromIds(scorer: Scorer, tokens: Token[], ids: Int32Array[], history: History, dyn: number[][]): Float64Array {
  const out = new Float64Array(tokens.length * K);
  for (let i = 0; i < tokens.length; i++) {
    const off = i * K;
    for (const id of ids[i]) scorer.add(id, out, off);
    const d = history.features(tokens[i].text, scorer.bits);
    for (const id of d) scorer.add(id, out, off);
    dyn[i] = d;
  }
  return out;
}

/** Emission scores of one sentence: word vectors, context features and the document memory. */
export function emissions(scorer: Scorer, words: WordVectors, tokens: Token[], sf: SentenceFeatures, history: History, into?: Float64Array): Float64Array {
  const n = tokens.length;
  // `into` (at least n × TAG_COUNT long) spares an allocation per sentence; every entry of the first
  // n rows is written below, so what it held before does not matter.
  const out = into ?? new Float64Array(n * K);
  // vec[i + 2]: the vectors of word i, with two boundary words on each side; one array reused from
  // sentence to sentence (what an entry held before is never read: only entries set below are).
  const vec = VEC;
  const bound = words.of(wordAt(sf.words, -1));
  const end = words.of(wordAt(sf.words, n));
  vec[0] = vec[1] = bound;
  vec[n + 2] = vec[n + 3] = end;
  const active = sf.active;
  // Only words within two tokens of a scored one are read below: the others (most of a sentence
  // without capitals) need no vector, and the vectors of words never near a name are never made.
  for (let i = 0; i < n; i++) if (!active || active[i] || active[i - 1] || active[i + 1] || active[i - 2] || active[i + 2]) vec[i + 2] = words.of(sf.words[i]);
  const selfAt0 = (SELF_BLOCK + (sf.caps ? 3 : 0)) * K;
  for (let i = 0; i < n; i++) {
    const off = i * K;
    if (active && !active[i]) {
      // Not scored: only O is possible here.
      out[off] = 0;
      for (let t = 1; t < K; t++) out[off + t] = -Infinity;
      continue;
    }
    const own = vec[i + 2];
    const selfAt = selfAt0 + posSlot(i) * K;
    // The neighbours by role (features.ts NEIGHBOURS: l-1, l+1, l-2, l+2, s-1, s+1), role r in block ROLE_BLOCK + r.
    const n0 = vec[i + 1];
    const n1 = vec[i + 3];
    const n2 = vec[i];
    const n3 = vec[i + 4];
    const n4 = vec[i + 1];
    const n5 = vec[i + 3];
    // Each tag's score summed in a local, in the order of a sum per vector (own with the constant,
    // shape and position, then the roles in order), so every sum is the same to the last bit; one
    // store per tag instead of seven.
    for (let t = 0; t < K; t++) {
      let x = own[selfAt + t];
      x += n0[ROLE_BLOCK * K + t];
      x += n1[(ROLE_BLOCK + 1) * K + t];
      x += n2[(ROLE_BLOCK + 2) * K + t];
      x += n3[(ROLE_BLOCK + 3) * K + t];
      x += n4[(ROLE_BLOCK + 4) * K + t];
      x += n5[(ROLE_BLOCK + 5) * K + t];
      out[off + t] = x;
    }
    const ctx = sf.ctx;
    for (let k = sf.ctxAt[i], end = sf.ctxAt[i + 1]; k < end; k++) scorer.add(ctx[k], out, off);
    const x = sf.words[i];
    if (x.capFirst) {
      const h = history.featureOf(x, scorer.bits);
      if (h >= 0) scorer.add(h, out, off);
    }
  }
  return out;
}

const VEC: Float64Array[] = [];

/** Tags one document's sentences in order, each informed by the tags of those before it. */
export function tagSentences(scorer: Scorer, words: WordVectors, sentences: Token[][], feats: SentenceFeatures[]): Uint8Array[] {
  const history = new History();
  let buffer = new Float64Array(0);
  return sentences.map((s, k) => {
    if (buffer.length < s.length * K) buffer = new Float64Array(s.length * K * 2);
    const tags = viterbi(emissions(scorer, words, s, feats[k], history, buffer), s.length, scorer.transition, feats[k].active);
    history.recordWords(feats[k].words, tags);
    return tags;
  });
}
