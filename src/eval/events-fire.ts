import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../config.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { seeded, shuffleInPlace } from '../extract/seeded-random.ts';
import { parseArticle } from '../ingest/parse-article.ts';
import { jsonlRecordToRaw } from '../pipeline/read-sources.ts';
import { sampleEventsDocs } from './events-sample.ts';

/**
 * What the event triggers fire on in unlabelled text, to check a lexicon's precision by reading
 * samples (issue 16): never the events gold's articles, PolNeAR's `train` split only.
 *
 *   npx tsx src/eval/events-fire.ts [--n 300] [--seed 1] [--type ACCUSE] [--show 20]
 *
 * Prints the events per type per 100 articles, then up to --show events of --type (all types
 * without it), each as type/mode, sources → targets, trigger and a short excerpt around it.
 */
const ID: Record<string, string> = { bbc: 'id', reuters: 'newid', polnear: 'doc_id' };
const FILE: Record<string, string> = { bbc: 'bbc.jsonl', reuters: 'reuters21578.jsonl', polnear: 'polnear-traindev.jsonl' };

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

function main(): void {
  const n = Number(arg('n', '300'));
  const seed = Number(arg('seed', '1'));
  const type = arg('type', '');
  const show = Number(arg('show', '20'));
  const dir = corpusDir() ?? '../shared/corpus';
  const gold = new Set(sampleEventsDocs(dir).map((d) => d.doc));
  const records: { doc: string; rec: Record<string, unknown>; file: string }[] = [];
  for (const kind of ['bbc', 'reuters', 'polnear']) {
    const file = path.join(dir, FILE[kind]);
    const all = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((r) => (kind !== 'polnear' || r.split === 'train') && (kind !== 'reuters' || (typeof r.body === 'string' && r.body.trim() !== '')))
      .map((rec) => ({ doc: `${kind}:${String(rec[ID[kind]])}`, rec, file }))
      .filter((r) => !gold.has(r.doc));
    records.push(...shuffleInPlace(all, seeded(seed)).slice(0, Math.ceil(n / 3)));
  }
  const counts = new Map<string, number>();
  const lines: string[] = [];
  for (const { doc, rec, file } of records) {
    const id = doc.slice(doc.indexOf(':') + 1);
    const parsed = parseArticle(jsonlRecordToRaw(rec, `${file}#${id}`, id));
    const x = extractArticle(parsed);
    const name = (a: { name: string }) => a.name;
    for (const e of x.events) {
      const t = e.type ?? 'NONE';
      counts.set(t, (counts.get(t) ?? 0) + 1);
      if (type && t !== type) continue;
      const ev = e.trigger;
      const at = ev ? ev.start : 0;
      const excerpt = parsed.text.slice(Math.max(0, at - 90), at + 110).replace(/\s+/g, ' ');
      lines.push(`${t}/${e.mode ?? '-'} ${(e.sources ?? []).map(name).join(', ') || '-'} → ${(e.targets ?? []).map(name).join(', ') || '-'} [${ev ? parsed.text.slice(ev.start, ev.end) : ''}] ${doc}\n    …${excerpt}…`);
    }
  }
  console.log(`${records.length} articles; events per 100 articles:`);
  for (const [t, c] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${t.padEnd(12)} ${((100 * c) / records.length).toFixed(1)}`);
  for (const l of shuffleInPlace(lines, seeded(seed + 1)).slice(0, show)) console.log(l);
}

main();
