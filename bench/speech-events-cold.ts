import path from 'node:path';
import { bbcArticles } from './bbc-corpus.ts';

// CPU of the statement and event stages alone in one cold pass over BBC: sentences and entities are
// found first for every article (untimed), then statements and events article by article, each
// stage timed on its own. npx tsx bench/speech-events-cold.ts [SRC_ROOT] (SRC_ROOT: another checkout).
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const { splitSentences } = await import(path.join(root, 'src/extract/sentences.ts'));
const { findEntities } = await import(path.join(root, 'src/extract/entities.ts'));
const { findStatements } = await import(path.join(root, 'src/extract/statements.ts'));
const { findTypedEvents } = await import(path.join(root, 'src/extract/events/find-events.ts'));
const { settleEventPlaces, placeByArticleCountry } = await import(path.join(root, 'src/extract/events/event-place.ts'));
const { linkStatements } = await import(path.join(root, 'src/extract/statement-links.ts'));
const parsed = await bbcArticles(root);
const prepared = parsed.map((p) => ({ p, sentences: splitSentences(p.text, p.paragraphs), index: findEntities(p.text) }));
const all = process.cpuUsage();
const statementsOf = prepared.map(({ p, sentences, index }) => findStatements(p.text, sentences, p.paragraphs, index, p.dateline));
const speech = process.cpuUsage(all).user;
let n = 0;
for (const [i, { p, sentences, index }] of prepared.entries()) {
  const statements = statementsOf[i];
  const quoted = statements.filter((s: { kind: string }) => s.kind === 'DIRECT').map((s: { start: number; end: number }) => ({ start: s.start, end: s.end }));
  const found = findTypedEvents({ text: p.text, title: p.title, sentences, index, published: p.publishedAt, quoted, statements });
  settleEventPlaces(found, p.text, index, sentences);
  placeByArticleCountry(found, p.text, index, sentences, p.dateline, p.publishedAt);
  linkStatements(statements, found);
  n += statements.length + found.length;
}
const total = process.cpuUsage(all);
const events = total.user - speech;
console.log(`statements ${(speech / 1e6).toFixed(2)} CPU-s, events ${(events / 1e6).toFixed(2)} CPU-s, both ${(total.user / 1e6).toFixed(2)} user + ${(total.system / 1e6).toFixed(2)} sys (${n} statements+events)`);
