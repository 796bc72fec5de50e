/**
 * Runs parse → extract → resolve (no database) over corpus files and prints per-stage time and a
 * SHA-256 digest of every stage's output. Perf-only changes to src/ingest, src/extract or
 * src/resolve must leave the digest unchanged:
 *   npx tsx bench/stage-digest.ts [files...] (default: BBC + Reuters from the shared corpus)
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { corpusDir } from '../src/config.ts';
import { extractArticle } from '../src/extract/extract-article.ts';
import { parseArticle } from '../src/ingest/parse-article.ts';
import { readSources } from '../src/pipeline/read-sources.ts';
import { addToIndex, emptyIndex, resolveExtraction } from '../src/resolve/resolve-extraction.ts';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const limit = Number(process.argv.find((a) => a.startsWith('--limit='))?.slice(8) ?? Infinity);
const dir = corpusDir() ?? '/work/shared/corpus';
const inputs = files.length ? files : [path.join(dir, 'bbc.jsonl'), path.join(dir, 'reuters21578.jsonl')];

const hash = { parse: createHash('sha256'), extract: createHash('sha256'), resolve: createHash('sha256') };
const ms = { parse: 0, extract: 0, resolve: 0 };
const index = emptyIndex();
let n = 0;
let failed = 0;
for await (const item of readSources(inputs)) {
  if (n >= limit) break;
  if (!item.ok) continue;
  n++;
  try {
    let t = performance.now();
    const parsed = parseArticle(item.article);
    ms.parse += performance.now() - t;
    hash.parse.update(JSON.stringify(parsed));
    t = performance.now();
    const extraction = extractArticle(parsed);
    ms.extract += performance.now() - t;
    hash.extract.update(JSON.stringify(extraction));
    t = performance.now();
    const resolved = resolveExtraction(extraction, index);
    addToIndex(index, resolved);
    ms.resolve += performance.now() - t;
    hash.resolve.update(JSON.stringify(resolved));
  } catch (error) {
    failed++;
    hash.parse.update(`error:${(error as Error).message}`);
  }
}
console.log(`${n} articles (${failed} failed)`);
for (const k of ['parse', 'extract', 'resolve'] as const) console.log(`${k.padEnd(8)} ${(ms[k] / 1000).toFixed(2)} s  ${hash[k].digest('hex').slice(0, 16)}`);
console.log(`index: ${index.people.size} people, ${index.organizations.size} orgs, ${index.places.size} places`);
