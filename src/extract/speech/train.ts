import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Paragraph } from '../../ingest/types.ts';
import { splitSentences } from '../sentences.ts';
import { findQuotes } from './quotes.ts';
import { tokenize, tokenAt, type Token } from './tokens.ts';
import { CUE_TAGS, type CueSpan } from './cues.ts';
import { afterEndCandidates, afterStartCandidates, beforeEndCandidates, beforeStartCandidates, boundsOf, cueText, DIRECTIONS, type Bounds, type Direction } from './content.ts';
import { afterEndFeatures, afterStartFeatures, beforeEndFeatures, beforeStartFeatures, cueFeatures, directionFeatures } from './features.ts';
import { pack, PerceptronTrainer } from './perceptron.ts';
import type { AttributionModel, PackedAttributionModel } from './model.ts';

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
  tags: string[];
}

/** Tokens as extraction sees them, and each gold cue and content hull mapped onto them. */
export function prepare(doc: TrainingDoc): Prepared {
  const sentences = splitSentences(doc.text, doc.paragraphs);
  const tokens = tokenize(doc.text, sentences, findQuotes(doc.text, doc.paragraphs).map((q) => q.inner));
  const bounds = boundsOf(tokens);
  const golds: GoldTokens[] = [];
  const tags = tokens.map(() => 'O');
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
    if (tags[a] !== 'O' || tags.slice(a, b + 1).some((t) => t !== 'O')) continue;
    tags[a] = 'B';
    for (let k = a + 1; k <= b; k++) tags[k] = 'I';
  }
  return { tokens, bounds, golds, tags };
}

/** A small seeded generator (mulberry32): the same seed gives the same shuffles everywhere. */
export function seeded(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
}

/** Trains every part of the attribution model on the given documents. Deterministic for a given seed. */
export function trainAttribution(docs: TrainingDoc[], { epochs, seed }: TrainOptions): AttributionModel {
  const prepared = docs.map(prepare);
  const cue = new PerceptronTrainer(CUE_TAGS);
  const direction = new PerceptronTrainer(DIRECTIONS);
  const afterStart = new PerceptronTrainer(['score']);
  const afterEnd = new PerceptronTrainer(['score']);
  const beforeEnd = new PerceptronTrainer(['score']);
  const beforeStart = new PerceptronTrainer(['score']);
  const rand = seeded(seed);
  const rank = (t: PerceptronTrainer, cands: number[], gold: number, feats: (x: number) => string[]) => {
    const at = cands.indexOf(gold);
    if (at >= 0 && cands.length > 1) t.learnRank(cands.map(feats), at);
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { tokens, bounds, golds, tags } of shuffle(prepared, rand)) {
      for (let i = 0; i < tokens.length; i++) {
        const prev = i === 0 || tokens[i].sentence !== tokens[i - 1].sentence ? 'O' : tags[i - 1];
        cue.learn(cueFeatures(tokens, i, prev), CUE_TAGS.indexOf(tags[i]));
      }
      for (const g of golds) {
        const text = cueText(tokens, g);
        const sent = tokens[g.a].sentence;
        direction.learn(directionFeatures(tokens, g.a, g.b, bounds.sentFirst[sent], bounds.sentLast[sent]), DIRECTIONS.indexOf(g.direction));
        if (g.direction === 'AFTER') {
          rank(afterStart, afterStartCandidates(tokens, bounds, g), g.s, (x) => afterStartFeatures(tokens, text, g.b, x));
          rank(afterEnd, afterEndCandidates(tokens, bounds, g.s), g.e, (x) => afterEndFeatures(tokens, text, g.s, x));
        } else if (g.direction === 'BEFORE') {
          rank(beforeEnd, beforeEndCandidates(tokens, bounds, g), g.e, (x) => beforeEndFeatures(tokens, text, g.a, x));
          rank(beforeStart, beforeStartCandidates(tokens, bounds, g.e), g.s, (x) => beforeStartFeatures(tokens, text, x, g.e));
        } else if (g.b + 1 < tokens.length && g.a > 0) {
          rank(afterEnd, afterEndCandidates(tokens, bounds, g.b + 1), g.e, (x) => afterEndFeatures(tokens, text, g.b + 1, x));
          rank(beforeStart, beforeStartCandidates(tokens, bounds, g.a - 1), g.s, (x) => beforeStartFeatures(tokens, text, x, g.a - 1));
        }
      }
    }
  }
  return { cue: cue.averaged(), direction: direction.averaged(), afterStart: afterStart.averaged(), afterEnd: afterEnd.averaged(), beforeEnd: beforeEnd.averaged(), beforeStart: beforeStart.averaged() };
}

/** The committed form: quantised, pruned, sorted JSON, gzip at a fixed level (no timestamps in the header). */
export function encodeModel(model: AttributionModel): Buffer {
  const packed: PackedAttributionModel = {
    cue: pack(model.cue),
    direction: pack(model.direction),
    afterStart: pack(model.afterStart),
    afterEnd: pack(model.afterEnd),
    beforeEnd: pack(model.beforeEnd),
    beforeStart: pack(model.beforeStart),
  };
  return gzipSync(Buffer.from(JSON.stringify(packed)), { level: 9 });
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
