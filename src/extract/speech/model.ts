import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { unpack, type LinearModel, type PackedModel } from './perceptron.ts';

/** The learned parts of attribution: cue tagger, content direction, and the four boundary rankers. */
export interface AttributionModel {
  cue: LinearModel;
  direction: LinearModel;
  afterStart: LinearModel;
  afterEnd: LinearModel;
  beforeEnd: LinearModel;
  beforeStart: LinearModel;
}

export type PackedAttributionModel = { [K in keyof AttributionModel]: PackedModel };

/** Committed weights, written by `npm run train:attribution`. */
export const MODEL_FILE = new URL('./attribution-model.json.gz', import.meta.url);

export function decodeModel(bytes: Uint8Array): AttributionModel {
  const packed = JSON.parse(gunzipSync(bytes).toString('utf8')) as PackedAttributionModel;
  return {
    cue: unpack(packed.cue),
    direction: unpack(packed.direction),
    afterStart: unpack(packed.afterStart),
    afterEnd: unpack(packed.afterEnd),
    beforeEnd: unpack(packed.beforeEnd),
    beforeStart: unpack(packed.beforeStart),
  };
}

let loaded: AttributionModel | null = null;

/** The committed model, read once per process. */
export function attributionModel(): AttributionModel {
  loaded ??= decodeModel(fs.readFileSync(MODEL_FILE));
  return loaded;
}
