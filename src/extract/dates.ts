import type { DatePrecision } from './types.ts';

export interface DateRange {
  start: string;
  end: string;
  precision: DatePrecision;
  /** Offset of the expression in the text it was found in. */
  index: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_RE = 'January|February|March|April|May|June|July|August|September|October|November|December';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const fromDate = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (isoDate: string, n: number) => fromDate(new Date(Date.parse(`${isoDate}T00:00:00Z`) + n * 86400000));

/**
 * Temporal expressions in a sentence, normalised against the publication date. Without a
 * publication date only expressions that carry their own year are resolved: an undated article
 * infers nothing it cannot justify.
 */
// Compiled once (findDates runs for every sentence); each use resets lastIndex. Month names are
// matched case-sensitively except in HALF, so a case-insensitive test for any month name tells when
// none of the four can match.
const HALF = new RegExp(`\\b(first|second) half of (${MONTH_RE})(?: (\\d{4}))?`, 'gi');
const DAY_RANGE = new RegExp(`\\b(${MONTH_RE}) (\\d{1,2})(?:-|–| to )(\\d{1,2})(?:,? (\\d{4}))?`, 'g');
const DAY = new RegExp(`\\b(${MONTH_RE}) (\\d{1,2})(?!\\d|-|–)(?:,? (\\d{4}))?|\\b(\\d{1,2}) (${MONTH_RE})(?:,? (\\d{4}))?`, 'g');
const MONTH = new RegExp(`\\b(?:in|since|until|by|during|early|late|mid-?|from) (${MONTH_RE})(?: (\\d{4}))?\\b(?! \\d{1,2}\\b)`, 'g');
const ANY_MONTH = new RegExp(`(?:${MONTH_RE})`, 'i');

export function findDates(sentence: string, published: string | null): DateRange[] {
  const out: DateRange[] = [];
  const pub = published ? { y: Number(published.slice(0, 4)), m: Number(published.slice(5, 7)), d: Number(published.slice(8, 10)) } : null;
  const yearFor = (explicit: string | undefined) => (explicit ? Number(explicit) : pub?.y ?? null);
  let m: RegExpExecArray | null = null;
  const hasMonth = ANY_MONTH.test(sentence);

  const half = HALF;
  half.lastIndex = 0;
  while (hasMonth && (m = half.exec(sentence))) {
    const y = yearFor(m[3]);
    if (!y) continue;
    const mo = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    const first = m[1].toLowerCase() === 'first';
    out.push({ start: iso(y, mo, first ? 1 : 16), end: iso(y, mo, first ? 15 : lastDay(y, mo)), precision: 'RANGE', index: m.index });
  }
  const dayRange = DAY_RANGE;
  dayRange.lastIndex = 0;
  while (hasMonth && (m = dayRange.exec(sentence))) {
    const y = yearFor(m[4]);
    if (!y) continue;
    const mo = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    out.push({ start: iso(y, mo, Number(m[2])), end: iso(y, mo, Number(m[3])), precision: 'RANGE', index: m.index });
  }
  const day = DAY;
  day.lastIndex = 0;
  while (hasMonth && (m = day.exec(sentence))) {
    if (out.some((o) => o.index === m!.index)) continue;
    const y = yearFor(m[3] ?? m[6]);
    if (!y) continue;
    const mo = MONTHS.indexOf((m[1] ?? m[5]).toLowerCase()) + 1;
    const d = Number(m[2] ?? m[4]);
    if (d < 1 || d > lastDay(y, mo)) continue;
    out.push({ start: iso(y, mo, d), end: iso(y, mo, d), precision: 'DAY', index: m.index });
  }
  const month = MONTH;
  month.lastIndex = 0;
  while (hasMonth && (m = month.exec(sentence))) {
    const y = yearFor(m[2]);
    if (!y) continue;
    const mo = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    // A month after the publication month without a year is last year's in past-tense reporting.
    const year = !m[2] && pub && mo > pub.m ? y - 1 : y;
    if (out.some((o) => Math.abs(o.index - m!.index) < 20)) continue;
    out.push({ start: iso(year, mo, 1), end: iso(year, mo, lastDay(year, mo)), precision: 'MONTH', index: m.index });
  }
  if (pub) {
    const rel: [RegExp, () => [string, string, DatePrecision]][] = [
      [/\blater this month\b/gi, () => [published!, iso(pub.y, pub.m, lastDay(pub.y, pub.m)), 'RANGE']],
      [/\b(?:earlier )?this month\b/gi, () => [iso(pub.y, pub.m, 1), iso(pub.y, pub.m, lastDay(pub.y, pub.m)), 'MONTH']],
      [/\bnext week\b/gi, () => {
        const dow = new Date(`${published}T00:00:00Z`).getUTCDay();
        const monday = addDays(published!, ((8 - dow) % 7) || 7);
        return [monday, addDays(monday, 6), 'RANGE'];
      }],
      [/\bthis week\b/gi, () => {
        const dow = new Date(`${published}T00:00:00Z`).getUTCDay();
        const monday = addDays(published!, -((dow + 6) % 7));
        return [monday, addDays(monday, 6), 'RANGE'];
      }],
      [/\b(?:earlier |later )?this year\b/gi, () => [iso(pub.y, 1, 1), iso(pub.y, 12, 31), 'YEAR']],
      [/\blast year\b/gi, () => [iso(pub.y - 1, 1, 1), iso(pub.y - 1, 12, 31), 'YEAR']],
      [/\byesterday\b/gi, () => [addDays(published!, -1), addDays(published!, -1), 'DAY']],
      [/\btoday\b/gi, () => [published!, published!, 'DAY']],
    ];
    for (const [re, f] of rel) {
      while ((m = re.exec(sentence))) {
        if (out.some((o) => Math.abs(o.index - m!.index) < 6)) continue;
        const [s, e, p] = f();
        out.push({ start: s, end: e, precision: p, index: m.index });
      }
    }
    const wd = /\b(?:on |last |next )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
    while ((m = wd.exec(sentence))) {
      const target = WEEKDAYS.indexOf(m[1].toLowerCase());
      const dow = new Date(`${published}T00:00:00Z`).getUTCDay();
      const forward = /^next /i.test(m[0]);
      const delta = forward ? ((target - dow + 7) % 7) || 7 : -(((dow - target) + 7) % 7);
      const d = addDays(published!, delta);
      out.push({ start: d, end: d, precision: 'DAY', index: m.index });
    }
  }
  const year = /\b(?:in|since|during) (19\d\d|20\d\d)\b(?! \w)/g;
  while ((m = year.exec(sentence))) {
    if (out.some((o) => Math.abs(o.index - m!.index) < 16)) continue;
    const y = Number(m[1]);
    out.push({ start: iso(y, 1, 1), end: iso(y, 12, 31), precision: 'YEAR', index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Narrower ranges are more precise. */
export function spanDays(r: { start: string; end: string }): number {
  return (Date.parse(r.end) - Date.parse(r.start)) / 86400000;
}
