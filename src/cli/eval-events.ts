import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventsResult, eventsTable, goldProblems, predictedFromExtraction, scoreEventsDocument, type GoldFile } from '../eval/events.ts';
import { loadGoldArticles } from '../eval/events-sample.ts';
import { extractArticle } from '../extract/extract-article.ts';
import { corpusDir } from '../config.ts';
import { eventMerges, type MergeReport } from '../eval/event-merges.ts';

// npm run eval:events [-- FILE] [--part dev|dev2|check|all] [--verbose]: the extraction's typed events
// (parseArticle → extractArticle) scored against the events gold (tests/fixtures/events-gold/, see
// its README and src/eval/events.ts for the matching rule). Without FILE the gold of --part (default
// dev; dev2 is the second development part; all is dev + dev2 + check); with FILE that file (--part must then name its part, if given). The articles come from the
// shared corpus (NEWSGRAPH_CORPUS_DIR or ../shared/corpus) and seeds/. Then, unless --no-merges, the
// cross-article merges of events over all of BBC and Reuters (src/eval/event-merges.ts; about a minute):
// merged events, and those two of whose articles share no party (must be 0). The last line is one
// JSON object: {"docs","part","events":{"p","r","f1"},"mode","date","datePrecision","place","statements","merges"}.
const GOLD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/events-gold');

function main(): void {
  const args = process.argv.slice(2);
  const partAt = args.indexOf('--part');
  const part = partAt >= 0 ? args[partAt + 1] : undefined;
  const verbose = args.includes('--verbose');
  const file = args.find((a, i) => !a.startsWith('--') && (partAt < 0 || i !== partAt + 1));
  if (part !== undefined && !['dev', 'dev2', 'check', 'all'].includes(part)) {
    console.error(`eval:events: --part must be dev, dev2, check or all, not ${part}`);
    process.exit(2);
  }
  const files = file ? [file] : (part ?? 'dev') === 'all' ? ['dev', 'dev2', 'check'].map((p) => path.join(GOLD_DIR, `${p}.json`)) : [path.join(GOLD_DIR, `${part ?? 'dev'}.json`)];
  const golds: GoldFile[] = [];
  for (const f of files) {
    if (!fs.existsSync(f)) {
      console.error(`eval:events: no such file ${f}`);
      process.exit(2);
    }
    const gold = JSON.parse(fs.readFileSync(f, 'utf8')) as GoldFile;
    if (file && part && part !== 'all' && gold.part !== part) {
      console.error(`eval:events: ${f} is the ${gold.part} part, not ${part}`);
      process.exit(2);
    }
    golds.push(gold);
  }
  const docs = golds.flatMap((g) => g.docs);
  const label = file ? golds[0].part : (part ?? 'dev');
  let articles;
  try {
    articles = loadGoldArticles(docs.map((d) => d.doc));
  } catch (error) {
    console.error(`eval:events: cannot read the gold's articles (${(error as Error).message}); the corpus is read from NEWSGRAPH_CORPUS_DIR or ../shared/corpus`);
    process.exit(2);
  }
  const problems = golds.flatMap((g) => goldProblems(g, articles));
  for (const p of problems) console.error(`gold problem: ${p}`);
  const predicted = new Map(docs.map((d) => [d.doc, predictedFromExtraction(extractArticle(articles.get(d.doc)!))]));
  const scores = docs.map((d) => scoreEventsDocument(d, predicted.get(d.doc)!, articles.get(d.doc)!));
  console.log(`Events evaluation of ${files.map((f) => path.relative(process.cwd(), f)).join(' + ')} (part ${label}: ${docs.length} articles); an event matches on type plus a gold source and a gold target actor`);
  for (const l of eventsTable(scores)) console.log(l);
  const anyRoleScores = docs.map((d) => scoreEventsDocument(d, predicted.get(d.doc)!, articles.get(d.doc)!, 'any-role'));
  const anyRole = eventsResult(anyRoleScores, label).events;
  console.log(`  diagnostic, roles ignored (type + any gold actor in any role): P ${anyRole.p.toFixed(3)} R ${anyRole.r.toFixed(3)} F1 ${anyRole.f1.toFixed(3)}`);
  if (verbose) {
    for (const s of scores) {
      // A miss the role-blind rule pairs with a prediction is a who-is-who error, not a missing trigger: say whom it read.
      const roleBlind = anyRoleScores.find((x) => x.doc === s.doc)!.pairs;
      const names = (list: { name: string }[]) => list.map((a) => a.name).join(', ') || '-';
      for (const m of s.missed) {
        const near = roleBlind.find((x) => x.gold === m)?.predicted;
        console.log(`  missed   ${s.doc} ${m.type}${m.mode ? `/${m.mode}` : ''} ${m.sources.join(', ') || '-'} → ${m.targets.join(', ') || '-'} "${m.trigger.text}"${near ? `  [roles: read ${names(near.sources)} → ${names(near.targets)}]` : ''}`);
      }
      const text = articles.get(s.doc)!.text;
      for (const p of s.spurious) console.log(`  spurious ${s.doc} ${p.type}${p.mode ? `/${p.mode}` : ''} ${p.sources.map((a) => a.name).join(', ') || '-'} → ${p.targets.map((a) => a.name).join(', ') || '-'}${p.mentions[0] ? ` "${text.slice(p.mentions[0].start, p.mentions[0].end)}"` : ''}`);
    }
  }
  let merges: MergeReport | undefined;
  if (!args.includes('--no-merges')) {
    const dir = corpusDir() ?? '../shared/corpus';
    const t = performance.now();
    merges = eventMerges(['bbc.jsonl', 'reuters21578.jsonl'].map((f) => path.join(dir, f)));
    console.log(`  merges across articles (BBC + Reuters, ${merges.articles} articles, ${((performance.now() - t) / 1000).toFixed(0)} s): ${merges.events} events, ${merges.merged} reported by 2+ articles, ${merges.unrelated} of them with two articles sharing no party`);
    for (const x of merges.examples) console.log(`    unrelated: ${x.key} ${x.parties.map((p) => `[${p.join(', ')}]`).join(' ')}`);
  }
  const { articles: _, examples: __, ...mergeCounts } = merges ?? { articles: 0, examples: [] };
  console.log(JSON.stringify({ ...eventsResult(scores, label), ...(merges ? { merges: mergeCounts } : {}) }));
}

main();
