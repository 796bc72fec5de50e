import fs from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import { best, meanModel, pack, PerceptronTrainer, unpack, type LinearModel } from './perceptron.ts';
import { seeded, shuffleInPlace } from '../seeded-random.ts';
import type { Candidate } from './source-candidates.ts';

// The learned source step: an averaged perceptron ranking a statement's candidate sources
// (source-candidates.ts), trained on PolNeAR `train` source spans by `npm run train:source`.

/** Feature table size: 2^16 slots (the features are few; the table stays in cache). */
export const SOURCE_BITS = 16;

/** Committed weights, written by `npm run train:source`. */
export const SOURCE_MODEL_FILE = new URL('./source-model.bin.gz', import.meta.url);

/**
 * One statement of training: its candidates' features, the index of the one over the gold source, and
 * every candidate that names the gold source (over it, or resolving to an entity with a mention over it).
 */
export interface SourceExample {
  candidates: number[][];
  gold: number;
  right: number[];
}

/**
 * Trains on documents (each a list of examples), in an order shuffled by `seed` each epoch; with
 * `runs` > 1, once per seed from `seed` on, and the runs' weights averaged.
 */
export function trainSource(docs: SourceExample[][], { epochs, seed, runs = 1 }: { epochs: number; seed: number; runs?: number }): LinearModel {
  if (runs > 1) return meanModel(Array.from({ length: runs }, (_, r) => trainSource(docs, { epochs, seed: seed + r })));
  const trainer = new PerceptronTrainer(['score'], SOURCE_BITS);
  const rand = seeded(seed);
  for (let e = 0; e < epochs; e++) {
    for (const doc of shuffleInPlace([...docs], rand)) for (const x of doc) if (x.candidates.length > 1) trainer.learnRankAny(x.candidates, x.right);
  }
  return trainer.averaged();
}

/** JSON header (bits, scale, rows), row offsets (Int32) and quantised weights (Int16), little-endian, gzip level 9. */
export function encodeSourceModel(model: LinearModel): Buffer {
  const packed = pack(model);
  const header = Buffer.from(JSON.stringify({ format: 1, classes: packed.classes, bits: packed.bits, scale: packed.scale, rows: packed.rows.length }));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(header.length);
  const rows = Buffer.alloc(packed.rows.length * 4);
  packed.rows.forEach((x, i) => rows.writeInt32LE(x, i * 4));
  const values = Buffer.alloc(packed.values.length * 2);
  packed.values.forEach((x, i) => values.writeInt16LE(x, i * 2));
  return gzipSync(Buffer.concat([head, header, rows, values]), { level: 9 });
}

export function decodeSourceModel(bytes: Uint8Array): LinearModel {
  const raw = gunzipSync(bytes);
  const length = raw.readUInt32LE(0);
  const h = JSON.parse(raw.subarray(4, 4 + length).toString('utf8')) as { classes: string[]; bits: number; scale: number; rows: number };
  let at = 4 + length;
  const rows = new Int32Array(h.rows);
  for (let i = 0; i < h.rows; i++, at += 4) rows[i] = raw.readInt32LE(at);
  const values = new Int16Array(h.rows * h.classes.length);
  for (let i = 0; i < values.length; i++, at += 2) values[i] = raw.readInt16LE(at);
  return unpack({ classes: h.classes, bits: h.bits, scale: h.scale, rows, values });
}

let loaded: LinearModel | null | undefined;

/** The committed ranker, read once per process (null when replaced by `useSourceModel(null)`: rules only). */
export function sourceModel(): LinearModel | null {
  if (loaded === undefined) loaded = decodeSourceModel(fs.readFileSync(SOURCE_MODEL_FILE));
  return loaded;
}

/** Replaces the committed ranker in this process; null: the speaker rules alone (training data, comparisons). */
export function useSourceModel(model: LinearModel | null | undefined): void {
  loaded = model;
}

/** The best candidate's index, -1 when there are none. */
export function rankSources(model: LinearModel, candidates: Candidate[]): number {
  return best(model, candidates.map((c) => c.features));
}
