import fs from 'node:fs';
import readline from 'node:readline';
import path from 'node:path';
import { corpusDir } from '../config.ts';
import { aggregate, parsedFromGoldText, scoreDocument, type DocCounts, type PolnearDoc } from '../eval/polnear.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { decodeModel, useAttributionModel } from '../extract/speech/model.ts';
import { decodeSourceModel, useSourceModel } from '../extract/speech/source-ranker.ts';
import { GOLD_FILE, loadGoldDocs, scoreSpeakerGold, type SpeakerGoldItem } from '../eval/speaker-gold.ts';

// npm run eval [-- FILE] [--split NAME] [--model FILE]: quote and speaker attribution scores on
// PolNeAR-format JSONL. `--split heldout` is the tenth of `train` that `npm run train:attribution --
// --holdout` keeps out (for tuning; `dev` is never tuned on); `--model` scores a model not committed.
// npm run eval -- --speakers [--errors]: precision and coverage of resolved speakers against the
// written-first gold (tests/fixtures/speaker-gold.json: PolNeAR dev and BBC statements).
const DEFAULT_FILE = path.join(corpusDir() ?? '../shared/corpus', 'polnear-traindev.jsonl');

/** Every tenth `train` document by doc_id: the slice training leaves out with --holdout. */
function heldOut(docs: PolnearDoc[]): PolnearDoc[] {
  const train = docs.filter((d) => d.split === 'train').sort((a, b) => (a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : 0));
  return train.filter((_, i) => i % 10 === 0);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const splitAt = args.indexOf('--split');
  const split = splitAt >= 0 ? args[splitAt + 1] : 'dev';
  const modelAt = args.indexOf('--model');
  if (modelAt >= 0) useAttributionModel(decodeModel(fs.readFileSync(args[modelAt + 1])));
  // --source-model FILE scores a source ranker not committed; --rules-source the speaker rules alone.
  const sourceAt = args.indexOf('--source-model');
  if (sourceAt >= 0) useSourceModel(decodeSourceModel(fs.readFileSync(args[sourceAt + 1])));
  if (args.includes('--rules-source')) useSourceModel(null);
  if (args.includes('--speakers')) {
    const dir = corpusDir();
    if (!dir) {
      console.error('eval --speakers: the corpus directory is missing (../shared/corpus or NEWSGRAPH_CORPUS_DIR)');
      process.exit(2);
    }
    const items = (JSON.parse(fs.readFileSync(GOLD_FILE, 'utf8')) as { items: SpeakerGoldItem[] }).items;
    const score = scoreSpeakerGold(items, loadGoldDocs(dir));
    console.log(`Resolved speakers against the written gold (${score.items} statements, ${score.unmatched} no longer extracted)`);
    console.log(`  precision ${score.precision.toFixed(3)} (${score.right} right of ${score.given} given a speaker) | coverage ${score.coverage.toFixed(3)} (${score.covered} of ${score.withGold} with a gold speaker)`);
    if (args.includes('--errors')) for (const e of score.errors) console.log(`  ${e.item.corpus} ${e.item.doc} ${e.item.start}-${e.item.end}: gold ${e.item.speaker ? `${e.item.speaker.type}:${e.item.speaker.name}` : 'none'}, extracted ${e.predicted ?? 'none'}${e.written ? ` (written “${e.written}”)` : ''}`);
    const { errors: _errors, ...summary } = score;
    console.log(JSON.stringify(summary));
    return;
  }
  const file = args.find((a, i) => !a.startsWith('--') && (splitAt < 0 || i !== splitAt + 1) && (modelAt < 0 || i !== modelAt + 1) && (sourceAt < 0 || i !== sourceAt + 1)) ?? DEFAULT_FILE;
  if (!fs.existsSync(file)) {
    console.error(`eval: no such file ${file}`);
    process.exit(2);
  }
  const counts: DocCounts[] = [];
  let total = 0;
  const docs: PolnearDoc[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as PolnearDoc;
    total++;
    // Files without a split field are evaluated whole.
    if (split === 'heldout') docs.push(doc);
    else if (doc.split && split !== 'all' && doc.split !== split) continue;
    else counts.push(scoreDocument(doc, extractArticle(parsedFromGoldText(doc))));
  }
  for (const doc of split === 'heldout' ? heldOut(docs) : []) counts.push(scoreDocument(doc, extractArticle(parsedFromGoldText(doc))));
  const result = aggregate(counts);
  console.log(`PolNeAR-format evaluation of ${file} (split ${split}: ${counts.length} of ${total} documents)`);
  for (const k of ['direct', 'indirect', 'all'] as const) {
    const r = result[k];
    console.log(`  ${k.padEnd(9)} content P ${r.content.p.toFixed(3)} R ${r.content.r.toFixed(3)} F1 ${r.content.f1.toFixed(3)} | speaker P ${r.speaker.p.toFixed(3)} R ${r.speaker.r.toFixed(3)} F1 ${r.speaker.f1.toFixed(3)}`);
  }
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(`eval failed: ${(error as Error).message}`);
  process.exit(1);
});
