import { findDates, type DateRange } from '../dates.ts';
import { CITIES, COUNTRIES } from '../lexicon.ts';
import type { Sentence } from '../sentences.ts';
import type { Span } from '../../ingest/types.ts';

// A date past one of these belongs to another clause ("the Hanoi summit, … after the pair held talks in June 2018"),
// or to a comparison ("pounding Trump … just as he did with Romney in 2012").
const OTHER_CLAUSE = /\b(?:after|before|since|when|while|until|just as|as (?:he|she|they|it|we) did)\b|[;—–]/;
// "hours before the start of the first debate": the same day, not another clause's time.
const SAME_DAY = /\b(?:just |only |a few |several )?(?:hours|minutes) (?:before|after)\b/g;

// ("For the whole of 2004, GM earned …", "During 1986, the Wallenbergs have been …": a period opening the sentence too.)
const OPENING = /^\s*(?:(?:But|And)\s+)?(?:[Oo]n|[Ii]n|[Bb]y|[Dd]uring|[Ff]or(?: the (?:whole|full|first half|second half|rest) of)?)?\s*$/;

const TERM_OF = /\b(?:due|maturing|matures|expiring|expires)\s+$/i;
// The base of a comparison ("earned $3.7bn, down from $3.8bn in 2003", "up from 40 cts a year earlier in 1986",
// "compared with 1985"): the period compared with, not when the event happened.
// (A figure must stand between: "emerged from bankruptcy in 2004", "bought … from LVMH in 2003" keep their dates; "more than
// $26 million … last week" is an amount, not a comparison.)
// (Nor is a counted body of people after "from": "endorsements from 88 generals and admirals Tuesday" came from them.)
const COMPARED_WITH = /\b(?:from|(?<!\b(?:more|less|fewer|no|over|under) )than|compared (?:with|to)|versus|vs\.?)\s+(?:the\s+)?[$£€]?\d[\w.,]*(?!\s+(?:[\w-]+\s+)?(?:people|generals|admirals|officers|economists|scientists|lawmakers|legislators|senators|governors|mayors|diplomats|executives|leaders|officials|experts|members|voters|supporters|donors|countries|nations)\b)(?:\s+[^\s,;]+){0,3}?\s+(?:(?:in|for)\s+)?$|\bcompared (?:with|to)\s+(?:the\s+)?$/i;

/**
 * The date the sentence gives the trigger: the closest temporal expression within 70 characters of its
 * clause, or 130 when it is the sentence's only one ("attacked her opponent as a fraud … during the
 * first presidential debate Monday night").
 */
export function eventDate(text: string, dates: DateRange[], sentence: Sentence, trigger: Span): DateRange | null {
  const best = closestDate(text, dates, sentence, trigger);
  const newsDay = NEWS_DAY.get(dates);
  if (!newsDay) return best;
  const day = (index: number): DateRange => ({ start: newsDay, end: newsDay, precision: 'DAY', index });
  if (best && EARLIER_THAT_DAY.test(text.slice(sentence.start + best.index, sentence.start + best.index + 24))) return day(best.index);
  // Only what follows the phrase: "announced the talks just hours after …" dates the announcement, not the talks.
  SAME_DAY.lastIndex = 0;
  if (!best && SAME_DAY.test(text.slice(sentence.start, trigger.start))) return day(trigger.start - sentence.start);
  return best;
}

function closestDate(text: string, dates: DateRange[], sentence: Sentence, trigger: Span): DateRange | null {
  let best: DateRange | null = null;
  let bestDistance = dates.length === 1 ? 131 : 71;
  for (const d of dates) {
    const at = sentence.start + d.index;
    // A bond "due April 21, 1997", a note "maturing in 2001": a term of the thing, not when the event happened.
    if (TERM_OF.test(text.slice(Math.max(sentence.start, at - 12), at))) continue;
    if (COMPARED_WITH.test(text.slice(Math.max(sentence.start, at - 40), at))) continue;
    // "this year" is often the term of a figure ("its forecast for U.S. growth this year"): a nearby day or month wins over it.
    const distance = (at >= trigger.end ? at - trigger.end : trigger.start - at) + (d.precision === 'YEAR' && !/\d/.test(text.slice(at, at + 12)) ? 30 : 0);
    const between = (at >= trigger.end ? text.slice(trigger.end, at) : text.slice(at + 4, trigger.start)).replace(SAME_DAY, '');
    // "On Nov. 11, 2014, after a quiet stroll …, Mr. Xi and Mr. Obama sealed their agreement": a date opening
    // the sentence dates its main clause, past a fronted clause and at any distance.
    const opening = at < trigger.start && OPENING.test(text.slice(sentence.start, at)) && /^[^,]{0,20},/.test(text.slice(at, at + 24));
    if (opening && bestDistance > 70 && !best) {
      best = d;
      bestDistance = 70;
    } else if (distance < bestDistance && !OTHER_CLAUSE.test(between)) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}

// "Trump and Clinton vied … Wednesday" (published Thursday): the news day, the first day the lead gives within
// the week before the report. What the text says happened "earlier in the day" happened on it, not on the
// report's day, and so did what happened "hours after" something with no other date ("the Kremlin announced the
// talks just hours after North Korea launched a blistering attack", the lead saying "the Kremlin said Thursday").
// Kept per article beside its sentences' dates (eventDate receives only those).
const NEWS_DAY = new WeakMap<DateRange[], string>();
const LEAD_CHARS = 600;
const EARLIER_THAT_DAY = /^earlier (?:in the day|today)\b/i;

/** The article's news day (see NEWS_DAY), or null when its lead gives no day of the week before the report. */
export function newsDay(text: string, published: string | null): string | null {
  if (!published) return null;
  const day = published.slice(0, 10);
  const weekBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 6 * 86400000).toISOString().slice(0, 10);
  const lead = findDates(text.slice(0, LEAD_CHARS), day).find((d) => d.precision === 'DAY' && !d.yearless);
  return lead && lead.start >= weekBefore && lead.start <= day ? lead.start : null;
}

/** Dates of each sentence, computed once and only for sentences that hold a trigger. */
export function sentenceDates(text: string, published: string | null): (s: Sentence) => DateRange[] {
  const cache = new Map<number, DateRange[]>();
  let news: string | null | undefined;
  return (s) => {
    let d = cache.get(s.start);
    if (!d) {
      cache.set(s.start, (d = findDates(text.slice(s.start, s.end), published)));
      if (news === undefined) news = newsDay(text, published);
      if (news) NEWS_DAY.set(d, news);
    }
    return d;
  };
}

const CITY_COUNTRY = new Map<string, string>([...Object.entries(CITIES), ...COUNTRIES.filter((c) => c.capital).map((c) => [c.capital!, c.name] as [string, string])]);

/** Places that can be the same event's: equal, unknown, or a city and its country. */
export function placesCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true;
  return CITY_COUNTRY.get(a) === b || CITY_COUNTRY.get(b) === a;
}

const PRECISION = { DAY: 3, RANGE: 2, MONTH: 1, YEAR: 0, ON_OR_BEFORE: -1 } as const;

/**
 * The more precise of two dates of one event ("this month", then "next week" → next week); the first on
 * a tie. A date with its year beats one without ("in February" in an undated article).
 */
export function preciserDate(a: DateRange | null, b: DateRange | null): DateRange | null {
  if (!a || !b) return a ?? b;
  if (!a.yearless !== !b.yearless) return a.yearless ? b : a;
  // A day that opens or closes a span the event was given ("held on April 12 and 26" … "start on April 12") is a day of it, not its date.
  const endpoint = (r: DateRange, d: DateRange) => r.precision === 'RANGE' && d.precision === 'DAY' && (d.start === r.start || d.end === r.end);
  if (endpoint(a, b)) return a;
  return PRECISION[b.precision] > PRECISION[a.precision] ? b : a;
}

/** Overlapping dates; a yearless date and a dated one may be of one event (its year is unknown). */
export function datesCompatible(a: DateRange | null, b: DateRange | null): boolean {
  if (!a || !b) return true;
  if (!a.yearless !== !b.yearless) return true;
  return a.start <= b.end && b.start <= a.end;
}
