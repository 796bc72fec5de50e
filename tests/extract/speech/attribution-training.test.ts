import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../../src/config.ts';
import { loadTrainDocs, toTrainingDoc } from '../../../src/cli/train-attribution.ts';
import { decodeModel } from '../../../src/extract/speech/model.ts';
import { encodeModel, sha256, trainAttribution } from '../../../src/extract/speech/train.ts';

describe('npm run train:attribution', () => {
  it('is deterministic: the same documents and seed give the same bytes, which decode to the same model', (ctx) => {
    const dir = corpusDir();
    if (!dir) {
      if (process.env.CI) throw new Error('PolNeAR (../shared/corpus) is required under CI');
      return ctx.skip();
    }
    const docs = loadTrainDocs(path.join(dir, 'polnear-traindev.jsonl')).slice(0, 12).map(toTrainingDoc);
    const first = encodeModel(trainAttribution(docs, { epochs: 2, seed: 14 }));
    const second = encodeModel(trainAttribution(docs, { epochs: 2, seed: 14 }));
    expect(sha256(second)).toBe(sha256(first));
    // Decoding and encoding again is the identity: quantisation happens once, at training.
    expect(sha256(encodeModel(decodeModel(first)))).toBe(sha256(first));
    expect(sha256(encodeModel(trainAttribution(docs, { epochs: 2, seed: 15 })))).not.toBe(sha256(first));
  }, 120_000);
});
