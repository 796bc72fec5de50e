import { GENERAL_TRIGGERS, TABLE_TRIGGERS } from './lexicon-general.ts';
import { POLITICAL_TRIGGERS } from './lexicon-political.ts';
import type { TriggerEntry } from './trigger.ts';

export interface TriggerHit {
  start: number;
  end: number;
  entry: TriggerEntry;
}

const BY_HEAD = new Map<string, TriggerEntry[]>();
for (const e of [...POLITICAL_TRIGGERS, ...GENERAL_TRIGGERS, ...TABLE_TRIGGERS]) {
  // Entries are tried in lexicon order; a pattern must match where its head word starts.
  if (e.re && !e.re.sticky) throw new Error(`trigger pattern ${e.re} must be sticky`);
  for (const h of e.heads) {
    const list = BY_HEAD.get(h) ?? [];
    list.push(e);
    BY_HEAD.set(h, list);
  }
}

const WORD = /[A-Za-z][A-Za-z-]*/g;

/**
 * Every trigger in the text, in order, one per head word (the first entry that matches wins).
 * One pass over the words with a map look-up: sentences without a head word cost nothing more,
 * which keeps event finding a small share of extraction.
 */
export function findTriggers(text: string): TriggerHit[] {
  const hits: TriggerHit[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const list = BY_HEAD.get(m[0].toLowerCase());
    if (!list) continue;
    for (const entry of list) {
      let end = m.index + m[0].length;
      if (entry.re) {
        entry.re.lastIndex = m.index;
        const r = entry.re.exec(text);
        if (!r) continue;
        end = m.index + r[0].length;
      }
      hits.push({ start: m.index, end, entry });
      break;
    }
  }
  return hits;
}
