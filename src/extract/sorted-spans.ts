/**
 * Binary searches over lists in text order (spans, words, tokens, sentences): the one lower bound each
 * stage used to write for itself.
 */

/** Index of the first element starting at or after `at` in a list sorted by start (list.length if none). */
export function firstStartingAt(list: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element whose end is past `at` in a list sorted by end (list.length if none). */
export function firstEndingAfter(list: readonly { end: number }[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
