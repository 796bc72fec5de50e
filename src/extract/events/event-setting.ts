import { findDates, type DateRange } from '../dates.ts';
import type { EntityIndexLocal, PlaceDraft } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import type { Span } from '../../ingest/types.ts';

/** The date the sentence gives the trigger: the closest temporal expression within 80 characters. */
export function eventDate(dates: DateRange[], sentence: Sentence, trigger: Span): DateRange | null {
  let best: DateRange | null = null;
  let bestDistance = 81;
  for (const d of dates) {
    const at = sentence.start + d.index;
    const distance = at >= trigger.end ? at - trigger.end : trigger.start - at;
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}

/** Dates of each sentence, computed once and only for sentences that hold a trigger. */
export function sentenceDates(text: string, published: string | null): (s: Sentence) => DateRange[] {
  const cache = new Map<number, DateRange[]>();
  return (s) => {
    let d = cache.get(s.start);
    if (!d) cache.set(s.start, (d = findDates(text.slice(s.start, s.end), published)));
    return d;
  };
}

const LOCATIVE = /\b(?:(?:in|at)\s+(?:the\s+)?|city of\s+)$/i;

/** Where it happened: the closest place written as a location ("in Vladivostok"), cities before countries. */
export function eventPlace(text: string, index: EntityIndexLocal, sentence: Sentence, trigger: Span): PlaceDraft | null {
  let place: PlaceDraft | null = null;
  let score = -Infinity;
  for (const p of index.placeSpans) {
    if (p.start < sentence.start || p.end > sentence.end) continue;
    // "in Vladivostok", "the Hanoi summit".
    if (!LOCATIVE.test(text.slice(Math.max(sentence.start, p.start - 12), p.start)) && !/^\s+summit/i.test(text.slice(p.end, p.end + 8))) continue;
    const distance = p.start >= trigger.end ? p.start - trigger.end : trigger.start - p.end + 30;
    if (distance > 80) continue;
    const s = -distance + (p.place.kind === 'CITY' ? 40 : 0);
    if (s > score) {
      score = s;
      place = p.place;
    }
  }
  return place;
}
