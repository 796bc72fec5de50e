import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Paragraph } from '../../ingest/types.ts';
import { splitSentences } from '../sentences.ts';
import { findQuotes } from './quotes.ts';
import { tokenize, tokenAt, type Token } from './tokens.ts';
import { CUE_TAGS, type CueSpan } from './cues.ts';
import { afterEndCandidates, afterStartCandidates, beforeEndCandidates, beforeStartCandidates, boundsOf, DIRECTIONS, type Bounds, type Direction } from './content.ts';
import { afterEndFeatures, afterStartFeatures, beforeEndFeatures, beforeStartFeatures, cueFeatures, cueId, directionFeatures } from './features.ts';
import { meanModel, pack, PerceptronTrainer } from './perceptron.ts';
import { MODEL_PARTS, type AttributionModel } from './model.ts';
import { seeded, shuffleInPlace } from '../seeded-random.ts';

/** An annotated article as training needs it: text, paragraphs, and gold cue/content character spans. */
export interface TrainingDoc {
  id: string;
  text: string;
  paragraphs: Paragraph[];
  attributions: { cue: [number, number]; content: [number, number][] }[];
}

/** One gold attribution in token indices. */
interface GoldTokens extends CueSpan {
  s: number;
  e: number;
  direction: Direction;
}

interface Prepared {
  tokens: Token[];
  bounds: Bounds;
  golds: GoldTokens[];
  /** Cue tag per token: 0 outside, 1 opening a cue, 2 inside one. */
  tags: number[];
}

/** Tokens as extraction sees them, and each gold cue and content hull mapped onto them. */
export function prepare(doc: TrainingDoc): Prepared {
  const sentences = splitSentences(doc.text, doc.paragraphs);
  const tokens = tokenize(doc.text, sentences, findQuotes(doc.text, doc.paragraphs).map((q) => q.inner));
  const bounds = boundsOf(tokens);
  const golds: GoldTokens[] = [];
  const tags = tokens.map(() => 0);
  const last = (end: number) => tokenAt(tokens, end - 1);
  for (const at of doc.attributions) {
    if (!at.content.length) continue;
    const a = tokenAt(tokens, at.cue[0]);
    const b = last(at.cue[1]);
    const s = tokenAt(tokens, Math.min(...at.content.map((x) => x[0])));
    const e = last(Math.max(...at.content.map((x) => x[1])));
    if (b >= tokens.length || e >= tokens.length || a > b || s > e) continue;
    // Cues that cross a sentence (rare annotation of a whole clause) are left out of the tagger's data.
    if (tokens[a].sentence !== tokens[b].sentence) continue;
    const direction: Direction = b < s ? 'AFTER' : a > e ? 'BEFORE' : 'AROUND';
    golds.push({ a, b, s, e, direction });
    if (tags.slice(a, b + 1).some((t) => t !== 0)) continue;
    tags[a] = 1;
    for (let k = a + 1; k <= b; k++) tags[k] = 2;
  }
  return { tokens, bounds, golds, tags };
}

/** Words that open a gold cue at least twice and at least once in 200 of their occurrences. */
function learnCueStarts(prepared: Prepared[]): Set<number> {
  const opens = new Map<number, number>();
  const seen = new Map<number, number>();
  for (const { tokens, tags } of prepared) {
    tokens.forEach((t, i) => {
      seen.set(t.id, (seen.get(t.id) ?? 0) + 1);
      if (tags[i] === 1) opens.set(t.id, (opens.get(t.id) ?? 0) + 1);
    });
  }
  return new Set([...opens].filter(([id, n]) => n >= 2 && n / seen.get(id)! >= 0.005).map(([id]) => id));
}

/** Table sizes (bits of the feature hash): 256 K slots for the tagger, 128 K for each ranker. */
export const TABLE_BITS = { cue: 18, ranker: 17 };

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Shuffle orders trained and averaged (seeds seed, seed + 1, …); 1 when left out. */
  runs?: number;
}

/**
 * Trains every part of the attribution model on the given documents, once per shuffle order, and
 * averages the orders' weights. Deterministic for a given seed and number of runs.
 */
export function trainAttribution(docs: TrainingDoc[], { epochs, seed, runs = 1 }: TrainOptions): AttributionModel {
  const prepared = docs.map(prepare);
  const cueStarts = learnCueStarts(prepared);
  const models = Array.from({ length: runs }, (_, r) => trainOrder(prepared, cueStarts, epochs, seed + r));
  if (runs === 1) return models[0];
  const mean = Object.fromEntries(MODEL_PARTS.map((name) => [name, meanModel(models.map((m) => m[name]))]));
  return { cueStarts, ...mean } as AttributionModel;
}

/** One shuffle order's model: `epochs` passes over the documents in orders drawn from `seed`. */
function trainOrder(prepared: Prepared[], cueStarts: Set<number>, epochs: number, seed: number): AttributionModel {
  const cue = new PerceptronTrainer(CUE_TAGS, TABLE_BITS.cue);
  const direction = new PerceptronTrainer(DIRECTIONS, TABLE_BITS.ranker);
  const afterStart = new PerceptronTrainer(['score'], TABLE_BITS.ranker);
  const afterEnd = new PerceptronTrainer(['score'], TABLE_BITS.ranker);
  const beforeEnd = new PerceptronTrainer(['score'], TABLE_BITS.ranker);
  const beforeStart = new PerceptronTrainer(['score'], TABLE_BITS.ranker);
  const rand = seeded(seed);
  const rank = (t: PerceptronTrainer, cands: number[], gold: number, feats: (x: number) => number[]) => {
    const at = cands.indexOf(gold);
    if (at >= 0 && cands.length > 1) t.learnRank(cands.map(feats), at);
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { tokens, bounds, golds, tags } of shuffleInPlace([...prepared], rand)) {
      for (let i = 0; i < tokens.length; i++) {
        const prev = i === 0 || tokens[i].sentence !== tokens[i - 1].sentence ? 0 : tags[i - 1];
        // The tagger learns where it will be asked: after a cue token, or at a lexicon word.
        if (prev === 0 && !cueStarts.has(tokens[i].id)) continue;
        cue.learn(cueFeatures(tokens, i, prev), tags[i]);
      }
      for (const g of golds) {
        const cue = cueId(tokens, g.a, g.b);
        const sent = tokens[g.a].sentence;
        direction.learn(directionFeatures(tokens, g.a, g.b, bounds.sentFirst[sent], bounds.sentLast[sent], bounds.counts), DIRECTIONS.indexOf(g.direction));
        if (g.direction === 'AFTER') {
          rank(afterStart, afterStartCandidates(tokens, bounds, g), g.s, (x) => afterStartFeatures(tokens, cue, g.b, x));
          rank(afterEnd, afterEndCandidates(tokens, bounds, g.s), g.e, (x) => afterEndFeatures(tokens, cue, g.s, x, bounds.counts));
        } else if (g.direction === 'BEFORE') {
          rank(beforeEnd, beforeEndCandidates(tokens, bounds, g), g.e, (x) => beforeEndFeatures(tokens, cue, g.a, x));
          rank(beforeStart, beforeStartCandidates(tokens, bounds, g.e), g.s, (x) => beforeStartFeatures(tokens, cue, x, g.e, bounds.counts));
        } else if (g.b + 1 < tokens.length && g.a > 0) {
          rank(afterEnd, afterEndCandidates(tokens, bounds, g.b + 1, true), g.e, (x) => afterEndFeatures(tokens, cue, g.b + 1, x, bounds.counts));
          rank(beforeStart, beforeStartCandidates(tokens, bounds, g.a - 1, true), g.s, (x) => beforeStartFeatures(tokens, cue, x, g.a - 1, bounds.counts));
        }
      }
    }
  }
  return { cueStarts, cue: cue.averaged(), direction: direction.averaged(), afterStart: afterStart.averaged(), afterEnd: afterEnd.averaged(), beforeEnd: beforeEnd.averaged(), beforeStart: beforeStart.averaged() };
}

/**
 * The committed form: a JSON header (classes, scales, row counts) then each part's row offsets (Int32)
 * and quantised weights (Int16), little-endian, gzip at a fixed level (no timestamp in the header).
 */
export function encodeModel(model: AttributionModel): Buffer {
  const parts = MODEL_PARTS.map((name) => ({ name, packed: pack(model[name]) }));
  const header = Buffer.from(JSON.stringify({ format: 1, cueStarts: [...model.cueStarts].map((x) => x >>> 0).sort((a, b) => a - b), parts: parts.map(({ name, packed }) => ({ name, classes: packed.classes, bits: packed.bits, scale: packed.scale, rows: packed.rows.length })) }));
  const chunks: Buffer[] = [Buffer.alloc(4), header];
  chunks[0].writeUInt32LE(header.length);
  for (const { packed } of parts) {
    const rows = Buffer.alloc(packed.rows.length * 4);
    packed.rows.forEach((x, i) => rows.writeInt32LE(x, i * 4));
    const values = Buffer.alloc(packed.values.length * 2);
    packed.values.forEach((x, i) => values.writeInt16LE(x, i * 2));
    chunks.push(rows, values);
  }
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
