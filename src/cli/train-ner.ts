import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../config.ts';
import { SETTINGS, trainModel, type LabelledDoc } from '../extract/ner/train.ts';
import { MODEL_FILE } from '../extract/ner/weights.ts';

// npm run train:ner [-- --tune] [--epochs N] [--out FILE]: trains the entity recogniser on the
// `train` split of the shared CoNLL corpus and writes the committed model file. --tune holds out
// every tenth training document and scores it after each epoch (how the epochs were chosen); dev is
// never read.

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const tune = args.includes('--tune');
  const file = path.join(corpusDir() ?? '../shared/corpus', 'conllpp-traindev.jsonl');
  const docs = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledDoc & { split: string }).filter((d) => d.split === 'train');
  const train = tune ? docs.filter((_, i) => i % 10 !== 9) : docs;
  const heldOut = tune ? docs.filter((_, i) => i % 10 === 9) : undefined;
  const limit = opt('--docs');
  const settings = { ...SETTINGS, epochs: Number(opt('--epochs') ?? SETTINGS.epochs) };
  const started = Date.now();
  const bytes = trainModel(limit ? train.slice(0, Number(limit)) : train, { ...settings, heldOut, log: (l) => console.log(l) });
  const out = opt('--out') ?? (tune ? null : MODEL_FILE);
  console.log(`${train.length} training documents, ${((Date.now() - started) / 1000).toFixed(1)} s, model ${(bytes.length / 1e6).toFixed(2)} MB, sha256 ${crypto.createHash('sha256').update(bytes).digest('hex')}`);
  if (out) {
    fs.writeFileSync(out, bytes);
    console.log(`wrote ${out}`);
  }
}

main();
