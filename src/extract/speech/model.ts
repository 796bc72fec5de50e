import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { unpack, type LinearModel } from './perceptron.ts';

/** The learned parts of attribution: cue tagger, content direction, and the four boundary rankers. */
export interface AttributionModel {
  /**
   * Hashes of the words that open a cue often enough in training (a learned lexicon): the tagger
   * only weighs a cue opening at these, which keeps it cheap on every other token.
   */
  cueStarts: Set<number>;
  cue: LinearModel;
  direction: LinearModel;
  afterStart: LinearModel;
  afterEnd: LinearModel;
  beforeEnd: LinearModel;
  beforeStart: LinearModel;
}

/** The parts in the order the committed file stores them. */
export const MODEL_PARTS = ['cue', 'direction', 'afterStart', 'afterEnd', 'beforeEnd', 'beforeStart'] as const;

/** Committed weights, written by `npm run train:attribution` (format: see encodeModel in train.ts). */
export const MODEL_FILE = new URL('./attribution-model.bin.gz', import.meta.url);

export function decodeModel(bytes: Uint8Array): AttributionModel {
  const raw = gunzipSync(bytes);
  const headerLength = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8')) as { cueStarts: number[]; parts: { name: (typeof MODEL_PARTS)[number]; classes: string[]; bits: number; scale: number; rows: number }[] };
  let at = 4 + headerLength;
  const model = { cueStarts: new Set(header.cueStarts) } as AttributionModel;
  for (const part of header.parts) {
    const n = part.classes.length;
    const rows = new Int32Array(part.rows);
    for (let i = 0; i < part.rows; i++, at += 4) rows[i] = raw.readInt32LE(at);
    const values = new Int16Array(part.rows * n);
    for (let i = 0; i < values.length; i++, at += 2) values[i] = raw.readInt16LE(at);
    model[part.name] = unpack({ classes: part.classes, bits: part.bits, scale: part.scale, rows, values });
  }
  return model;
}

let loaded: AttributionModel | null = null;

/** The committed model, read once per process. */
export function attributionModel(): AttributionModel {
  loaded ??= decodeModel(fs.readFileSync(MODEL_FILE));
  return loaded;
}

/** Replaces the committed model in this process (tuning a freshly trained one without writing it). */
export function useAttributionModel(model: AttributionModel | null): void {
  loaded = model;
}
