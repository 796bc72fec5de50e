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
  // Signed: a small integer to V8, where an unsigned hash above 2^31 would be a heap number per word.
  return h | 0;
}

/** Head words by their hash: each head with its entries (heads are lower case, ASCII letters and hyphens). */
const BY_HASH = new Map<number, { head: string; entries: TriggerEntry[] }[]>();
for (const [head, entries] of BY_HEAD) {
  const h = foldHash(head, 0, head.length);
  BY_HASH.set(h, [...(BY_HASH.get(h) ?? []), { head, entries }]);
}

/** The low 16 bits of every head's hash as a bitmap: most words are ruled out by one byte, before the map. */
const HEAD_BITS = new Uint8Array(1 << 13);
for (const h of BY_HASH.keys()) HEAD_BITS[(h >>> 3) & 0x1fff] |= 1 << (h & 7);

/** Whether text[from, to) folded to lower case is `head` (what text.slice(from, to).toLowerCase() === head asks of ASCII letters and hyphens). */
function isHead(text: string, from: number, to: number, head: string): boolean {
  if (to - from !== head.length) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90 ? c | 32 : c) !== head.charCodeAt(i - from)) return false;
  }
  return true;
}

/** ASCII letters folded to lower case, and the hyphen, by code; 0 for every other character below 128. */
const FOLD = new Uint8Array(128);
for (let c = 65; c <= 90; c++) FOLD[c] = c | 32;
for (let c = 97; c <= 122; c++) FOLD[c] = c;
FOLD[45] = 45;

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
    let c = text.charCodeAt(i);
    // A word starts at a letter (FOLD: a letter or a hyphen).
    if (c >= 128 || c === 45 || FOLD[c] === 0) {
      i++;
      continue;
    }
    // A word: letters, then letters and hyphens, hashed as it is read (see foldHash).
    const start = i;
    let h = FNV_OFFSET;
    let f = FOLD[c];
    do {
      h = Math.imul(h ^ f, FNV_PRIME);
      c = ++i < n ? text.charCodeAt(i) : 0;
      f = c < 128 ? FOLD[c] : 0;
    } while (f !== 0);
    if (i - start < 2 || !(HEAD_BITS[(h >>> 3) & 0x1fff] & (1 << (h & 7)))) continue;
    const group = BY_HASH.get(h | 0);
    if (!group) continue;
    const list = group.find((g) => isHead(text, start, i, g.head))?.entries;
    if (!list) continue;
    for (const entry of list) {
      let end = i;
      if (entry.re) {
        // A sticky test leaves lastIndex at the match's end: the length without a match array.
        entry.re.lastIndex = start;
        if (!entry.re.test(text)) continue;
        end = entry.re.lastIndex;
      }
      hits.push({ start, end, entry });
    }
  }
  return hits;
}
