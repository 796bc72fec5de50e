import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir } from '../config.ts';
import { sourceExamples } from '../eval/source-training.ts';
import { crossValidate } from '../eval/source-cv.ts';
import { decodeModel, useAttributionModel } from '../extract/speech/model.ts';
import { encodeSourceModel, SOURCE_MODEL_FILE, trainSource } from '../extract/speech/source-ranker.ts';
import { sha256 } from '../extract/speech/train.ts';
import { loadTrainDocs } from './train-attribution.ts';

// npm run train:source [-- --holdout | --cv] [--epochs N] [--seed N] [--runs N] [--limit N] [--attribution-model FILE] [--out FILE]
// Trains the source ranker on PolNeAR `train` (never `dev`): every statement the extractor finds whose
// content matches a gold attribution with a source, its candidates labelled by the gold source span.
// With --holdout every tenth train document (by doc_id) is left out (score it with `npm run eval --
// --split heldout --source-model FILE`); nothing is written unless --out is given. --cv scores 10-fold
// cross-validation over train instead (src/eval/source-cv.ts) and writes nothing. --runs N (default 5):
// N shuffle orders averaged, as for the attribution model. The candidates come from
// extraction with the committed attribution model, or --attribution-model FILE (one not committed yet).

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function main(): void {
  const file = arg('--file') ?? path.join(corpusDir() ?? '../shared/corpus', 'polnear-traindev.jsonl');
  const epochs = Number(arg('--epochs') ?? 2);
  const seed = Number(arg('--seed') ?? 15);
  const limit = arg('--limit') ? Number(arg('--limit')) : Infinity;
  const holdout = process.argv.includes('--holdout');
  const runs = Number(arg('--runs') ?? 5);
  const attribution = arg('--attribution-model');
  if (attribution) useAttributionModel(decodeModel(fs.readFileSync(attribution)));
  const docs = loadTrainDocs(file).slice(0, limit);
  if (process.argv.includes('--cv')) {
    const { total, folds } = crossValidate(docs, { folds: 10, epochs, seed });
    const f1 = (k: 'direct' | 'indirect' | 'all') => total[k].speaker.f1.toFixed(3);
    console.log(`10-fold cross-validation over ${docs.length} train documents, ${epochs} epochs, seed ${seed}: speaker F1 direct ${f1('direct')}, indirect ${f1('indirect')}, all ${f1('all')} (folds, all: ${folds.map((x) => x.all.speaker.f1.toFixed(3)).join(' ')})`);
    console.log(JSON.stringify(total));
    return;
  }
  const train = holdout ? docs.filter((_, i) => i % 10 !== 0) : docs;
  const started = Date.now();
  const examples = sourceExamples(train);
  const model = trainSource(examples, { epochs, seed, runs });
  const bytes = encodeSourceModel(model);
  const n = examples.reduce((a, d) => a + d.length, 0);
  console.log(`trained on ${train.length} documents (${n} statements with a gold source among their candidates), ${epochs} epochs, seed ${seed}, ${runs} run(s), in ${((Date.now() - started) / 1000).toFixed(1)} s: ${bytes.length} bytes, sha256 ${sha256(bytes)}`);
  const out = arg('--out') ?? (holdout ? null : fileURLToPath(SOURCE_MODEL_FILE));
  if (out) {
    fs.writeFileSync(out, bytes);
    console.log(`wrote ${out}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
