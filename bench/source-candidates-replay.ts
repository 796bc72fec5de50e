// Replays every source query of BBC (recorded through statements.ts of SRC_ROOT) through SRC_ROOT's
// sourceContext + sourceCandidates: CPU per pass (6 passes) and a hash of the features.
// npx tsx bench/source-candidates-replay.ts SRC_ROOT [ARTICLES]
import path from 'node:path';
import { bbcArticles } from './bbc-corpus.ts';
const root = path.resolve(process.argv[2]);
const here = path.join(import.meta.dirname, '..');
const { splitSentences } = await import(path.join(here, 'src/extract/sentences.ts'));
const { findEntities } = await import(path.join(here, 'src/extract/entities.ts'));
const { findQuotes } = await import(path.join(here, 'src/extract/speech/quotes.ts'));
const { findStatements, recordSources } = await import(path.join(root, 'src/extract/statements.ts'));
const { sourceContext, sourceCandidates } = await import(path.join(root, 'src/extract/speech/source-candidates.ts'));
const parsed = await bbcArticles(here, Number(process.argv[3] ?? 800));
const prepared = parsed.map((p) => {
  const sentences = splitSentences(p.text, p.paragraphs);
  const index = findEntities(p.text);
  const queries: unknown[] = [];
  recordSources((q: unknown) => queries.push(q));
  findStatements(p.text, sentences, p.paragraphs, index, p.dateline);
  recordSources(null);
  return { text: p.text, sentences, index, quotes: findQuotes(p.text, p.paragraphs).map((q: any) => ({ start: q.start, end: q.end })), queries };
});
const runs: number[] = [];
let n = 0;
let h = 0;
for (let r = 0; r < 6; r++) {
  const c = process.cpuUsage();
  n = 0;
  for (const a of prepared) {
    const ctx = sourceContext(a.text, a.sentences, a.index, a.quotes);
    for (const q of a.queries) for (const cand of sourceCandidates(ctx, q)) { n++; for (const f of cand.features) h = (h * 31 + f) | 0; }
  }
  runs.push(process.cpuUsage(c).user / 1e6);
}
console.log(`candidates ${runs.map((x) => x.toFixed(3)).join(' ')} min ${Math.min(...runs).toFixed(3)} (${n} candidates, ${prepared.reduce((s, a) => s + a.queries.length, 0)} queries, hash ${h})`);
