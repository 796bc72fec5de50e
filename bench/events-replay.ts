import path from 'node:path';
import { bbcArticles } from './bbc-corpus.ts';

// CPU of the event stage alone over BBC, replayed: sentences, entities and statements found first
// (untimed), then findTypedEvents + settleEventPlaces + placeByArticleCountry + linkStatements of
// SRC_ROOT over every article, 5 passes (the first cold). npx tsx bench/events-replay.ts SRC_ROOT
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const { splitSentences } = await import(path.join(root, 'src/extract/sentences.ts'));
const { findEntities } = await import(path.join(root, 'src/extract/entities.ts'));
const { findStatements } = await import(path.join(root, 'src/extract/statements.ts'));
const { findTypedEvents } = await import(path.join(root, 'src/extract/events/find-events.ts'));
const { settleEventPlaces, placeByArticleCountry } = await import(path.join(root, 'src/extract/events/event-place.ts'));
const { linkStatements } = await import(path.join(root, 'src/extract/statement-links.ts'));
const parsed = await bbcArticles(root);
const prepared = parsed.map((p) => {
  const sentences = splitSentences(p.text, p.paragraphs);
  const index = findEntities(p.text);
  const statements = findStatements(p.text, sentences, p.paragraphs, index, p.dateline);
  const quoted = statements.filter((s: { kind: string }) => s.kind === 'DIRECT').map((s: { start: number; end: number }) => ({ start: s.start, end: s.end }));
  return { p, sentences, index, statements, quoted };
});
const runs: number[] = [];
let n = 0;
for (let r = 0; r < 5; r++) {
  const c = process.cpuUsage();
  n = 0;
  for (const { p, sentences, index, statements, quoted } of prepared) {
    const found = findTypedEvents({ text: p.text, title: p.title, sentences, index, published: p.publishedAt, quoted, statements });
    settleEventPlaces(found, p.text, index, sentences);
    placeByArticleCountry(found, p.text, index, sentences, p.dateline, p.publishedAt);
    n += found.length + linkStatements(statements, found).length;
  }
  runs.push(process.cpuUsage(c).user / 1e6);
}
console.log(`events ${runs.map((x) => x.toFixed(3)).join(' ')} cold ${runs[0].toFixed(3)} best warm ${Math.min(...runs.slice(1)).toFixed(3)} CPU-s (${n})`);
