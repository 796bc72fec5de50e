import { lastDay, type YearlessDate } from '../extract/dates.ts';
import type { DatePrecision } from '../extract/types.ts';

/** What one account says of an event's time (an EventMember's date fields). */
export interface AccountDate {
  startDate: string | null;
  endDate: string | null;
  precision: DatePrecision | null;
  yearless?: YearlessDate | null;
}

/** An event's date as the store shows it. */
export interface EventDate {
  startDate: string | null;
  endDate: string | null;
  precision: DatePrecision;
}

/** Bounds an account puts on the event's time: null when unbounded on that side. */
interface Bounds {
  lo: string | null;
  hi: string | null;
}

const RANK: Record<DatePrecision, number> = { ON_OR_BEFORE: 0, YEAR: 1, MONTH: 2, RANGE: 3, DAY: 4 };

function boundsOf(a: AccountDate): Bounds | null {
  if (!a.precision) return null;
  return { lo: a.precision === 'ON_OR_BEFORE' ? null : a.startDate, hi: a.endDate ?? a.startDate };
}

/** A yearless date in year `y` (29 February becomes the 28th in other years). */
function inYear(d: YearlessDate, y: number): Bounds {
  const day = (md: string) => {
    const [m, dd] = [Number(md.slice(2, 4)), Number(md.slice(5, 7))];
    return `${y}-${md.slice(2, 4)}-${String(Math.min(dd, lastDay(y, m))).padStart(2, '0')}`;
  };
  return { lo: day(d.start), hi: day(d.end) };
}

const meet = (a: Bounds, b: Bounds): Bounds | null => {
  const lo = a.lo && b.lo ? (a.lo > b.lo ? a.lo : b.lo) : (a.lo ?? b.lo);
  const hi = a.hi && b.hi ? (a.hi < b.hi ? a.hi : b.hi) : (a.hi ?? b.hi);
  return lo && hi && lo > hi ? null : { lo, hi };
};

/** The years a yearless date can be placed in within `b`, when `b` is bounded on both sides. */
function placements(d: YearlessDate, b: Bounds): Bounds[] {
  if (!b.lo || !b.hi) return [];
  const out: Bounds[] = [];
  for (let y = Number(b.lo.slice(0, 4)); y <= Number(b.hi.slice(0, 4)); y++) {
    const m = meet(inYear(d, y), b);
    if (m) out.push(m);
  }
  return out;
}

/** Whether two accounts' times can be one event's. */
export function timesCompatible(a: AccountDate, b: AccountDate): boolean {
  const [x, y] = [boundsOf(a), boundsOf(b)];
  if (x && y) return meet(x, y) !== null;
  const dated = x ?? y;
  const yl = x ? b.yearless : y ? a.yearless : null;
  if (dated && yl) return !dated.lo || !dated.hi || placements(yl, dated).length > 0;
  if (!dated && a.yearless && b.yearless) return a.yearless.start <= b.yearless.end && b.yearless.start <= a.yearless.end;
  return true;
}

/** The precision a range has by its bounds: a whole day, month or year, else a range. */
function precisionOf(b: Bounds): DatePrecision {
  if (!b.lo) return 'ON_OR_BEFORE';
  if (b.lo === b.hi) return 'DAY';
  const [y, m] = [Number(b.lo.slice(0, 4)), Number(b.lo.slice(5, 7))];
  if (b.lo.endsWith('-01') && b.hi === `${b.lo.slice(0, 7)}-${lastDay(y, m)}`) return 'MONTH';
  if (b.lo === `${y}-01-01` && b.hi === `${y}-12-31`) return 'YEAR';
  return 'RANGE';
}

/**
 * The most precise date consistent with every account: the intersection of what the dated accounts
 * say, narrowed by a yearless one when exactly one year places it there ("in February" in an undated
 * report and "earlier this year" in one of 19 April 2019: February 2019). Null when the accounts
 * contradict each other or none is dated (the caller then keeps its own choice). An account's own
 * precision names the result when the result is exactly its range ("the second half of April").
 */
export function mergedDate(accounts: AccountDate[]): EventDate | null {
  let b: Bounds | null = null;
  for (const a of accounts) {
    const x = boundsOf(a);
    if (!x) continue;
    b = b ? meet(b, x) : x;
    if (!b) return null;
  }
  if (!b) return null;
  for (const a of accounts) {
    if (a.precision || !a.yearless) continue;
    const ps = placements(a.yearless, b);
    if (ps.length === 1) b = ps[0];
    else if (ps.length === 0 && b.lo && b.hi) return null;
  }
  const same = accounts.filter((a) => a.precision && a.precision !== 'ON_OR_BEFORE' && a.startDate === b!.lo && (a.endDate ?? a.startDate) === b!.hi);
  const own = same.sort((x, y) => RANK[y.precision!] - RANK[x.precision!])[0]?.precision;
  return { startDate: b.lo, endDate: b.hi, precision: own ?? precisionOf(b) };
}
