import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeMatches, predictedFromExtraction, scoreEventsDocument, statementCovered, type GoldFile } from '../src/eval/events.ts';
import { loadGoldArticles } from '../src/eval/events-sample.ts';
import { extractArticle } from '../src/extract/extract-article.ts';
import { splitSentences } from '../src/extract/sentences.ts';

// npx tsx scripts/events-errors.ts [--part dev|dev2] [--place] [--dates]: error analysis on one of the
// events gold's DEVELOPMENT parts (dev, the default, or dev2; never the check part): each gold event
// missed and each predicted event left unmatched, with type, actors, trigger and the sentence holding
// it; with --place the matched pairs whose place disagrees, with --dates those whose date disagrees.
// Ends with counts by type.
const args = process.argv.slice(2);
const partAt = args.indexOf('--part');
const part = partAt >= 0 ? args[partAt + 1] : 'dev';
if (part !== 'dev' && part !== 'dev2') throw new Error('events-errors reads a development part only (dev or dev2)');
const GOLD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), `../tests/fixtures/events-gold/${part}.json`);
const gold = JSON.parse(fs.readFileSync(GOLD, 'utf8')) as GoldFile;
if (gold.part !== part) throw new Error(`${GOLD} is not the ${part} part`);
const articles = loadGoldArticles(gold.docs.map((d) => d.doc));
const missedBy = new Map<string, number>();
const spuriousBy = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const clip = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 300);
for (const d of gold.docs) {
  const article = articles.get(d.doc)!;
  const extraction = extractArticle(article);
  const predicted = predictedFromExtraction(extraction);
  const s = scoreEventsDocument(d, predicted, article);
  const sentences = splitSentences(article.text, article.paragraphs);
  const sentenceAt = (at: number) => sentences.find((x) => x.start <= at && at < x.end)?.text ?? '';
  const names = (l: { name: string }[]) => l.map((a) => a.name).join(', ') || '-';
  for (const m of s.missed) {
    bump(missedBy, m.type);
    console.log(`MISSED   ${d.doc} ${m.type}${m.mode ? `/${m.mode}` : ''} ${m.sources.join(', ') || '-'} → ${m.targets.join(', ') || '-'} "${m.trigger.text}"\n    | ${clip(sentenceAt(m.trigger.start))}`);
  }
  for (const p of s.spurious) {
    bump(spuriousBy, p.type);
    const at = p.mentions[0];
    console.log(`SPURIOUS ${d.doc} ${p.type}${p.mode ? `/${p.mode}` : ''} ${names(p.sources)} → ${names(p.targets)} "${at ? article.text.slice(at.start, at.end) : ''}"\n    | ${at ? clip(sentenceAt(at.start)) : ''}`);
  }
  for (const { gold: g, predicted: p } of s.pairs) {
    if (args.includes('--place') && g.place && !placeMatches(g.place, p.place)) console.log(`PLACE    ${d.doc} ${g.type} "${g.trigger.text}" gold ${g.place} read ${p.place?.name ?? '-'}\n    | ${clip(sentenceAt(g.trigger.start))}`);
    if (args.includes('--links')) {
      const all = extraction.statements.map((x) => ({ start: x.start, end: x.end }));
      const evSentences = new Set(p.mentions.map((m) => sentenceAt(m.start)));
      for (const st of g.statements) {
        if (statementCovered(st, p.statements)) continue;
        const extracted = statementCovered(st, all);
        const same = evSentences.has(sentenceAt(st.start));
        console.log(`LINK     ${d.doc} ${g.type} "${g.trigger.text}" ${extracted ? 'extracted' : 'NOT-EXTRACTED'} ${same ? 'same-sentence' : 'other-sentence'} | ${clip(article.text.slice(st.start, st.end))}`);
      }
    }
    if (args.includes('--links')) {
      for (const st of p.statements) if (!statementCovered(st, g.statements)) console.log(`WRONGLINK ${d.doc} ${g.type} "${g.trigger.text}" | ${clip(article.text.slice(st.start, st.end))}`);
    }
    if (args.includes('--dates') && g.date && JSON.stringify(g.date) !== JSON.stringify(p.date)) console.log(`DATE     ${d.doc} ${g.type} "${g.trigger.text}" gold ${JSON.stringify(g.date)} read ${JSON.stringify(p.date)}`);
  }
}
const table = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
console.log(`\nmissed by type: ${table(missedBy)}\nspurious by type: ${table(spuriousBy)}`);
