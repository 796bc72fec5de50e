import path from 'node:path';
import { bbcRawArticles } from './bbc-corpus.ts';

// One cold pass of parse → extractArticle over BBC, as an ingest's extraction thread does it (models
// load on first use, V8 compiles the hot code on the way): process CPU (all threads, GC included)
// and wall of the pass, and the models' share (the first article).
// npx tsx bench/extract-cold.ts [SRC_ROOT]: SRC_ROOT lets an older checkout's src be measured side by side.
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const { parseArticle } = await import(path.join(root, 'src/ingest/parse-article.ts'));
const { extractArticle } = await import(path.join(root, 'src/extract/extract-article.ts'));
const raw = await bbcRawArticles(root);
const t = performance.now();
const c = process.cpuUsage();
let firstCpu = 0;
for (const [i, r] of raw.entries()) {
  extractArticle(parseArticle(r));
  if (i === 0) firstCpu = process.cpuUsage(c).user / 1000;
}
const cpu = process.cpuUsage(c);
console.log(`cold pass over ${raw.length} BBC articles: CPU user ${(cpu.user / 1e6).toFixed(2)} s + sys ${(cpu.system / 1e6).toFixed(2)} s, wall ${((performance.now() - t) / 1000).toFixed(2)} s; first article ${(firstCpu / 1000).toFixed(2)} CPU-s`);
