import { findDates, type DateRange } from './dates.ts';
import { CITIES, COUNTRIES } from './lexicon.ts';
import type { EntityDraft, EntityIndexLocal, OrgDraft, PlaceDraft } from './entities.ts';
import { countryOf } from './entities.ts';
import type { Sentence } from './sentences.ts';
import type { Span } from '../ingest/types.ts';
import type { EventKind, Mention } from './types.ts';

export interface EventDraft {
  kind: EventKind;
  group: 'meeting' | 'test';
  participants: Set<EntityDraft>;
  organizations: Set<OrgDraft>;
  place: PlaceDraft | null;
  date: DateRange | null;
  mentions: Mention[];
  sentences: Sentence[];
}

const TRIGGERS: [RegExp, EventKind, EventDraft['group']][] = [
  [/\bsummits?\b/gi, 'SUMMIT', 'meeting'],
  [/\b(?:meet|meets|meeting|met)\b/gi, 'MEETING', 'meeting'],
  [/\btalks\b/gi, 'TALKS', 'meeting'],
  [/\b(?:visit|visits|visited|travel(?:led|ed|s)? to|trip to)\b/gi, 'VISIT', 'meeting'],
  [/\b(?:(?:weapons?|missile|nuclear) tests?|tested (?:a |an )?(?:new )?(?:kind of )?(?:weapon|missile|nuclear))/gi, 'WEAPONS_TEST', 'test'],
  [/\blaunch(?:ed|es)? (?:of )?(?:a |an )?(?:new )?(?:kind of )?(?:missile|rocket|satellite|weapon)/gi, 'LAUNCH', 'test'],
];

const CITY_COUNTRY = new Map<string, string>([...Object.entries(CITIES), ...COUNTRIES.filter((c) => c.capital).map((c) => [c.capital!, c.name] as [string, string])]);

export function placesCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true;
  return CITY_COUNTRY.get(a) === b || CITY_COUNTRY.get(b) === a;
}

function datesCompatible(a: DateRange | null, b: DateRange | null): boolean {
  if (!a || !b) return true;
  return a.start <= b.end && b.start <= a.end;
}


/** Finds meetings, summits, talks, visits and weapons tests, merging mentions of the same event in the article. */
export function findEvents(text: string, sentences: Sentence[], index: EntityIndexLocal, published: string | null, quoted: Span[] = []): EventDraft[] {
  const events: EventDraft[] = [];
  const PRECISION = { DAY: 3, RANGE: 2, MONTH: 1, YEAR: 0 } as const;
  // Keeps the first date of the highest precision seen ("the second half of April" over "this month").
  const better = (a: DateRange | null, b: DateRange | null) => (!a ? b : !b ? a : PRECISION[b.precision] > PRECISION[a.precision] ? b : a);
  for (const sent of sentences) {
    const s = text.slice(sent.start, sent.end);
    const raw: Hit[] = [];
    for (const [re, kind, group] of TRIGGERS) {
      re.lastIndex = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        const at = sent.start + m.index;
        if (raw.some((h) => m!.index < h.index + h.length && h.index < m!.index + m![0].length)) continue;
        // Events named inside a quotation are the speaker's words, not reported facts.
        if (quoted.some((q) => at >= q.start && at < q.end)) continue;
        raw.push({ index: m.index, length: m[0].length, kind, group });
      }
    }
    raw.sort((a, b) => a.index - b.index);
    // "visit Russia for talks with Putin": nearby triggers of one group are one event.
    const hits: Hit[] = [];
    for (const h of raw) {
      const last = hits[hits.length - 1];
      if (last && last.group === h.group && h.index - (last.index + last.length) <= 30 && !/[,;]/.test(s.slice(last.index + last.length, h.index))) {
        if (rank(h.kind) > rank(last.kind)) last.kind = h.kind;
        last.length = h.index + h.length - last.index;
      } else hits.push({ ...h });
    }
    const dates = findDates(s, published);
    hits.forEach((hit, hi) => {
      // The text this trigger owns: ±100 characters, cut at triggers of another group
      // ("weapons test since the last summit between Trump and Kim": the summit's people are not the test's).
      const prevOther = hits.slice(0, hi).reverse().find((h) => h.group !== hit.group);
      const nextOther = hits.slice(hi + 1).find((h) => h.group !== hit.group);
      const lo = Math.max(prevOther ? prevOther.index + prevOther.length : 0, hit.index - 100);
      const hiEnd = Math.min(nextOther ? nextOther.index : s.length, hit.index + hit.length + 110);
      const a = sent.start + lo;
      const b = sent.start + hiEnd;
      const trig = { start: sent.start + hit.index, end: sent.start + hit.index + hit.length };
      const participants = new Set(hit.group === 'test' ? [] : index.personSpans.filter((p) => p.start >= a && p.end <= b).map((p) => p.person));
      const orgs = new Set<OrgDraft>();
      // Place: "summit in China" after the trigger wins; else the closest location before it; cities beat countries.
      let place: PlaceDraft | null = null;
      let placeScore = -Infinity;
      for (const p of index.placeSpans.filter((x) => x.start >= a && x.end <= b)) {
        const lead = text.slice(Math.max(sent.start, p.start - 12), p.start);
        const asLocation = /\b(?:in|to|at)\s+(?:the\s+)?$/i.test(lead) || /^\s*summit/i.test(text.slice(p.end, p.end + 8)) || /\bcity of\s+$/i.test(lead);
        if (!asLocation) continue;
        const distance = p.start >= trig.end ? p.start - trig.end : trig.start - p.end + 30;
        if (distance > 70) continue;
        const score = -distance + (p.place.kind === 'CITY' ? 50 : 0);
        if (score > placeScore) {
          placeScore = score;
          place = p.place;
        }
      }
      if (hit.group === 'test') {
        // The actor: the closest country or capital before the trigger that is not a location or part of a title ("US Secretary").
        const before = index.placeSpans.filter((x) => x.end <= trig.start && x.start >= sent.start && !/\b(?:in|to|at|of)\s+(?:the\s+)?$/i.test(text.slice(Math.max(sent.start, x.start - 12), x.start)) && !/^\s+(?:[A-Z][a-z]+\s+)?(?:Secretary|President|Special|Ambassador|Envoy|officials?|Minister)/.test(text.slice(x.end, x.end + 20)));
        const actor = before[before.length - 1];
        const country = actor ? countryOf(text.slice(actor.start, actor.end)) : null;
        if (country) orgs.add(index.governmentFor(country, null));
        const speaker = index.orgSpans.filter((o) => o.start >= sent.start && o.end <= trig.start && o.org.kind === 'GOVERNMENT' && COUNTRIES.some((c) => c.name === o.org.name)).pop();
        if (!orgs.size && speaker) orgs.add(speaker.org);
      }
      const date = dates
        .filter((d) => d.index >= Math.max(lo, hit.index - 60) && d.index <= Math.min(hi + 1 < hits.length ? hits[hi + 1].index : s.length, hit.index + hit.length + 60))
        .sort((x, y) => Math.abs(x.index - hit.index) - Math.abs(y.index - hit.index))[0] ?? null;
      const mention: Mention = { start: trig.start, end: trig.end, text: text.slice(trig.start, trig.end) };
      const definite = /\b(?:the|this|that|its)\s+(?:[\p{L}’'-]+\s+)?$/iu.test(s.slice(Math.max(0, hit.index - 30), hit.index));
      const fits = (e: EventDraft) => e.group === hit.group && placesCompatible(e.place?.name ?? null, place?.name ?? null) && datesCompatible(e.date, date) && (participants.size === 0 || [...participants].some((p) => e.participants.has(p)) || definite);
      const recent = [...events].reverse();
      const attach = (e: EventDraft, addParticipants: boolean) => {
        if (addParticipants) participants.forEach((p) => e.participants.add(p));
        orgs.forEach((o) => e.organizations.add(o));
        e.mentions.push(mention);
        e.date = better(e.date, date);
        if (place && (!e.place || (e.place.kind !== 'CITY' && place.kind === 'CITY'))) e.place = place;
        if (!e.sentences.includes(sent)) e.sentences.push(sent);
        if (rank(hit.kind) > rank(e.kind) && addParticipants) e.kind = hit.kind;
      };
      if (definite) {
        // "the meeting" refers back to the latest compatible event of its kind.
        const prev = recent.find((e) => fits(e) && e.kind === hit.kind) ?? recent.find(fits);
        if (prev) {
          attach(prev, false);
          return;
        }
      }
      if (participants.size === 0 && orgs.size === 0) return;
      const draft: EventDraft = { kind: hit.kind, group: hit.group, participants, organizations: orgs, place, date, mentions: [mention], sentences: [sent] };
      const same = events.find((e) => e.group === draft.group && overlaps(e, draft) && placesCompatible(e.place?.name ?? null, draft.place?.name ?? null) && datesCompatible(e.date, draft.date));
      if (same) attach(same, true);
      else events.push(draft);
    });
  }
  return events;
}

interface Hit {
  index: number;
  length: number;
  kind: EventKind;
  group: EventDraft['group'];
}

const RANK: Partial<Record<EventKind, number>> = { SUMMIT: 4, MEETING: 3, TALKS: 2, VISIT: 1, WEAPONS_TEST: 2, LAUNCH: 1 };
const rank = (k: EventKind) => RANK[k] ?? 0;


function overlaps(a: EventDraft, b: EventDraft): boolean {
  if (a.group === 'test') return [...b.organizations].some((o) => a.organizations.has(o)) || [...b.participants].some((p) => a.participants.has(p));
  const shared = [...b.participants].filter((p) => a.participants.has(p)).length;
  const small = Math.min(a.participants.size, b.participants.size);
  return shared > 0 && shared >= Math.min(2, small);
}
