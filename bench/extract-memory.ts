/**
 * Memory of parse + extract alone (no database) over the first N BBC articles, each made new by a tag
 * line as bench/ingest-article-latency.ts does: RSS, heap and array buffers after a full GC.
 *   node --expose-gc --import tsx bench/extract-memory.ts [articles]
 * Tells the extraction's share of ingestArticle's RSS growth from the rest of the pipeline's.
 */
import fs from 'node:fs';
import { extractArticle } from '../src/extract/extract-article.ts';
import { parseArticle } from '../src/ingest/parse-article.ts';

const count = Number(process.argv[2] ?? 200);
const lines = fs.readFileSync('/work/shared/corpus/bbc.jsonl', 'utf8').split('\n').filter(Boolean).slice(0, count);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const mb = (b: number) => Math.round(b / 1e6);
const show = (label: string) => {
  gc();
  const m = process.memoryUsage();
  console.log(`${label.padEnd(14)} rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, array buffers ${mb(m.arrayBuffers)} MB`);
};
show('before');
let ms = 0;
for (const [i, line] of lines.entries()) {
  const a = JSON.parse(line) as { title?: string; body?: string; text?: string };
  const t = performance.now();
  extractArticle(parseArticle({ raw: `${a.body ?? a.text ?? ''}\n\nBenchmark copy ${i}.`, origin: 'bench', meta: { title: a.title } }));
  ms += performance.now() - t;
  if (i === 0 || i === lines.length - 1) show(`after ${i + 1}`);
}
console.log(`parse + extract ${(ms / lines.length).toFixed(1)} ms per article`);
