/** How one variant changes text: names swapped, years shifted, other numbers scaled. */
export interface VariantChange {
  swap: Map<string, string>;
  yearShift: number;
  /** Numbers other than years and small integers (days, counts of a few) are multiplied by it. */
  numberFactor: number;
}

/** A rewritten string and where each old offset went. */
export interface Rewritten {
  text: string;
  at(offset: number): number;
}

interface Replacement {
  start: number;
  end: number;
  newStart: number;
  newEnd: number;
}

// A capitalised word (McDonald too), or a number not glued to a word before it (G7, 3M stay).
const TOKEN = /\b[A-Z][a-z]+(?:[A-Z][a-z]+)?\b|(?<![A-Za-z\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)/g;

export const isYear = (s: string) => /^(1[89]\d\d|20\d\d)$/.test(s);

function scaled(number: string, factor: number): string {
  if (/^0\d/.test(number)) return number;
  const [whole, fraction = ''] = number.split('.');
  const value = Number(whole.replace(/,/g, '') + (fraction ? `.${fraction}` : ''));
  if (!fraction && value <= 31) return number;
  const next = (value * factor).toFixed(fraction.length);
  if (!whole.includes(',')) return next;
  const [w, f] = next.split('.');
  return `${w.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
}

function replacementFor(token: string, change: VariantChange): string | undefined {
  if (/^[A-Z]/.test(token)) return change.swap.get(token);
  if (isYear(token)) return String(Number(token) + change.yearShift);
  return change.numberFactor === 1 ? undefined : scaled(token, change.numberFactor);
}

/** Rewrites `text` token by token; `at` maps an offset of the old text to the new (span ends stay ends). */
export function rewrite(text: string, change: VariantChange): Rewritten {
  const done: Replacement[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const next = replacementFor(m[0], change);
    if (next === undefined || next === m[0]) continue;
    out += text.slice(last, m.index);
    const newStart = out.length;
    out += next;
    done.push({ start: m.index!, end: m.index! + m[0].length, newStart, newEnd: out.length });
    last = m.index! + m[0].length;
  }
  if (done.length === 0) return { text, at: (offset) => offset };
  out += text.slice(last);
  return { text: out, at: (offset) => mapOffset(done, offset) };
}

function mapOffset(done: Replacement[], offset: number): number {
  // The last replacement starting before the offset.
  let lo = 0;
  let hi = done.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (done[mid].start < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return offset;
  const r = done[found];
  if (offset < r.end) return r.newStart + Math.min(offset - r.start, r.newEnd - r.newStart);
  return offset + (r.newEnd - r.end);
}

/** Only the rewritten text. */
export const rewriteString = (s: string, change: VariantChange) => rewrite(s, change).text;
