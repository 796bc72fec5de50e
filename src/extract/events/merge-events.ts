import { countryOf } from '../entities.ts';
import { actorId, type ActorRef } from './actors.ts';
import { datesCompatible, placesCompatible, preciserDate } from './event-setting.ts';
import type { TypedEventDraft } from './event-draft.ts';

/**
 * Who a party is for telling occurrences apart: a country's ministry or government body counts as
 * the country ("Pyongyang slams Pompeo" in the headline, "North Korea’s foreign ministry denounced
 * Pompeo" in the body: one accusation).
 */
function partyKey(r: ActorRef): string {
  if (r.kind === 'org' && (r.entity.kind === 'MINISTRY' || r.entity.kind === 'GOVERNMENT')) {
    const words = r.entity.name.split(' ');
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const country = countryOf(words.slice(0, n).join(' '));
      if (country) return `o:${country}`;
    }
  }
  return actorId(r);
}

const side = (list: TypedEventDraft['sources']) => list.map(partyKey).sort().join('+');

// A company's deals are one family (a bid that became an acquisition is one occurrence read twice); its results, dividend,
// forecast, offering, product or bankruptcy are each another act ("AEL … projects a 15 pct hike in sales" and "AEL reported
// net income" are two events of one company).
const DEAL_MODES: ReadonlySet<string> = new Set(['deal', 'acquisition', 'bid', 'joint_venture', 'spinoff']);
const businessAct = (e: TypedEventDraft) => (e.type !== 'BUSINESS' || !e.mode || DEAL_MODES.has(e.mode) ? '' : `/${e.mode}`);

/** Which events are the same occurrence: same type (for a company, the same kind of act) and the same parties (either way round when mutual). */
function identity(e: TypedEventDraft): string {
  const a = side(e.sources);
  const b = side(e.targets);
  const parties = e.symmetric && b < a ? `${b}>${a}` : `${a}>${b}`;
  return `${e.type}${businessAct(e)}|${parties}`;
}

function absorb(first: TypedEventDraft, e: TypedEventDraft): void {
  first.mentions.push(...e.mentions);
  // Every sentence of the absorbed event, not only its first: "the talks", "the meeting" attached to it
  // earlier report it too (their statements are linked by sentence).
  for (const s of e.sentences) if (!first.sentences.includes(s)) first.sentences.push(s);
  first.date = preciserDate(first.date, e.date);
  first.place ??= e.place;
  first.mode ??= e.mode;
  first.confidence = Math.max(first.confidence, e.confidence);
}

/**
 * "Kim will visit Russia for talks with Putin": one trip, read as a visit (to Russia) and talks
 * (with Putin). Meetings of one sentence that share a party but differ in mode are one occurrence;
 * the later one's parties join the first's, so either reading of who was met is kept. Two visits
 * ("a visit to Malaysia … leaves for Indonesia") stay two.
 */
function mergeSentenceMeetings(events: TypedEventDraft[]): TypedEventDraft[] {
  const out: TypedEventDraft[] = [];
  for (const e of events) {
    const ids = new Set([...e.sources, ...e.targets].map(actorId));
    const first = e.type === 'CONSULT' ? out.find((x) => x.type === 'CONSULT' && x.mode !== e.mode && x.sentence === e.sentence && [...x.sources, ...x.targets].some((a) => ids.has(actorId(a)))) : undefined;
    if (!first) {
      out.push(e);
      continue;
    }
    const known = new Set([...first.sources, ...first.targets].map(actorId));
    for (const t of [...e.sources, ...e.targets]) if (!known.has(actorId(t))) first.targets.push(t), known.add(actorId(t));
    absorb(first, e);
    // "heads to China for an April 26-27 summit": the trip is to the summit, and the summit is what is recorded.
    if (e.mode === 'summit' && first.mode === 'visit') first.mode = 'summit';
  }
  return out;
}

// Speech acts (an accusation, a demand, a rejection, praise) are read whole: one with fewer parties is
// another act, not the same one named again.
export const SPEECH_ACTS: ReadonlySet<string> = new Set(['ACCUSE', 'REQUEST', 'REJECT', 'SUPPORT', 'THREATEN']);

const ids = (list: TypedEventDraft['sources']) => new Set(list.map(actorId));

/**
 * Whether `e` names `x` again with fewer parties ("Obama ran for president against McCain" …
 * "when he ran for the White House in 2008"): same type, a compatible mode, time and place, and
 * every party of `e` on its side of `x` (either side when mutual).
 */
function namesAgain(x: TypedEventDraft, e: TypedEventDraft): boolean {
  if (x.type !== e.type || (x.mode && e.mode && x.mode !== e.mode) || (!e.sources.length && !e.targets.length)) return false;
  if (!placesCompatible(x.place?.name ?? null, e.place?.name ?? null) || !datesCompatible(x.date, e.date)) return false;
  const [xs, xt] = [ids(x.sources), ids(x.targets)];
  const within = (list: TypedEventDraft['sources'], a: Set<string>, b: Set<string>) => list.every((r) => a.has(actorId(r)) || (x.symmetric && b.has(actorId(r))));
  return within(e.sources, xs, xt) && within(e.targets, xt, xs) && e.sources.length + e.targets.length < x.sources.length + x.targets.length;
}

/**
 * One event per occurrence: an article naming the same meeting or the same accusation again
 * ("the talks", a second "denounced", a headline's "slams") adds mentions and sentences to the
 * first, and a date or place the first lacked. Events with no party at all are one occurrence when
 * their type, mode, time and place agree ("local elections next week … the elections will be held"),
 * and two when their dates tell them apart (the 2012 and the 2016 election).
 */
export function mergeEvents(events: TypedEventDraft[]): TypedEventDraft[] {
  const byId = new Map<string, TypedEventDraft[]>();
  const out: TypedEventDraft[] = [];
  for (const e of mergeSentenceMeetings(events)) {
    const id = !e.sources.length && !e.targets.length ? `${e.type}/${e.mode}|` : identity(e);
    const same = byId.get(id);
    // Same parties in another place or at another time: another meeting ("the Hanoi summit … talks in Singapore"),
    // which a later mention may name again: the first of them whose place and time agree is the one named.
    const first = same?.find((x) => placesCompatible(x.place?.name ?? null, e.place?.name ?? null) && datesCompatible(x.date, e.date));
    if (same && !first) {
      same.push(e);
      out.push(e);
      continue;
    }
    const fuller = first ? undefined : SPEECH_ACTS.has(e.type) ? undefined : out.find((x) => namesAgain(x, e));
    if (fuller) {
      absorb(fuller, e);
      continue;
    }
    if (!first) {
      byId.set(id, [e]);
      out.push(e);
      continue;
    }
    absorb(first, e);
  }
  return out;
}
