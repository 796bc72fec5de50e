import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { corpusDir } from '../config.ts';
import { detokenise, emptyCounts, nerResult, nerTable, parsedFromNerDoc, scoreNerDocument, spansFromExtraction, type NerDoc, type NerSpan } from '../eval/ner.ts';
import { extractArticle } from '../extract/extract-article.ts';

// npm run eval:ner [-- FILE] [--split NAME] [--tagger]: named-entity scores (PER, ORG, LOC) on
// CoNLL-style JSONL. By default what users get (the full extraction); --tagger: the model alone.
// Each file is scored as written and as a detokenised copy (CoNLL's "Reuters ," → "Reuters,").
const DEFAULT_FILE = path.join(corpusDir() ?? '../shared/corpus', 'conllpp-traindev.jsonl');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const splitAt = args.indexOf('--split');
  const useTagger = args.includes('--tagger');
  const file = args.find((a, i) => !a.startsWith('--') && (splitAt < 0 || i !== splitAt + 1)) ?? DEFAULT_FILE;
  // The shared corpus holds train and dev: its default is dev. Other files are scored whole unless --split is given.
  const split = splitAt >= 0 ? args[splitAt + 1] : file === DEFAULT_FILE ? 'dev' : null;
  if (!fs.existsSync(file)) {
    console.error(`eval:ner: no such file ${file}`);
    process.exit(2);
  }
  let predict: (text: string, id: string) => NerSpan[] = (text, id) => spansFromExtraction(extractArticle(parsedFromNerDoc(text, id)));
  if (useTagger) {
    const { tagEntities } = await import('../extract/ner/index.ts');
    predict = (text) => tagEntities(text).filter((s) => s.type !== 'MISC');
  }
  const asWritten = emptyCounts();
  const detok = emptyCounts();
  let docs = 0;
  let total = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as NerDoc;
    total++;
    if (split && split !== 'all' && doc.split !== split) continue;
    docs++;
    scoreNerDocument(doc.entities, predict(doc.text, doc.doc_id), asWritten);
    const d = detokenise(doc);
    scoreNerDocument(d.entities, predict(d.text, d.doc_id), detok);
  }
  const result = nerResult(docs, asWritten);
  const detokenised = nerResult(docs, detok);
  console.log(`NER evaluation of ${file} (${split ? `split ${split}: ` : ''}${docs} of ${total} documents; ${useTagger ? 'tagger alone' : 'full extraction'})`);
  console.log(nerTable(result));
  console.log('\ndetokenised copy ("Reuters ," → "Reuters,")');
  console.log(nerTable(detokenised));
  console.log(JSON.stringify({ ...result, detokenised: { exact: detokenised.exact, overlap: detokenised.overlap } }));
}

main().catch((error: unknown) => {
  console.error(`eval:ner failed: ${(error as Error).message}`);
  process.exit(1);
});
