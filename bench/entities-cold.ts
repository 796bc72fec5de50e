import crypto from 'node:crypto';
import path from 'node:path';
import { bbcArticles } from './bbc-corpus.ts';

// One cold pass of the entity stage alone (findEntities: rules + recogniser + composition) over BBC,
// as the extraction thread first meets it: process CPU of the pass, and a digest of what it found
// (the same digest before and after a speed change says the entities are unchanged).
// npx tsx bench/entities-cold.ts [SRC_ROOT]: SRC_ROOT lets another checkout be measured side by side.
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const { findEntities } = await import(path.join(root, 'src/extract/entities.ts'));
const texts = (await bbcArticles(root)).map((p) => p.text);
const found: unknown[] = [];
const c = process.cpuUsage();
for (const text of texts) found.push(findEntities(text));
const cpu = process.cpuUsage(c);
const h = crypto.createHash('sha256');
const plain = (s: { start: number; end: number }) => [s.start, s.end];
for (const ix of found as { people: { name: string }[]; organizations: { name: string; kind: string }[]; places: { name: string }[]; personSpans: { start: number; end: number }[]; orgSpans: { start: number; end: number }[]; placeSpans: { start: number; end: number }[] }[]) {
  h.update(JSON.stringify([ix.people, ix.organizations, ix.places, ix.personSpans.map(plain), ix.orgSpans.map(plain), ix.placeSpans.map(plain)], (_k, v) => (v instanceof Set ? [...v] : v)));
}
console.log(`findEntities cold over ${texts.length} BBC articles: CPU user ${(cpu.user / 1e6).toFixed(2)} s + sys ${(cpu.system / 1e6).toFixed(2)} s; digest ${h.digest('hex').slice(0, 16)}`);
