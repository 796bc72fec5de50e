import type { StatementDraft } from './speech/draft.ts';
import type { LinkableEvent } from './linkable-event.ts';

/** Where an article's events are reported: sentence starts in text order, the events each reports, and its paragraph. */
export interface EventReports {
  starts: number[];
  bySentence: Map<number, number[]>;
  paragraphAt: Map<number, number>;
  /**
   * Each event's trigger stems (triggerStems), filled on first use: every statement of the article
   * asks for them, and stemming the same triggers again per statement was most of linking's time.
   */
  stems?: (Set<string> | undefined)[];
}

// Words of a trigger that name an event again when a later statement uses them ("purchased" … "The purchase terms were
// not disclosed"): not names, not function words, not light verbs every statement has.
const LIGHT = new Set(['with', 'from', 'over', 'into', 'their', 'them', 'this', 'that', 'took', 'take', 'takes', 'taking', 'made', 'make', 'makes', 'have', 'held', 'hold', 'gave', 'give', 'will', 'would', 'said', 'says', 'were', 'been', 'being', 'more', 'than', 'against', 'about', 'after', 'before', 'between', 'during', 'president', 'minister', 'leader', 'leaders', 'chairman', 'manager', 'official', 'officials', 'chief']);
const stem = (w: string) => w.toLowerCase().replace(/(?:ments?|ions?|ing|ed|es|s|e)$/, '');
const WORD = /[A-Za-z]+(?:-[A-Za-z]+)*/g;
// "the next general election", "a rival offer", "another deal": the same word for another occurrence of the kind.
const ANOTHER_ONE = /\b(?:next|upcoming|forthcoming|coming|future|previous|past|earlier|another|other|rival|new|further)\s+(?:[a-z]+\s+)?$/i;

/** triggerStems of event `i`, kept in `cache` (one slot per event) when there is one. */
function stemsOf(events: Pick<LinkableEvent, 'mentions'>[], i: number, cache?: (Set<string> | undefined)[]): Set<string> {
  if (!cache) return triggerStems(events[i]);
  return (cache[i] ??= triggerStems(events[i]));
}

function triggerStems(e: Pick<LinkableEvent, 'mentions'>): Set<string> {
  const out = new Set<string>();
  for (const m of e.mentions) for (const [w] of m.text.matchAll(WORD)) if (w.length >= 4 && !/^[A-Z]/.test(w) && !LIGHT.has(w.toLowerCase())) out.add(stem(w));
  out.delete('');
  return out;
}

// How far (paragraphs) a statement still names the event last reported before it.
const NAMED_AGAIN_REACH = 2;

/**
 * A statement in a sentence reporting no event that names again, in its own words, an event reported
 * shortly before it with no other event reported in between ("Sundor Group said it purchased DWG's juice
 * line … The purchase terms were not disclosed"; "the IMF is lowering its forecast … less than forecast in
 * July").
 */
export function namedAgain(s: StatementDraft, events: Pick<LinkableEvent, 'mentions'>[], reports: EventReports): number[] {
  const { starts, bySentence, paragraphAt } = reports;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < s.sentence.start) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return [];
  const last = starts[lo - 1];
  const paragraph = paragraphAt.get(last);
  if (paragraph === undefined || s.sentence.paragraph - paragraph > NAMED_AGAIN_REACH) return [];
  const candidates = bySentence.get(last) ?? [];
  reports.stems ??= [];
  const stems = candidates.map((i) => stemsOf(events, i, reports.stems));
  const wanted = new Set(stems.flatMap((x) => [...x]));
  if (!wanted.size) return [];
  // The statement's words (stems) that are some candidate's trigger stems: a stem starts with its
  // word's first letter, so other words are skipped before they are stemmed.
  const firsts = new Set([...wanted].map((w) => w[0]));
  const found = new Set<string>();
  for (const m of s.text.matchAll(WORD)) {
    if (!firsts.has(m[0][0].toLowerCase())) continue;
    const whole = stem(m[0]);
    // "tsunami-hit countries" names the tsunami; "by-election" is no "election" of another kind.
    const part = m[0].includes('-') ? stem(m[0].slice(0, m[0].indexOf('-'))) : null;
    if (!wanted.has(whole) && (part === null || !wanted.has(part))) continue;
    if (ANOTHER_ONE.test(s.text.slice(Math.max(0, m.index - 30), m.index))) continue;
    found.add(whole);
    if (part !== null) found.add(part);
  }
  return candidates.filter((_, k) => [...stems[k]].some((w) => found.has(w)));
}

// Nouns that name an event of its kind whatever word reported it: "the deal" names a purchase ("Federated
// Department Stores is to buy rival May … the deal will cost it $1bn"), "the meeting" talks. Not results or a
// bankruptcy: "the deal" in their stories is another one.
const KIND_NOUNS: { type: string; modes: (string | null)[]; words: string[] }[] = [
  { type: 'BUSINESS', modes: [null, 'deal', 'acquisition', 'joint_venture', 'bid', 'spinoff'], words: ['deal', 'acquisition', 'takeover', 'merger'] },
  { type: 'AGREE', modes: [null], words: ['deal', 'agreement', 'accord', 'pact', 'treaty'] },
  { type: 'CONSULT', modes: [null, 'meeting', 'summit', 'talks'], words: ['meeting', 'talks', 'summit', 'conference', 'negotiations'] },
];
const kindStems = (e: Pick<LinkableEvent, 'type' | 'mode'>) => KIND_NOUNS.filter((k) => k.type === e.type && k.modes.includes(e.mode ?? null)).flatMap((k) => k.words.map(stem));
// "the contract", "the election": a noun right after a determiner refers to one already told ("the French game",
// "the 2001 election", a modifier between, is another one).
const DEFINITE = /\b(?:the|this|that|these|those|its|their|his|her|our)\s+$/i;

/**
 * A statement in a sentence reporting no event that names, with a determiner and a word of its trigger or a
 * noun of its kind (KIND_NOUNS), an event reported earlier in the article, further back than `namedAgain`
 * reaches or with other events in between ("Computer Sciences Corp said it won a contract …" then, paragraphs on, "about 25 pct of the contract
 * value …"). Only a word that names one event reported before the statement ("the
 * talks" after two rounds of talks is either), and stems of four letters or more ("the rules" is no "ruled").
 * A word naming several, one of them the `lead` event (the one the article's lead reports, see leadEvent), names
 * that one: the story is about it, and the others are told in its background ("General Motors is to pay Fiat …",
 * earlier sales between the two, then analysts saying Fiat "seemed to have done well" from the deal).
 */
export function namedLater(s: StatementDraft, events: Pick<LinkableEvent, 'mentions' | 'sentences' | 'sentence' | 'type' | 'mode'>[], named = stemIndex(events), lead = -1): number[] {
  const out = new Set<number>();
  if (!named.size) return [];
  for (const m of s.text.matchAll(WORD)) {
    // A name, or a word too short to leave a stem of four letters (stemming only shortens).
    const c = m[0].charCodeAt(0);
    if ((c >= 65 && c <= 90) || m[0].length < 4) continue;
    const w = stem(m[0]);
    const of = w.length >= 4 ? reportedBefore(named.get(w), s.sentence.start, lead) : -1;
    if (of < 0) continue;
    const before = s.text.slice(Math.max(0, m.index - 30), m.index);
    if (!DEFINITE.test(before) || ANOTHER_ONE.test(before) || PEOPLE.has(m[0].toLowerCase())) continue;
    out.add(of);
  }
  return out.size === 1 ? [...out] : [];
}

// "the refugees" named later are the people an aid event was for, not the event ("Trump likened the refugees to a
// 'vicious snake'" is no word on the administration's refugee intake).
const PEOPLE = new Set(['refugees', 'migrants', 'immigrants', 'asylum-seekers']);

/** Where an event is first reported and its index, per stem naming it (see stemIndex). */
export type StemIndex = Map<string, { first: number; event: number }[]>;

/**
 * Each stem of an event's trigger or kind (KIND_NOUNS) with the events it names, in event order, and
 * where each is first reported: built once per article for namedLater, which asks it per statement.
 */
export function stemIndex(events: Pick<LinkableEvent, 'mentions' | 'sentences' | 'sentence' | 'type' | 'mode'>[], cache?: (Set<string> | undefined)[]): StemIndex {
  const named: StemIndex = new Map();
  events.forEach((e, i) => {
    const first = e.sentence ?? e.sentences[0];
    if (!first) return;
    for (const w of new Set([...stemsOf(events, i, cache), ...kindStems(e)])) {
      const list = named.get(w);
      if (list) list.push({ first: first.start, event: i });
      else named.set(w, [{ first: first.start, event: i }]);
    }
  });
  return named;
}

/** The one event of `list` first reported before `at`; when several are, `lead` if it is one of them, else -1. */
function reportedBefore(list: { first: number; event: number }[] | undefined, at: number, lead = -1): number {
  let found = -1;
  let several = false;
  for (const x of list ?? []) {
    if (x.first >= at) continue;
    if (found >= 0) several = true;
    else found = x.event;
  }
  if (!several) return found;
  return lead >= 0 && list!.some((x) => x.event === lead && x.first < at) ? lead : -1;
}

// The lead: the headline and the paragraph after it.
const LEAD_PARAGRAPHS = 2;

/** The event the article's lead reports first (the earliest first report, in its first LEAD_PARAGRAPHS paragraphs), or -1. */
export function leadEvent(events: Pick<LinkableEvent, 'sentences' | 'sentence'>[]): number {
  let best = -1;
  let bestStart = Infinity;
  events.forEach((e, i) => {
    const first = e.sentence ?? e.sentences[0];
    if (first && first.start < bestStart) {
      best = i;
      bestStart = first.start;
    }
  });
  if (best < 0) return -1;
  const first = events[best].sentence ?? events[best].sentences[0];
  return first.paragraph !== undefined && first.paragraph < LEAD_PARAGRAPHS ? best : -1;
}
