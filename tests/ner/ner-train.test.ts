import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../src/config.ts';
import { trainModel, type LabelledDoc } from '../../src/extract/ner/train.ts';
import { decodeModel } from '../../src/extract/ner/weights.ts';

const corpus = corpusDir();
const file = corpus ? path.join(corpus, 'conllpp-traindev.jsonl') : null;

/** The corpus is needed: skipped on a machine without it, a failure under CI. */
function needCorpus(ctx: { skip: () => void }): string {
  if (!file || !fs.existsSync(file)) {
    if (process.env.CI) throw new Error('the shared corpus (conllpp-traindev.jsonl) is missing');
    ctx.skip();
  }
  return file!;
}

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
