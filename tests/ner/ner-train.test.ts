import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { requireCorpus } from '../helpers/corpus.ts';
import { trainModel, type LabelledDoc } from '../../src/extract/ner/train.ts';
import { decodeModel } from '../../src/extract/ner/weights.ts';

/** The corpus is needed: skipped on a machine without it, a failure under CI (tests/helpers/corpus.ts). */
const needCorpus = (ctx: TestContext): string => path.join(requireCorpus(ctx, ['conllpp-traindev.jsonl']), 'conllpp-traindev.jsonl');

describe('npm run train:ner', () => {
  it('trains deterministically: the same slice twice gives the same bytes', (ctx) => {
    const f = needCorpus(ctx);
    const docs = fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).slice(0, 25).map((l) => JSON.parse(l) as LabelledDoc & { split: string });
    expect(docs.every((d) => d.split === 'train')).toBe(true);
    const settings = { epochs: 2, bits: 16, seed: 13, folds: 2, prune: 0.05 };
    const a = trainModel(docs, settings);
    const b = trainModel(docs, settings);
    const sha = (x: Buffer) => crypto.createHash('sha256').update(x).digest('hex');
    expect(sha(a)).toBe(sha(b));
    // The file reads back into a model with the lexicon learned from the slice.
    const m = decodeModel(a);
    expect(m.bits).toBe(16);
    expect(m.lexicon.get('european commission')).toBe('ORG');
  });
});
