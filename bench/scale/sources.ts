import path from 'node:path';
import type { Extraction } from '../../src/extract/types.ts';
import type { ParsedArticle } from '../../src/ingest/types.ts';
import { prepareInOrder } from '../../src/pipeline/prepare.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';

export interface Source {
  origin: string;
  parsed: ParsedArticle;
  extraction: Extraction;
}

/** The corpora the variants are made of: every dated or quote-rich news text of the shared corpus. */
export const CORPUS_FILES = ['reuters21578.jsonl', 'bbc.jsonl', 'polnear-traindev.jsonl'];

/**
 * Parses and extracts each distinct source text once (in a worker thread, as the ingest does); variants
 * are derived from these. Sources that fail to parse or extract are left out, as the ingest would.
 */
export async function extractSources(corpusDir: string, limit: number | null, log: (line: string) => void): Promise<Source[]> {
  const files = CORPUS_FILES.map((f) => path.join(corpusDir, f));
  const times = { parseMs: 0, extractMs: 0 };
  const out: Source[] = [];
  const started = performance.now();
  async function* limited() {
    let n = 0;
    for await (const item of readSources(files)) {
      if (limit !== null && n++ >= limit) return;
      yield item;
    }
  }
  for await (const p of prepareInOrder(limited(), { workers: 1, times })) {
    if (p.kind === 'parsed' && p.extraction) out.push({ origin: p.origin, parsed: p.parsed, extraction: p.extraction });
  }
  log(`extracted ${out.length} distinct sources once in ${((performance.now() - started) / 1000).toFixed(1)} s (parse ${(times.parseMs / 1000).toFixed(1)} s, extract ${(times.extractMs / 1000).toFixed(1)} s of worker time)`);
  return out;
}

const NAME_WORD = /^[A-Z][a-z]+(?:[A-Z][a-z]+)?$/;

/**
 * The words to swap: words of people's names, less those that are also words of place names or common
 * lower-case words ("Brown", "Long"), so that swapping them renames people and nothing else.
 */
export function nameWords(sources: Source[]): string[] {
  const words = new Set<string>();
  const places = new Set<string>();
  for (const { extraction: x } of sources) {
    for (const p of x.people) for (const n of [p.name, ...p.aliases]) for (const w of n.split(/[\s-]+/)) if (NAME_WORD.test(w)) words.add(w);
    for (const p of x.places) for (const n of [p.name, ...p.aliases]) for (const w of n.split(/[\s-]+/)) places.add(w);
  }
  const lower = new Map<string, number>();
  for (const { parsed } of sources) for (const m of parsed.text.matchAll(/\b[a-z]+\b/g)) if (words.has(m[0][0].toUpperCase() + m[0].slice(1))) lower.set(m[0], (lower.get(m[0]) ?? 0) + 1);
  return [...words].filter((w) => !places.has(w) && (lower.get(w.toLowerCase()) ?? 0) < 2).sort();
}
