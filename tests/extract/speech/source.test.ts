import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../../src/config.ts';
import { loadTrainDocs } from '../../../src/cli/train-attribution.ts';
import { sourceExamples } from '../../../src/eval/source-training.ts';
import { extractArticle } from '../../../src/extract/extract-article.ts';
import { best, PerceptronTrainer } from '../../../src/extract/speech/perceptron.ts';
import { decodeSourceModel, encodeSourceModel, SOURCE_MODEL_FILE, trainSource } from '../../../src/extract/speech/source-ranker.ts';
import { sha256 } from '../../../src/extract/speech/train.ts';
import { parseArticle } from '../../../src/ingest/parse-article.ts';
import { describeWithCorpus } from '../../helpers/corpus.ts';

/** Every statement of the seed articles (real news text committed in seeds/) with its speaker's name. */
function seedStatements() {
  return fs.readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort().flatMap((f) => {
    const x = extractArticle(parseArticle({ raw: fs.readFileSync(path.join('seeds', f), 'utf8'), origin: f }));
    return x.statements.map((s) => ({ ...s, name: [...x.people, ...x.organizations].find((e) => e.key === s.speaker?.key)?.name ?? null }));
  });
}

describe('the learned source step and coreference on the seeds', () => {
  const statements = seedStatements();
  const by = (words: string) => statements.filter((s) => s.text.includes(words)).map((s) => s.name);

  it('credits claims to who made them, not to the object of the verb before them', () => {
    // "Pyongyang slams US Secretary of State Mike Pompeo, claims new missile test conducted".
    expect(by('new missile test conducted')).toEqual(['North Korea']);
    // "The Kremlin’s announcement came just hours after North Korea launched a blistering attack on … Pompeo, demanding he be removed".
    expect(by('he be removed from negotiations over its banned nuclear programme')).toEqual(['North Korea']);
    // Pompeo speaks only where he is the subject ("Pompeo has voiced hope for a deal …").
    expect(statements.filter((s) => s.name === 'Mike Pompeo').map((s) => s.speakerText)).toEqual(['Pompeo']);
  });

  it('resolves pronouns and descriptions to the organisation they stand for, keeping the words as written', () => {
    const it = statements.find((s) => s.speakerText === 'it');
    expect(it?.name).toBe('Kremlin');
    const spokesperson = statements.filter((s) => s.speakerText === 'the spokesperson');
    expect(spokesperson.length).toBeGreaterThan(0);
    for (const s of spokesperson) expect(s.name).toBe('US State Department');
  });

  it('leaves the speaker empty when the text names no one', () => {
    const unnamed = statements.find((s) => s.speakerText === 'senior North Korean officials');
    expect(unnamed).toBeDefined();
    expect(unnamed!.speaker).toBeNull();
  });
});

describe('the committed source ranker', () => {
  it('decodes, and encodes back to the same bytes', () => {
    const bytes = fs.readFileSync(SOURCE_MODEL_FILE);
    const model = decodeSourceModel(bytes);
    expect(model.classes).toEqual(['score']);
    expect(sha256(encodeSourceModel(model))).toBe(sha256(bytes));
  });
});

describeWithCorpus(['polnear-traindev.jsonl'], 'npm run train:source', () => {
  it('is deterministic: the same documents and seed give the same bytes', () => {
    const docs = loadTrainDocs(path.join(corpusDir()!, 'polnear-traindev.jsonl')).slice(0, 12);
    const examples = sourceExamples(docs);
    expect(examples.flat().length).toBeGreaterThan(50);
    const first = encodeSourceModel(trainSource(examples, { epochs: 2, seed: 15 }));
    const second = encodeSourceModel(trainSource(sourceExamples(docs), { epochs: 2, seed: 15 }));
    expect(sha256(second)).toBe(sha256(first));
    expect(sha256(encodeSourceModel(trainSource(examples, { epochs: 2, seed: 16 })))).not.toBe(sha256(first));
  }, 120_000);

  it('counts as right every candidate that names the gold source, as the eval does: over it, or resolving to whom it names', () => {
    const docs = loadTrainDocs(path.join(corpusDir()!, 'polnear-traindev.jsonl')).slice(0, 12);
    const examples = sourceExamples(docs).flat();
    for (const x of examples) expect(x.right).toContain(x.gold);
    // A pronoun and the name it stands for are both right where the gold marks one of them.
    expect(examples.filter((x) => x.right.length > 1).length).toBeGreaterThan(10);
  }, 120_000);
});

describe('the ranking step with several right candidates', () => {
  it('leaves the weights when the guess is right, and moves towards the best-scoring right one otherwise', () => {
    const t = new PerceptronTrainer(['score'], 8);
    const [a, b, c] = [[1], [2], [3]];
    // Nothing learnt yet: every score ties and the first candidate is the guess, right here.
    expect(t.learnRankAny([a, b, c], [0, 2])).toBe(0);
    // Wrong here: towards b (the first of the tied right ones), away from a.
    expect(t.learnRankAny([a, b, c], [1, 2])).toBe(0);
    expect(t.learnRankAny([a, b, c], [1, 2])).toBe(1);
    const m = t.averaged();
    expect(best(m, [a, b, c])).toBe(1);
    // c, right but not chosen, was left alone: above a, below b.
    expect(best(m, [c, a])).toBe(0);
    expect(best(m, [c, b])).toBe(1);
  });
});
