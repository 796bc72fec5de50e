import type { PolnearDoc } from './polnear.ts';
import { aggregate, parsedFromGoldText, scoreDocument, type DocCounts, type EvalResult } from './polnear.ts';
import { sourceExamples } from './source-training.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { trainSource, useSourceModel } from '../extract/speech/source-ranker.ts';

/**
 * k-fold cross-validation of the source ranker over PolNeAR `train` (fold i holds the documents whose
 * index in doc_id order is i mod k): each fold is scored like `npm run eval` with a ranker trained on
 * the other folds, so every training document is scored once as unseen text. One held-out tenth is
 * only 84 documents and moves by ±0.005 from one training run to the next; ten of them are steadier.
 */
export function crossValidate(docs: PolnearDoc[], { folds, epochs, seed }: { folds: number; epochs: number; seed: number }): { total: EvalResult; folds: EvalResult[] } {
  // The candidates do not depend on the fold (the rules alone build them): extracted once.
  const examples = sourceExamples(docs);
  const all: DocCounts[] = [];
  const each: EvalResult[] = [];
  try {
    for (let f = 0; f < folds; f++) {
      useSourceModel(trainSource(examples.filter((_, i) => i % folds !== f), { epochs, seed }));
      const counts = docs.filter((_, i) => i % folds === f).map((d) => scoreDocument(d, extractArticle(parsedFromGoldText(d))));
      all.push(...counts);
      each.push(aggregate(counts));
    }
  } finally {
    useSourceModel(undefined);
  }
  return { total: aggregate(all), folds: each };
}
