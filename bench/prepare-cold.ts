import path from 'node:path';
import { bbcRawArticles } from './bbc-corpus.ts';

// One cold pass over BBC through the ingest's extraction thread (prepareInOrder with one worker, no
// database): process CPU (all threads, GC included) and wall. For side-by-side runs of the thread's
// settings: npx tsx bench/prepare-cold.ts [YOUNG_MB] (0: V8's default young generation).
const { prepareInOrder, EXTRACTION_YOUNG_GENERATION_MB } = await import('../src/pipeline/prepare.ts');
const youngGenerationMb = process.argv[2] === undefined ? EXTRACTION_YOUNG_GENERATION_MB : Number(process.argv[2]);
const items = (await bbcRawArticles(path.join(import.meta.dirname, '..'))).map((article) => ({ ok: true as const, article }));
const times = { parseMs: 0, extractMs: 0 };
const t = performance.now();
const c = process.cpuUsage();
let n = 0;
for await (const p of prepareInOrder(items, { workers: 1, times, youngGenerationMb })) if (p.kind === 'parsed') n++;
const cpu = process.cpuUsage(c);
console.log(`young ${youngGenerationMb} MB: ${n} articles, CPU user ${(cpu.user / 1e6).toFixed(2)} s + sys ${(cpu.system / 1e6).toFixed(2)} s, wall ${((performance.now() - t) / 1000).toFixed(2)} s, extract ${(times.extractMs / 1000).toFixed(2)} s`);
