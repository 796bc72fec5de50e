import fs from 'node:fs';

/**
 * Runs of words a repository file shares with the corpus. The guide forbids copying corpus text into the
 * repository (doc ids, offsets and a few words as an anchor are fine): a test reads its sentence from the
 * corpus at run time instead. A run of RUN_WORDS words in a row, compared case-blind on letters and
 * digits only, counts as copied.
 */
export const RUN_WORDS = 10;

export interface CopiedRun {
  file: string;
  /** The file's words that the corpus also has, joined by spaces. */
  words: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function hash32(word: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Two independent 32-bit hashes of each run folded into one safe integer, so false hits are negligible. */
function runKeys(words: string[]): number[] {
  const a = words.map((w) => hash32(w, 2166136261));
  const b = words.map((w) => hash32(w, 0x9747b28c));
  const keys: number[] = [];
  for (let i = 0; i + RUN_WORDS <= words.length; i++) {
    let x = 0;
    let y = 0;
    for (let k = i; k < i + RUN_WORDS; k++) {
      x = Math.imul(x ^ a[k], 0x01000193) >>> 0;
      y = Math.imul(y ^ b[k], 0x5bd1e995) >>> 0;
    }
    keys.push((x & 0x1fffff) * 2 ** 32 + y);
  }
  return keys;
}

/** Every string value of a corpus record but its ids (title, body, text …), one record per line of the JSONL files. */
function* corpusTexts(files: string[]): Generator<string> {
  for (const file of files)
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      // Ids (PolNeAR's doc_id spells out its headline) name an article; naming it is what a test should do.
      for (const [k, v] of Object.entries(record)) if (typeof v === 'string' && v.length > 40 && !/id$/i.test(k)) yield v;
    }
}

/** The runs of `RUN_WORDS` words that the given repository files share with the corpus files. */
export function copiedRuns(repoFiles: { file: string; text: string }[], corpusFiles: string[]): CopiedRun[] {
  const owners = new Map<number, { file: string; at: number; words: string[] }[]>();
  for (const { file, text } of repoFiles) {
    const words = wordsOf(text);
    runKeys(words).forEach((key, at) => {
      const list = owners.get(key);
      if (list) list.push({ file, at, words });
      else owners.set(key, [{ file, at, words }]);
    });
  }
  const hit = new Set<number>();
  for (const text of corpusTexts(corpusFiles)) for (const key of runKeys(wordsOf(text))) if (owners.has(key)) hit.add(key);
  const found = new Map<string, CopiedRun>();
  for (const key of hit)
    for (const { file, at, words } of owners.get(key)!) {
      const run = { file, words: words.slice(at, at + RUN_WORDS).join(' ') };
      found.set(`${file}\u0000${at}`, run);
    }
  return [...found.values()];
}
