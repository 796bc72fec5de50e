import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../src/config.ts';
import type { ParsedArticle, RawArticle } from '../src/ingest/types.ts';

// BBC as the extraction benchmarks read it: the shared corpus's records (NEWSGRAPH_CORPUS_DIR or
// ../shared/corpus), made into articles by the reader and parser of `root` — this checkout, or another
// one measured side by side — with the origins bbc:0, bbc:1, … that the digests hash.

function bbcLines(limit = Infinity): string[] {
  const file = path.join(corpusDir() ?? '../shared/corpus', 'bbc.jsonl');
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).slice(0, limit);
}

/** The first `limit` BBC records as raw articles, by `root`'s reader. */
export async function bbcRawArticles(root: string, limit?: number): Promise<RawArticle[]> {
  const { jsonlRecordToRaw } = await import(path.join(root, 'src/pipeline/read-sources.ts'));
  return bbcLines(limit).map((l, i) => jsonlRecordToRaw(JSON.parse(l), `bbc:${i}`));
}

/** The first `limit` BBC records parsed, by `root`'s reader and parser. */
export async function bbcArticles(root: string, limit?: number): Promise<ParsedArticle[]> {
  const { parseArticle } = await import(path.join(root, 'src/ingest/parse-article.ts'));
  return (await bbcRawArticles(root, limit)).map((raw) => parseArticle(raw));
}
