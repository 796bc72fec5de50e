import type { EntityIndexLocal, PlaceDraft } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import type { Span } from '../../ingest/types.ts';
import { datesCompatible, eventDate, placesCompatible, preciserDate, sentenceDates } from './event-setting.ts';
import type { TypedEventDraft } from './event-draft.ts';

// An event named again without its parties is no mention of it: find-events keeps a trigger only with the parties
// it needs, so a later "Monday's debate in New York" is not one of the Trump–Clinton debate's mentions, though it
// is the only sentence that says where that debate is held. Such a repetition is read here for its place: the same
// word as one of the event's one-word triggers, made definite ("the summit", "Monday's debate"), in no event's
// mention, with a place written right after it as its location ("debate in New York"), and fitting one event of
// its type and mode only (place and time compatible: Clinton's 2008 debates with Obama are not Monday's).
// Read on BBC, Reuters and PolNeAR train, looser readings placed more events wrongly than rightly: a place elsewhere
// in the sentence is often another clause's (an analyst "at Gimme Credit" saying the bankruptcy would hurt; a
// candidate to fly "to the Vatican" after the debate), and a possessive names other parties ("their debate" of the
// Republicans, "Jet's IPO").

// A definite noun phrase's opening: an article or a day's "'s", and at most one lower-case word between ("the
// presidential debate"). Not an ordinal or "next"/"last" ("the second debate" is another one), nor a name ("the
// Republican debate" may be other parties').
const DEFINITE_BEFORE = /\b(?:[Tt]he|[Tt]his|[Tt]hat|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[’']s|[Tt]oday[’']s|[Yy]esterday[’']s|[Tt]omorrow[’']s)\s+(?:(?!(?:first|second|third|fourth|next|last|previous|final|other|another|new)\b)[a-z-]+\s+)?$/;
// The place right after the repetition, written as where it is held.
const RIGHT_AFTER = /^\s+(?:[a-z-]+\s+){0,2}(?:in|at)\s+(?:the\s+)?$/;

/** One-word triggers of the event, lower case ("debate", "summit"), which a later sentence may repeat. */
const triggerWords = (e: TypedEventDraft) => new Set(e.mentions.map((m) => m.text.trim().toLowerCase()).filter((w) => /^[a-z]+$/.test(w)));

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The word followed by "in"/"at" within two words (RIGHT_AFTER, checked exactly later): only such a repetition can
// place its event, and the look-ahead keeps the scan of long articles cheap. Kept per word.
const REPEATED = new Map<string, RegExp>();
const repeated = (w: string) => {
  let re = REPEATED.get(w);
  if (!re) REPEATED.set(w, (re = new RegExp(`\\b${escape(w)}\\b(?=\\s+(?:[a-z-]+\\s+){0,2}(?:in|at)\\s)`, 'gi')));
  return re;
};

/**
 * Definite repetitions of one of the event's trigger words outside every event's mentions. What a word's
 * repetitions are depends on the word alone (and the mentions taken, the same for every event of the
 * article), so each word's are read once per article into `byWord`, not once per event naming it.
 */
function bareMentions(text: string, e: TypedEventDraft, taken: Span[], byWord: Map<string, Span[]>): Span[] {
  const out: Span[] = [];
  for (const w of triggerWords(e)) {
    let found = byWord.get(w);
    if (!found) byWord.set(w, (found = repetitionsOf(text, w, taken)));
    for (const span of found) out.push({ start: span.start, end: span.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A word's definite repetitions outside the mentions taken, in text order. */
function repetitionsOf(text: string, w: string, taken: Span[]): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(repeated(w))) {
    const span = { start: m.index, end: m.index + w.length };
    if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
    if (DEFINITE_BEFORE.test(text.slice(Math.max(0, span.start - 40), span.start))) out.push(span);
  }
  return out;
}

/** The place written right after a repetition as its location (see RIGHT_AFTER), or null. */
function placeRightAfter(text: string, index: EntityIndexLocal, m: Span, sentence: Sentence): PlaceDraft | null {
  const p = index.placeSpans.find((x) => x.start > m.end && x.start - m.end <= 30 && x.end <= sentence.end && RIGHT_AFTER.test(text.slice(m.end, x.start)));
  return p?.place ?? null;
}

/** Events without a place (or with only a country) placed by a repetition of their trigger that names none of their parties (see above). */
export function placeByBareMentions(events: TypedEventDraft[], text: string, index: EntityIndexLocal, sentences: Sentence[], published: string | null): void {
  const taken = events.flatMap((e) => e.mentions);
  const datesOf = sentenceDates(text, published);
  const byWord = new Map<string, Span[]>();
  for (const e of events) {
    if (e.place && e.place.kind !== 'COUNTRY') continue;
    for (const m of bareMentions(text, e, taken, byWord)) {
      const sentence = sentences.find((s) => s.start <= m.start && m.start < s.end);
      if (!sentence) continue;
      const place = placeRightAfter(text, index, m, sentence);
      if (!place || (e.place && (place.kind === 'COUNTRY' || !placesCompatible(e.place.name, place.name)))) continue;
      const date = eventDate(text, datesOf(sentence), sentence, m);
      const fits = (x: TypedEventDraft) => x.type === e.type && x.mode === e.mode && placesCompatible(x.place?.name ?? null, place.name) && datesCompatible(x.date, date);
      if (fits(e) && events.filter(fits).length === 1) {
        e.place = place;
        // The repetition's date is the event's too ("Monday's debate"), when more precise.
        e.date = preciserDate(e.date, date);
        break;
      }
    }
  }
}
