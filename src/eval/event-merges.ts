import fs from 'node:fs';
import path from 'node:path';
import { extractArticle } from '../extract/extract-article.ts';
import { parseArticle } from '../ingest/parse-article.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import { jsonlRecordToRaw } from '../pipeline/read-sources.ts';
import { normaliseName } from './events.ts';
import { addToIndex, emptyIndex, resolveExtraction } from '../resolve/resolve-extraction.ts';
import { eventOf } from '../resolve/events.ts';

/**
 * Cross-article merges of events over whole corpora, resolved as the pipeline resolves them (each
 * article against the accounts of all before it; an event is the group its accounts' keys end in,
 * and one key in two articles is one row). A merged event is reported by two or more articles; it is
 * unrelated when two of them share no party (person, organisation or group, by name normalised as the
 * scorer does: case, accents, punctuation, a leading "the" — "Salomon Brothers Inc." is "Salomon Brothers Inc").
 */
export interface MergeReport {
  articles: number;
  events: number;
  merged: number;
  /** Merged events two of whose articles share no party: must be 0. */
  unrelated: number;
  examples: { key: string; parties: string[][] }[];
}

/** Readable records of a JSONL corpus file, parsed as the service parses them (identical texts once). */
function* corpusArticles(file: string) {
  const seen = new Set<string>();
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const r = JSON.parse(lines[i]) as Record<string, unknown>;
    let parsed;
    try {
      parsed = parseArticle(jsonlRecordToRaw(r, `${path.basename(file)}#${i}`));
    } catch {
      continue; // no body: the pipeline refuses it too
    }
    const content = `${parsed.title}\n${parsed.text}`;
    if (seen.has(content)) continue;
    seen.add(content);
    yield parsed;
  }
}

export function eventMerges(files: string[]): MergeReport {
  return eventMergesOf(files.flatMap((f) => [...corpusArticles(f)]));
}

/** The same over articles already parsed, in the order given. */
export function eventMergesOf(articles: Iterable<ParsedArticle>): MergeReport {
  const index = emptyIndex();
  // Per article, its events' keys (as resolved then) and each event's parties.
  const accounts: { key: string; parties: Set<string> }[][] = [];
  {
    for (const parsed of articles) {
      const resolved = resolveExtraction(extractArticle(parsed), index);
      addToIndex(index, resolved);
      const byKey = new Map<string, Set<string>>();
      for (const e of resolved.events) {
        const set = byKey.get(e.key) ?? new Set<string>();
        for (const a of [...(e.sources ?? []), ...(e.targets ?? [])]) set.add(normaliseName(a.name));
        byKey.set(e.key, set);
      }
      accounts.push([...byKey].map(([key, parties]) => ({ key, parties })));
    }
  }
  const events = new Map<string, Set<string>[]>();
  for (const article of accounts) {
    for (const { key, parties } of article) {
      const k = eventOf(index.events, key);
      events.set(k, [...(events.get(k) ?? []), parties]);
    }
  }
  const merged = [...events].filter(([, list]) => list.length > 1);
  const unrelated = merged.filter(([, list]) => list.some((a, i) => list.slice(i + 1).some((b) => ![...a].some((x) => b.has(x)))));
  return {
    articles: accounts.length,
    events: events.size,
    merged: merged.length,
    unrelated: unrelated.length,
    examples: unrelated.slice(0, 5).map(([key, list]) => ({ key, parties: list.map((s) => [...s].sort()) })),
  };
}
