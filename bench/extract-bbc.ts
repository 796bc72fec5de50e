import fs from 'node:fs';
import path from 'node:path';
import { bbcArticles } from './bbc-corpus.ts';

// Micro-benchmark of the extract stage over BBC (no database): articles/s of extractArticle, the
// tagger's tokens/s alone, distinct people and organisations, and the most-mentioned people.
// npx tsx bench/extract-bbc.ts [SRC_ROOT]: SRC_ROOT lets an older checkout's src be measured side by side.
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const { extractArticle } = await import(path.join(root, 'src/extract/extract-article.ts'));
const parsed = await bbcArticles(root);
// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
const runs: number[] = [];
const cpu: number[] = [];
let last: ReturnType<typeof extractArticle>[] = [];
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  const c = process.cpuUsage();
  last = parsed.map((p) => extractArticle(p));
  cpu.push(process.cpuUsage(c).user / 1000);
  runs.push(performance.now() - t);
}
const best = Math.min(...runs);
const bestCpu = Math.min(...cpu);
console.log(`extractArticle over ${parsed.length} BBC articles: best of 3 ${(best / 1000).toFixed(2)} s wall = ${((parsed.length * 1000) / best).toFixed(0)} articles/s; best CPU ${(bestCpu / 1000).toFixed(2)} s = ${((parsed.length * 1000) / bestCpu).toFixed(0)} articles/cpu-s (runs ${runs.map((x) => (x / 1000).toFixed(2)).join(', ')} s)`);
const people = new Map<string, number>();
const orgs = new Set<string>();
for (const x of last) {
  for (const p of x.people) people.set(p.name, (people.get(p.name) ?? 0) + p.mentions.length);
  for (const o of x.organizations) orgs.add(o.name);
}
console.log(`distinct people ${people.size}, distinct organisations ${orgs.size}, person mentions ${[...people.values()].reduce((a, b) => a + b, 0)}`);
console.log(`top 20 people by mentions: ${[...people].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20).map(([n, c]) => `${n} (${c})`).join(', ')}`);
const tagger = path.join(root, 'src/extract/ner/index.ts');
if (fs.existsSync(tagger)) {
  const { tagEntities } = await import(tagger);
  const { tokenise } = await import(path.join(root, 'src/extract/ner/tokenise.ts'));
  const tokens = parsed.reduce((n, p) => n + tokenise(p.text).length, 0);
  const t = performance.now();
  const c = process.cpuUsage();
  for (const p of parsed) tagEntities(p.text);
  const cpuMs = process.cpuUsage(c).user / 1000;
  const ms = performance.now() - t;
  console.log(`tagger alone: ${tokens} tokens in ${(ms / 1000).toFixed(2)} s wall = ${Math.round((tokens * 1000) / ms)} tokens/s; CPU ${(cpuMs / 1000).toFixed(2)} s = ${Math.round((tokens * 1000) / cpuMs)} tokens/cpu-s`);
}
