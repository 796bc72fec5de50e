import { GENERAL_TRIGGERS, JUDICIAL_TRIGGERS, TABLE_TRIGGERS } from './lexicon-general.ts';
import { MORE_TRIGGERS, PLOVER_TRIGGERS } from './lexicon-plover.ts';
import { POLITICAL_TRIGGERS } from './lexicon-political.ts';
import type { TriggerEntry } from './trigger.ts';
import { FNV_OFFSET, FNV_PRIME } from '../fnv.ts';

export interface TriggerHit {
  start: number;
  end: number;
  entry: TriggerEntry;
}

const BY_HEAD = new Map<string, TriggerEntry[]>();
for (const e of [...JUDICIAL_TRIGGERS, ...POLITICAL_TRIGGERS, ...GENERAL_TRIGGERS, ...TABLE_TRIGGERS, ...PLOVER_TRIGGERS, ...MORE_TRIGGERS]) {
  // Entries are tried in lexicon order; a pattern must match where its head word starts.
  if (e.re && !e.re.sticky) throw new Error(`trigger pattern ${e.re} must be sticky`);
  for (const h of e.heads) {
    const list = BY_HEAD.get(h) ?? [];
    list.push(e);
    BY_HEAD.set(h, list);
  }
}

/** FNV-1a over the letters of a word folded to lower case: lets the scan skip words without slicing them. */
function foldHash(text: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c | 32 : c), FNV_PRIME);
  }
  return h >>> 0;
}

const HEAD_HASHES = new Set([...BY_HEAD.keys()].map((h) => foldHash(h, 0, h.length)));
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Every trigger in the text, in order: for each head word, every entry whose pattern matches there,
 * in lexicon order. The caller keeps the first whose sentence tests pass, so a word's other sense
 * (a "deal" between governments rather than companies) is read by a later entry.
 * One pass over the characters: a word is hashed as it is read and only looked up when its hash
 * is a head word's, so text without triggers allocates nothing; event finding stays a small
 * share of extraction.
 */
export function findTriggers(text: string): TriggerHit[] {
  const hits: TriggerHit[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && (isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++;
    if (i - start < 2 || !HEAD_HASHES.has(foldHash(text, start, i))) continue;
    const list = BY_HEAD.get(text.slice(start, i).toLowerCase());
    if (!list) continue;
    for (const entry of list) {
      let end = i;
      if (entry.re) {
        entry.re.lastIndex = start;
        const r = entry.re.exec(text);
        if (!r) continue;
        end = start + r[0].length;
      }
      hits.push({ start, end, entry });
    }
  }
  return hits;
}
