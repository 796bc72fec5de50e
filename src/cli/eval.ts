import fs from 'node:fs';
import readline from 'node:readline';
import path from 'node:path';
import { corpusDir } from '../config.ts';
import { aggregate, parsedFromGoldText, scoreDocument, type DocCounts, type PolnearDoc } from '../eval/polnear.ts';
import { extractArticle } from '../extract/extract-article.ts';

// npm run eval [-- FILE] [--split NAME]: quote and speaker attribution scores on PolNeAR-format JSONL.
const DEFAULT_FILE = path.join(corpusDir() ?? '../shared/corpus', 'polnear-traindev.jsonl');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const splitAt = args.indexOf('--split');
  const split = splitAt >= 0 ? args[splitAt + 1] : 'dev';
  const file = args.find((a, i) => !a.startsWith('--') && i !== splitAt + 1) ?? DEFAULT_FILE;
  if (!fs.existsSync(file)) {
    console.error(`eval: no such file ${file}`);
    process.exit(2);
  }
  const counts: DocCounts[] = [];
  let total = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as PolnearDoc;
    total++;
    // Files without a split field are evaluated whole.
    if (doc.split && split !== 'all' && doc.split !== split) continue;
    counts.push(scoreDocument(doc, extractArticle(parsedFromGoldText(doc))));
  }
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
