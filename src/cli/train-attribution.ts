import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir } from '../config.ts';
import { parsedFromGoldText, type PolnearDoc } from '../eval/polnear.ts';
import { MODEL_FILE } from '../extract/speech/model.ts';
import { encodeModel, sha256, trainAttribution, type TrainingDoc } from '../extract/speech/train.ts';
import { heldOutReport } from '../eval/attribution-heldout.ts';

// npm run train:attribution [-- --holdout] [--epochs N] [--seed N] [--runs N] [--limit N] [--out FILE]
// Trains the cue tagger and content rankers on PolNeAR `train` (never `dev`). With --holdout, every
// tenth train document (by doc_id) is kept out and scored instead, for tuning; nothing is written
// unless --out is given. --runs N (default 5) trains N shuffle orders (seeds seed … seed+N-1) and
// averages them: one order's luck moved dev speaker F1 by ±0.005; held-out train chose 5 over 1.

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** PolNeAR train documents, sorted by id so the data order never depends on the file's. */
export function loadTrainDocs(file: string): PolnearDoc[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as PolnearDoc)
    .filter((d) => d.split === 'train')
    .sort((a, b) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0));
}

export function toTrainingDoc(doc: PolnearDoc): TrainingDoc {
  const parsed = parsedFromGoldText(doc);
  return {
    id: doc.doc_id,
    text: parsed.text,
    paragraphs: parsed.paragraphs,
    attributions: doc.attributions.filter((a) => a.cue?.spans?.length && a.content?.spans?.length).map((a) => ({ cue: a.cue!.spans[0], content: a.content.spans })),
  };
}

function main(): void {
  const file = arg('--file') ?? path.join(corpusDir() ?? '../shared/corpus', 'polnear-traindev.jsonl');
  const epochs = Number(arg('--epochs') ?? 4);
  const seed = Number(arg('--seed') ?? 14);
  const runs = Number(arg('--runs') ?? 5);
  const limit = arg('--limit') ? Number(arg('--limit')) : Infinity;
  const holdout = process.argv.includes('--holdout');
  const docs = loadTrainDocs(file).slice(0, limit);
  const train = holdout ? docs.filter((_, i) => i % 10 !== 0) : docs;
  const held = holdout ? docs.filter((_, i) => i % 10 === 0) : [];
  const started = Date.now();
  const model = trainAttribution(train.map(toTrainingDoc), { epochs, seed, runs });
  const bytes = encodeModel(model);
  console.log(`trained on ${train.length} documents, ${epochs} epochs, seed ${seed}, ${runs} run(s), in ${((Date.now() - started) / 1000).toFixed(1)} s: ${bytes.length} bytes, sha256 ${sha256(bytes)}`);
  if (holdout) console.log(heldOutReport(model, held));
  const out = arg('--out') ?? (holdout ? null : fileURLToPath(MODEL_FILE));
  if (out) {
    fs.writeFileSync(out, bytes);
    console.log(`wrote ${out}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
