import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir } from '../config.ts';
import { parseArticle } from '../ingest/parse-article.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import { jsonlRecordToRaw } from '../pipeline/read-sources.ts';
import { seeded, shuffleInPlace } from '../extract/seeded-random.ts';
import { decodeArticleBytes } from '../ingest/parse-article.ts';

/**
 * Which articles the events gold (tests/fixtures/events-gold/) covers, reproducibly.
 *
 *   npx tsx src/eval/events-sample.ts        # prints the list, one `part<TAB>doc` a line
 *
 * - BBC (`bbc.jsonl`): every record, sorted by `id` (string order).
 * - Reuters-21578 (`reuters21578.jsonl`): the records with a body (19,043 of 21,578), sorted by
 *   `newid` as a number.
 * - PolNeAR (`polnear-traindev.jsonl`): the `dev` split (84 articles), sorted by `doc_id`. Dev,
 *   not train: the attribution model is trained on `train`, so statement links scored on dev
 *   articles measure statements the model never saw; dev is already the held-out yardstick.
 *
 * Each list is shuffled with its own generator `seeded(SEED)` (mulberry32 + Fisher–Yates from
 * src/extract/seeded-random.ts) and its first 20 are picked. The picks are then interleaved
 * (BBC 1, Reuters 1, PolNeAR 1, BBC 2, …): the first 40 of that order are the development part
 * (14 BBC, 13 Reuters, 13 PolNeAR), the last 20 the check part (6 BBC, 7 Reuters, 7 PolNeAR).
 * The two seed articles (seeds/) come first in the development part, which so has 42 articles.
 *
 * The second development part (`dev2`, issue 16: more, independent development data) continues the
 * same draws: picks 21–27 of each shuffled list (7 BBC, 7 Reuters, 7 PolNeAR), interleaved the same
 * way, so it is disjoint from the first 60 and leaves them exactly as they were.
 *
 * A doc is named `bbc:<id>`, `reuters:<newid>`, `polnear:<doc_id>` or `seed:<file name>`.
 */
export const SEED = 16;
export const PER_CORPUS = 20;
export const DEV_PICKED = 40;
/** Picks per corpus of the second development part, drawn after the first `PER_CORPUS`. */
export const DEV2_PER_CORPUS = 7;

export type Part = 'dev' | 'check' | 'dev2';

export interface SampledDoc {
  doc: string;
  part: Part;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const SEEDS_DIR = path.resolve(here, '../../seeds');

type Rec = Record<string, unknown>;

function readJsonl(file: string): Rec[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Rec);
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function draw(ids: string[]): string[] {
  return shuffleInPlace([...ids], seeded(SEED)).slice(0, PER_CORPUS + DEV2_PER_CORPUS);
}

function interleave(lists: string[][], from: number, to: number): string[] {
  const order: string[] = [];
  for (let i = from; i < to; i++) for (const list of lists) order.push(list[i]);
  return order;
}

/** The ordered list of the gold's articles with their part. */
export function sampleEventsDocs(dir: string = corpusDir() ?? '../shared/corpus', seedsDir: string = SEEDS_DIR): SampledDoc[] {
  const bbc = readJsonl(path.join(dir, 'bbc.jsonl'))
    .map((r) => String(r.id))
    .sort(byString);
  const reuters = readJsonl(path.join(dir, 'reuters21578.jsonl'))
    .filter((r) => typeof r.body === 'string' && r.body.trim() !== '')
    .map((r) => r.newid as number)
    .sort((a, b) => a - b)
    .map(String);
  const polnear = readJsonl(path.join(dir, 'polnear-traindev.jsonl'))
    .filter((r) => r.split === 'dev')
    .map((r) => String(r.doc_id))
    .sort(byString);
  const picks = [draw(bbc).map((id) => `bbc:${id}`), draw(reuters).map((id) => `reuters:${id}`), draw(polnear).map((id) => `polnear:${id}`)];
  const order = interleave(picks, 0, PER_CORPUS);
  const dev2 = interleave(picks, PER_CORPUS, PER_CORPUS + DEV2_PER_CORPUS);
  const seeds = fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort(byString)
    .map((f) => `seed:${f}`);
  return [
    ...seeds.map((doc) => ({ doc, part: 'dev' as Part })),
    ...order.map((doc, i) => ({ doc, part: (i < DEV_PICKED ? 'dev' : 'check') as Part })),
    ...dev2.map((doc) => ({ doc, part: 'dev2' as Part })),
  ];
}

export const CORPUS_FILE: Record<string, string> = { bbc: 'bbc.jsonl', reuters: 'reuters21578.jsonl', polnear: 'polnear-traindev.jsonl' };
export const ID_FIELD: Record<string, string> = { bbc: 'id', reuters: 'newid', polnear: 'doc_id' };

/**
 * The named articles parsed as the service parses them (`jsonlRecordToRaw` → `parseArticle`, or a
 * seed file's bytes → `parseArticle`), so gold offsets point into `ParsedArticle.text`.
 */
export function loadGoldArticles(docs: string[], dir: string = corpusDir() ?? '../shared/corpus', seedsDir: string = SEEDS_DIR): Map<string, ParsedArticle> {
  const out = new Map<string, ParsedArticle>();
  const wanted = new Map<string, Set<string>>();
  for (const d of docs) {
    const at = d.indexOf(':');
    const kind = d.slice(0, at);
    const id = d.slice(at + 1);
    if (kind === 'seed') {
      const file = path.join(seedsDir, id);
      out.set(d, parseArticle({ raw: decodeArticleBytes(fs.readFileSync(file), file), origin: file }));
    } else if (CORPUS_FILE[kind]) {
      if (!wanted.has(kind)) wanted.set(kind, new Set());
      wanted.get(kind)!.add(id);
    } else throw new Error(`unknown doc name ${d}`);
  }
  for (const [kind, ids] of wanted) {
    const file = path.join(dir, CORPUS_FILE[kind]);
    for (const r of readJsonl(file)) {
      const id = String(r[ID_FIELD[kind]]);
      if (!ids.has(id)) continue;
      out.set(`${kind}:${id}`, parseArticle(jsonlRecordToRaw(r, `${file}#${id}`, id)));
    }
  }
  const missing = docs.filter((d) => !out.has(d));
  if (missing.length) throw new Error(`articles not found: ${missing.join(', ')}`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const d of sampleEventsDocs()) console.log(`${d.part}\t${d.doc}`);
}
