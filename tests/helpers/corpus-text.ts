import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../../src/config.ts';
import { CORPUS_FILE, ID_FIELD } from '../../src/eval/events-sample.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import type { ParsedArticle } from '../../src/ingest/types.ts';
import { jsonlRecordToRaw } from '../../src/pipeline/read-sources.ts';

// Real article text for extraction tests, read from the shared corpus at run time: the repository may
// name an article and quote a few words of it as anchors, never copy its sentences (tests/repo/no-corpus-text.test.ts).
// Suites using these run under describeWithCorpus (tests/helpers/corpus.ts).

const records = new Map<string, Map<string, Record<string, unknown>>>();
const articles = new Map<string, ParsedArticle>();

function recordsOf(kind: string): Map<string, Record<string, unknown>> {
  let byId = records.get(kind);
  if (byId) return byId;
  const dir = corpusDir();
  if (!dir || !CORPUS_FILE[kind]) throw new Error(`corpusText: no corpus for "${kind}" (NEWSGRAPH_CORPUS_DIR or ../shared/corpus)`);
  byId = new Map();
  for (const line of fs.readFileSync(path.join(dir, CORPUS_FILE[kind]), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Record<string, unknown>;
    byId.set(String(r[ID_FIELD[kind]]), r);
  }
  records.set(kind, byId);
  return byId;
}

/**
 * A corpus article parsed as the service parses it, by the name the events gold uses: `bbc:<id>`
 * ("bbc:business/001"), `reuters:<newid>` or `polnear:<doc_id>`.
 */
export function corpusArticle(doc: string): ParsedArticle {
  const cached = articles.get(doc);
  if (cached) return cached;
  const at = doc.indexOf(':');
  const kind = doc.slice(0, at);
  const id = doc.slice(at + 1);
  const record = recordsOf(kind).get(id);
  if (!record) throw new Error(`corpusText: no article ${doc}`);
  const article = parseArticle(jsonlRecordToRaw(record, `${CORPUS_FILE[kind]}#${id}`, id));
  articles.set(doc, article);
  return article;
}

/**
 * The parsed text of `doc` from the first `from` on to the end of the first `to` after it: a passage
 * named by its first and last words. Throws when either anchor is missing, so a test never runs on
 * the wrong words.
 */
export function corpusText(doc: string, from: string, to: string): string {
  const text = corpusArticle(doc).text;
  const start = text.indexOf(from);
  if (start < 0) throw new Error(`corpusText: "${from}" is not in ${doc}`);
  const last = text.indexOf(to, start + from.length - Math.min(from.length, to.length));
  if (last < 0) throw new Error(`corpusText: "${to}" does not follow "${from}" in ${doc}`);
  return text.slice(start, last + to.length);
}
