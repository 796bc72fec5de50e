import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../src/config.ts';
import { extractArticle } from '../src/extract/extract-article.ts';
import { splitSentences } from '../src/extract/sentences.ts';
import { seeded, shuffleInPlace } from '../src/extract/seeded-random.ts';
import { parseArticle } from '../src/ingest/parse-article.ts';
import { jsonlRecordToRaw } from '../src/pipeline/read-sources.ts';
import { sampleEventsDocs } from '../src/eval/events-sample.ts';

// npx tsx scripts/events-wording.ts --re 'REGEX' [--corpus bbc,reuters,polnear] [--n 60] [--seed 1] [--articles 400] [--miss TYPE]:
// a wording's sentences in unlabelled train text (never the events gold's articles; PolNeAR train only),
// each with the events extracted in it, to write a rule from many sentences rather than one article.
// With --miss TYPE only sentences holding no event of TYPE are shown.
const ID: Record<string, string> = { bbc: 'id', reuters: 'newid', polnear: 'doc_id' };
const FILE: Record<string, string> = { bbc: 'bbc.jsonl', reuters: 'reuters21578.jsonl', polnear: 'polnear-traindev.jsonl' };
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const re = new RegExp(arg('re', 'x^'), 'i');
const corpora = arg('corpus', 'bbc,reuters,polnear').split(',');
const show = Number(arg('n', '60'));
const maxArticles = Number(arg('articles', '600'));
const miss = arg('miss', '');
const dir = corpusDir() ?? '../shared/corpus';
const gold = new Set(sampleEventsDocs(dir).map((d) => d.doc));
const out: string[] = [];
let sentencesSeen = 0;
for (const kind of corpora) {
  const file = path.join(dir, FILE[kind]);
  const recs = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && re.test(l))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => (kind !== 'polnear' || r.split === 'train') && typeof (r.body ?? r.text) === 'string')
    .map((rec) => ({ doc: `${kind}:${String(rec[ID[kind]])}`, rec }))
    .filter((r) => !gold.has(r.doc));
  for (const { doc, rec } of shuffleInPlace(recs, seeded(Number(arg('seed', '1')))).slice(0, maxArticles)) {
    const id = doc.slice(doc.indexOf(':') + 1);
    const parsed = parseArticle(jsonlRecordToRaw(rec, `${file}#${id}`, id));
    const sentences = splitSentences(parsed.text, parsed.paragraphs).filter((s) => re.test(s.text));
    if (!sentences.length) continue;
    const x = extractArticle(parsed);
    for (const s of sentences) {
      sentencesSeen++;
      const evs = x.events.filter((e) => e.trigger && e.trigger.start >= s.start && e.trigger.start < s.end);
      if (miss && evs.some((e) => e.type === miss)) continue;
      const name = (a: { name: string }) => a.name;
      const ev = evs.map((e) => `${e.type}/${e.mode ?? '-'} ${(e.sources ?? []).map(name).join(', ') || '-'} → ${(e.targets ?? []).map(name).join(', ') || '-'} [${parsed.text.slice(e.trigger!.start, e.trigger!.end)}]`).join(' ; ');
      out.push(`${doc}: ${s.text.replace(/\s+/g, ' ').slice(0, 320)}\n    => ${ev || '(none)'}`);
    }
  }
}
console.log(`${sentencesSeen} sentences match; showing ${Math.min(show, out.length)} of ${out.length}`);
for (const l of shuffleInPlace(out, seeded(7)).slice(0, show)) console.log(l);
