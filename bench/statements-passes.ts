import path from 'node:path';
import { bbcArticles } from './bbc-corpus.ts';

// CPU of findStatements alone over BBC (sentences and entities found first, untimed): the first
// (cold) pass and the best of three more. npx tsx bench/statements-passes.ts [SRC_ROOT]
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const { splitSentences } = await import(path.join(root, 'src/extract/sentences.ts'));
const { findEntities } = await import(path.join(root, 'src/extract/entities.ts'));
const { findStatements } = await import(path.join(root, 'src/extract/statements.ts'));
const parsed = await bbcArticles(root);
const prepared = parsed.map((p) => ({ p, sentences: splitSentences(p.text, p.paragraphs), index: findEntities(p.text) }));
const runs: number[] = [];
let n = 0;
for (let r = 0; r < 4; r++) {
  const c = process.cpuUsage();
  n = 0;
  for (const { p, sentences, index } of prepared) n += findStatements(p.text, sentences, p.paragraphs, index, p.dateline).length;
  runs.push(process.cpuUsage(c).user / 1e6);
}
console.log(`findStatements cold ${runs[0].toFixed(2)}, best warm ${Math.min(...runs.slice(1)).toFixed(2)} CPU-s (${n} statements)`);
