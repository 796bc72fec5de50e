import { viterbi } from './decoder.ts';
import { buildLexicon, featurise, tokenIds, type Lexicon, type SentenceFeatures } from './features.ts';
import { emissionsFromIds, History, tagSentences, WordVectors, type Scorer } from './model.ts';
import { spansFromTags, TAG_COUNT, tagsFromSpans, type EntityType } from './tags.ts';
import { sentences as splitSentences, tokenise, type Token } from './tokenise.ts';
import { encodeModel } from './weights.ts';
import { seeded, shuffleInPlace } from '../seeded-random.ts';

/** A labelled document (the shared corpus format). */
export interface LabelledDoc {
  doc_id: string;
  text: string;
  entities: { start: number; end: number; type: string; text?: string }[];
}

export interface TrainOptions {
  epochs: number;
  /** log2 of the hashed feature table size. */
  bits: number;
  /** Seed of the document order in each epoch. */
  seed: number;
  /** The learned lexicon of a training document comes from the other folds, as it would for unseen text. */
  folds: number;
  /** Buckets whose weights are all below this (after averaging) are dropped from the file. */
  prune: number;
  /** Scored after each epoch (exact span F1 over PER, ORG, LOC), to choose the number of epochs. */
  heldOut?: LabelledDoc[];
  log?: (line: string) => void;
}

/** The settings of the committed model (`npm run train:ner`; epochs chosen with --tune). */
export const SETTINGS = { epochs: 7, bits: 20, seed: 13, folds: 4, prune: 0.05 };

interface Prepared {
  sentences: Token[][];
  feats: SentenceFeatures[];
  /** Every feature id of every token (the trainer updates them one by one). */
  ids: Int32Array[][];
  gold: Uint8Array[];
}

/** Tokens, sentences, features and gold tags of a document. */
function prepare(doc: LabelledDoc, lexicon: Lexicon, bits: number): Prepared {
  const sentences = splitSentences(doc.text, tokenise(doc.text));
  const feats = featurise(sentences, lexicon, bits, true);
  const ids = feats.map((sf) => sf.words.map((_, i) => tokenIds(sf, i, bits)));
  const gold = sentences.map((s) => {
    const spans: { first: number; last: number; type: EntityType }[] = [];
    for (const e of doc.entities) {
      let first = -1;
      let last = -1;
      s.forEach((t, i) => {
        if (t.start >= e.start && t.end <= e.end) {
          if (first < 0) first = i;
          last = i;
        }
      });
      if (first >= 0) spans.push({ first, last, type: e.type as EntityType });
    }
    return tagsFromSpans(s.length, spans);
  });
  return { sentences, feats, ids, gold };
}

/** Dense weights being trained, with the running sums that give their average. */
class Dense implements Scorer {
  w: Float64Array;
  u: Float64Array;
  transition: Float64Array;
  tu: Float64Array;
  constructor(public bits: number) {
    this.w = new Float64Array((1 << bits) * TAG_COUNT);
    this.u = new Float64Array((1 << bits) * TAG_COUNT);
    this.transition = new Float64Array((TAG_COUNT + 1) * TAG_COUNT);
    this.tu = new Float64Array((TAG_COUNT + 1) * TAG_COUNT);
  }
  add(id: number, out: Float64Array, off: number): void {
    const base = id * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) out[off + t] += this.w[base + t];
  }
  /** The averaged weights after `c` updates. */
  averaged(c: number): { weights: Float64Array; transition: Float64Array } {
    const weights = new Float64Array(this.w.length);
    for (let i = 0; i < weights.length; i++) weights[i] = this.w[i] - this.u[i] / c;
    const transition = new Float64Array(this.transition.length);
    for (let i = 0; i < transition.length; i++) transition[i] = this.transition[i] - this.tu[i] / c;
    return { weights, transition };
  }
}

/** Exact-match F1 over PER, ORG and LOC spans (token level) of tagged documents. */
function spanF1(docs: Prepared[], scorer: Scorer): number {
  const words = new WordVectors(scorer);
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const d of docs) {
    const tags = tagSentences(scorer, words, d.sentences, d.feats);
    tags.forEach((t, k) => {
      const key = (s: { first: number; last: number; type: string }) => `${s.first}:${s.last}:${s.type}`;
      const pred = spansFromTags(t).filter((s) => s.type !== 'MISC').map(key);
      const gold = new Set(spansFromTags(d.gold[k]).filter((s) => s.type !== 'MISC').map(key));
      np += pred.length;
      ng += gold.size;
      tp += pred.filter((p) => gold.has(p)).length;
    });
  }
  return tp ? (2 * tp) / (np + ng) : 0;
}

/**
 * Averaged structured perceptron (Collins 2002): each sentence is decoded with Viterbi under the
 * current weights; on a mistake the gold features gain, the predicted ones lose. Documents are read
 * in a seeded order, sentences in text order (the document memory needs it). Returns the model file.
 */
export function trainModel(docs: LabelledDoc[], o: TrainOptions): Buffer {
  const log = o.log ?? (() => {});
  const full = buildLexicon(docs.flatMap((d) => d.entities));
  const foldLexicons = Array.from({ length: o.folds }, (_, k) => buildLexicon(docs.filter((_, i) => i % o.folds !== k).flatMap((d) => d.entities)));
  const prepared = docs.map((d, i) => prepare(d, foldLexicons[i % o.folds], o.bits));
  const heldOut = (o.heldOut ?? []).map((d) => prepare(d, full, o.bits));
  const m = new Dense(o.bits);
  const rand = seeded(o.seed);
  const K = TAG_COUNT;
  let c = 1;
  const order = prepared.map((_, i) => i);
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    shuffleInPlace(order, rand);
    let mistakes = 0;
    for (const di of order) {
      const d = prepared[di];
      const history = new History();
      d.sentences.forEach((s, k) => {
        const dyn: number[][] = [];
        const pred = viterbi(emissionsFromIds(m, s, d.ids[k], history, dyn), s.length, m.transition);
        const gold = d.gold[k];
        let wrong = false;
        for (let i = 0; i < s.length; i++) {
          const g = gold[i];
          const p = pred[i];
          const gp = i === 0 ? K : gold[i - 1];
          const pp = i === 0 ? K : pred[i - 1];
          if (g !== p) {
            wrong = true;
            for (const ids of [d.ids[k][i], dyn[i]]) {
              for (const id of ids) {
                m.w[id * K + g] += 1;
                m.u[id * K + g] += c;
                m.w[id * K + p] -= 1;
                m.u[id * K + p] -= c;
              }
            }
          }
          if (g !== p || gp !== pp) {
            m.transition[gp * K + g] += 1;
            m.tu[gp * K + g] += c;
            m.transition[pp * K + p] -= 1;
            m.tu[pp * K + p] -= c;
          }
        }
        if (wrong) mistakes++;
        // The memory learns from what the model said, as it will at run time.
        history.record(s, pred);
        c++;
      });
    }
    let line = `epoch ${epoch}: ${mistakes} sentences wrong`;
    if (heldOut.length) {
      const avg = m.averaged(c);
      const scorer: Scorer = { bits: o.bits, transition: avg.transition, add: (id, out, off) => { for (let t = 0; t < K; t++) out[off + t] += avg.weights[id * K + t]; } };
      line += `; held-out exact F1 ${spanF1(heldOut, scorer).toFixed(4)}`;
    }
    log(line);
  }
  const avg = m.averaged(c);
  return encodeModel(avg.weights, avg.transition, o.bits, full, o.prune);
}
