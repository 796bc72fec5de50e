import type { DatePrecision, YearlessDate } from './types.ts';

export type { YearlessDate };

export interface DateRange {
  start: string;
  end: string;
  precision: DatePrecision;
  /** Offset of the expression in the text it was found in. */
  index: number;
  /**
   * A month or day an undated article names without a year ("in February"): `start`/`end` then carry
   * the leap year 2000 as a stand-in, compare only with each other, and are stored as `--MM` or
   * `--MM-DD` (ISO 8601's yearless forms) for resolve to place in a year other reports give.
   */
  yearless?: boolean;
}

/** Placeholder year of yearless dates: a leap year, so 29 February fits. */
const NO_YEAR = 2000;

export function yearlessForm(r: DateRange): YearlessDate {
  return { precision: r.precision, start: `-${r.start.slice(4)}`, end: `-${r.end.slice(4)}` };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_RE = 'January|February|March|April|May|June|July|August|September|October|November|December';
// AP style abbreviates the long months before a day ("Nov. 11, 2014", "Sept. 26", "Aug. 29"): a day's month may be either.
const DAY_MONTH_RE = `${MONTH_RE}|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.`;
/** A month's number (1–12) from its name or abbreviation. */
const monthNumber = (name: string) => MONTHS.findIndex((x) => x.startsWith(name.slice(0, 3).toLowerCase())) + 1;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** The number of days of month `m` (1–12) of year `y`. */
export const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const fromDate = (d: Date) => d.toISOString().slice(0, 10);
const shiftMonths = (p: { y: number; m: number; d: number }, n: number) => {
  const t = p.y * 12 + p.m - 1 + n;
  const [y, m] = [Math.floor(t / 12), (t % 12) + 1];
  return iso(y, m, Math.min(p.d, lastDay(y, m)));
};
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
const DAY_RANGE = new RegExp(`\\b(${DAY_MONTH_RE}) (\\d{1,2})(?:-|–| to | and )(\\d{1,2})(?:,? (\\d{4}))?`, 'g');
const DAY = new RegExp(`\\b(${DAY_MONTH_RE}) (\\d{1,2})(?!\\d|-|–)(?:,? (\\d{4}))?|\\b(\\d{1,2}) (${MONTH_RE})(?:,? (\\d{4}))?`, 'g');
// The preposition may open the sentence ("In July, …").
// A determiner makes the month a modifier: "its July summit", "the May elections" (not "the May 5 vote").
const MONTH = new RegExp(`\\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Ff]rom|[Ii]ts|[Tt]heir|[Tt]he|[Hh]is|[Hh]er) (${MONTH_RE})(?: (\\d{4}))?\\b(?! \\d{1,2}\\b)`, 'g');
// "by the end of March": on or before its last day; a deadline ahead ("would … by the end of March")
// is the next such month.
const END_OF = new RegExp(`\\bby the end of (${MONTH_RE})(?: (\\d{4}))?\\b`, 'g');
const AHEAD = /\b(?:will|would|shall|'ll|is to|are to|plans? to|aims? to|intends? to|expects? to|due to)\b/i;
// "more than a year ago": on or before that day.
const AGO = /\b(?:more than|over) (a|an|one|two|three|four|five|six|\d+) (year|month|week|day)s? ago\b/gi;
const COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const ANY_MONTH = new RegExp(`(?:${DAY_MONTH_RE})`, 'i');

/** Words before or right after a weekday that put it ahead of the report. */
const AHEAD_BEFORE = /\b(?:will|shall|'ll|is to|are to|is due|are due|due to|scheduled|set to|expected to|plans? to|leaves|begins|starts|opens|arrives)\b[^.,;]*$/i;
// "Monday's debate in New York will be …": the words between may be a place's.
const AHEAD_AFTER = /^(?:'s|’s)?\s+(?:[\w.-]+\s+){0,4}?(?:will|is to|is due|is scheduled)\b/i;
// "Duffy is on a two-day visit to Malaysia": under way on the report's day, so it began at most n-1 days
// before it and ends at most n-1 days after it.
const UNDER_WAY_DAYS = /\b(?:is|are) on an? (two|three|four|five|six|seven|\d)-day (?:visit|trip|tour|mission|stay)\b/gi;

export function findDates(sentence: string, published: string | null): DateRange[] {
  const out: DateRange[] = [];
  const pub = published ? { y: Number(published.slice(0, 4)), m: Number(published.slice(5, 7)), d: Number(published.slice(8, 10)) } : null;
  const yearFor = (explicit: string | undefined) => (explicit ? Number(explicit) : pub?.y ?? null);
  let m: RegExpExecArray | null = null;
  const hasMonth = ANY_MONTH.test(sentence);

  const half = HALF;
  half.lastIndex = 0;
  while (hasMonth && (m = half.exec(sentence))) {
    const y = yearFor(m[3]) ?? NO_YEAR;
    const mo = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    const first = m[1].toLowerCase() === 'first';
    out.push({ start: iso(y, mo, first ? 1 : 16), end: iso(y, mo, first ? 15 : lastDay(y, mo)), precision: 'RANGE', index: m.index, ...(yearFor(m[3]) ? {} : { yearless: true }) });
  }
  const dayRange = DAY_RANGE;
  dayRange.lastIndex = 0;
  while (hasMonth && (m = dayRange.exec(sentence))) {
    const y = yearFor(m[4]) ?? NO_YEAR;
    const mo = monthNumber(m[1]);
    const [d1, d2] = [Number(m[2]), Number(m[3])];
    // "March 4 and 49 dlrs" is no range: a day past the month's end is no date (PostgreSQL rejects it).
    // Without a year, February's 29th is allowed (NO_YEAR is a leap year).
    if (d1 < 1 || d2 > lastDay(y, mo) || d2 < d1) continue;
    out.push({ start: iso(y, mo, d1), end: iso(y, mo, d2), precision: 'RANGE', index: m.index, ...(yearFor(m[4]) ? {} : { yearless: true }) });
  }
  const day = DAY;
  day.lastIndex = 0;
  while (hasMonth && (m = day.exec(sentence))) {
    if (out.some((o) => o.index === m!.index)) continue;
    const y = yearFor(m[3] ?? m[6]) ?? NO_YEAR;
    const mo = monthNumber(m[1] ?? m[5]);
    const d = Number(m[2] ?? m[4]);
    if (d < 1 || d > lastDay(y, mo)) continue;
    out.push({ start: iso(y, mo, d), end: iso(y, mo, d), precision: 'DAY', index: m.index, ...(yearFor(m[3] ?? m[6]) ? {} : { yearless: true }) });
  }
  const month = MONTH;
  month.lastIndex = 0;
  while (hasMonth && (m = month.exec(sentence))) {
    const y = yearFor(m[2]) ?? NO_YEAR;
    const mo = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    // A month after the publication month without a year is last year's in past-tense reporting.
    const year = !m[2] && pub && mo > pub.m ? y - 1 : y;
    if (out.some((o) => Math.abs(o.index - m!.index) < 20)) continue;
    out.push({ start: iso(year, mo, 1), end: iso(year, mo, lastDay(year, mo)), precision: 'MONTH', index: m.index, ...(yearFor(m[2]) ? {} : { yearless: true }) });
  }
  const endOf = END_OF;
  endOf.lastIndex = 0;
  while (hasMonth && pub && (m = endOf.exec(sentence))) {
    const mo = MONTHS.indexOf(m[1].toLowerCase()) + 1;
    const ahead = AHEAD.test(sentence.slice(0, m.index));
    const y = m[2] ? Number(m[2]) : ahead && mo < pub.m ? pub.y + 1 : !ahead && mo > pub.m ? pub.y - 1 : pub.y;
    out.push({ start: '', end: iso(y, mo, lastDay(y, mo)), precision: 'ON_OR_BEFORE', index: m.index });
  }
  if (pub) {
    AGO.lastIndex = 0;
    while ((m = AGO.exec(sentence))) {
      const n = COUNT[m[1].toLowerCase()] ?? Number(m[1]);
      const unit = m[2].toLowerCase();
      const end = unit === 'year' ? iso(pub.y - n, pub.m, Math.min(pub.d, lastDay(pub.y - n, pub.m))) : unit === 'month' ? shiftMonths(pub, -n) : addDays(published!, unit === 'week' ? -7 * n : -n);
      out.push({ start: '', end, precision: 'ON_OR_BEFORE', index: m.index });
    }
    UNDER_WAY_DAYS.lastIndex = 0;
    while ((m = UNDER_WAY_DAYS.exec(sentence))) {
      const n = COUNT[m[1].toLowerCase()] ?? Number(m[1]);
      if (n < 2) continue;
      out.push({ start: addDays(published!, 1 - n), end: addDays(published!, n - 1), precision: 'RANGE', index: m.index });
    }
    // The report's weekday, and the Monday of its week: what the week and weekday words count from.
    const dow = new Date(`${published}T00:00:00Z`).getUTCDay();
    const monday = addDays(published!, -((dow + 6) % 7));
    const rel: [RegExp, () => [string, string, DatePrecision]][] = [
      [/\blater this month\b/gi, () => [published!, iso(pub.y, pub.m, lastDay(pub.y, pub.m)), 'RANGE']],
      [/\b(?:earlier )?this month\b/gi, () => [iso(pub.y, pub.m, 1), iso(pub.y, pub.m, lastDay(pub.y, pub.m)), 'MONTH']],
      [/\bnext week\b/gi, () => [addDays(monday, 7), addDays(monday, 13), 'RANGE']],
      // News reports what happened "this week": from its Monday to the day of the report.
      [/\bthis week\b/gi, () => [monday, published!, 'RANGE']],
      // What has happened "earlier this year" lies between New Year and the report; "later this year", after it.
      [/\bearlier this year\b/gi, () => [iso(pub.y, 1, 1), published!, 'RANGE']],
      [/\blater this year\b/gi, () => [published!, iso(pub.y, 12, 31), 'RANGE']],
      [/\b(?<!earlier |later )this year\b/gi, () => [iso(pub.y, 1, 1), iso(pub.y, 12, 31), 'YEAR']],
      [/\bearlier (?:in the day|today)\b/gi, () => [published!, published!, 'DAY']],
      [/\blast year\b/gi, () => [iso(pub.y - 1, 1, 1), iso(pub.y - 1, 12, 31), 'YEAR']],
      [/\blast week\b/gi, () => [addDays(monday, -7), addDays(monday, -1), 'RANGE']],
      // "this past weekend", "last weekend": the Saturday and Sunday before the report's week.
      [/\b(?:this past|last) weekend\b/gi, () => [addDays(monday, -2), addDays(monday, -1), 'RANGE']],
      [/\blast month\b/gi, () => {
        const [y, mo] = pub.m === 1 ? [pub.y - 1, 12] : [pub.y, pub.m - 1];
        return [iso(y, mo, 1), iso(y, mo, lastDay(y, mo)), 'MONTH'];
      }],
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
      // Backwards (news reports what happened) unless the clause looks ahead: "next Monday", "leaves for
      // Indonesia on Wednesday", "Monday's debate will be …".
      const forward = /^next /i.test(m[0]) || (!/^last /i.test(m[0]) && (AHEAD_BEFORE.test(sentence.slice(Math.max(0, m.index - 40), m.index)) || AHEAD_AFTER.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 40))));
      const delta = forward ? ((target - dow + 7) % 7) || (/^next /i.test(m[0]) ? 7 : 0) : -(((dow - target) + 7) % 7);
      const d = addDays(published!, delta);
      out.push({ start: d, end: d, precision: 'DAY', index: m.index });
    }
  }
  // "in 2012", "In 2012, …"; "in late 2014" is its last quarter, "early 2014" its first.
  // Not a year used as a measure ("in 2015 dollars", "in 1996 terms").
  // A period opening a results sentence too: "For 2004 as a whole, eBay earned", "For the whole of 2004, GM earned",
  // "throughout 2004".
  const year = /\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Tt]hroughout|For|[Ff]or the (?:whole|full|rest) of) (?:(early|late) )?(19\d\d|20\d\d)\b(?! (?:dollars?|prices|terms|money|figures|levels|budget)\b)/g;
  while ((m = year.exec(sentence))) {
    if (out.some((o) => Math.abs(o.index - m!.index) < 16)) continue;
    const y = Number(m[2]);
    const part = m[1]?.toLowerCase();
    if (part) out.push({ start: iso(y, part === 'late' ? 10 : 1, 1), end: part === 'late' ? iso(y, 12, 31) : iso(y, 3, 31), precision: 'RANGE', index: m.index });
    else out.push({ start: iso(y, 1, 1), end: iso(y, 12, 31), precision: 'YEAR', index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Narrower ranges are more precise. */
export function spanDays(r: { start: string; end: string }): number {
  return (Date.parse(r.end) - Date.parse(r.start)) / 86400000;
}
