import { placesCompatible } from '../extract/events/event-setting.ts';
import type { EventActor, EventKind, Extraction } from '../extract/types.ts';
import { timesCompatible } from './event-dates.ts';
import { eventTyping } from './event-typing.ts';
import { compareCodePoints, normalizeName } from './names.ts';
import type { EventIndex, EventMember, NameChange } from './types.ts';

export function eventGroup(kind: EventKind): string {
  if (kind === 'MEETING' || kind === 'SUMMIT' || kind === 'TALKS' || kind === 'VISIT') return 'meeting';
  if (kind === 'WEAPONS_TEST' || kind === 'LAUNCH') return 'test';
  return kind.toLowerCase();
}

const prefix = (key: string) => key.split('@')[0];
/**
 * The event type group a key starts with ("accuse", "request", "meeting", "test"): since extractor
 * 1.7.0 most types are stored with kind OTHER, so the kind alone would let an accusation and an
 * election between the same people merge.
 */
const typeGroup = (key: string) => key.split(':')[0];

function append(map: Map<string, EventMember[]>, key: string, m: EventMember): void {
  const list = map.get(key);
  if (list) list.push(m);
  else map.set(key, [m]);
}

/** Adds accounts to the index (the stored ones a batch looked up, then each article's). */
export function addMembers(index: EventIndex, members: EventMember[]): void {
  for (const m of members) {
    index.members.push(m);
    append(index.byPrefix, prefix(m.key), m);
    for (const name of m.names) append(index.byName, name, m);
  }
}

/**
 * The known accounts that can be of one event with `m`: those with the same key before `@` (the same
 * parties) or a shared participant. sameEvent is only asked about these, and both tests are
 * symmetric, so what merges does not depend on which account comes first.
 */
function candidates(index: EventIndex, m: EventMember): Set<EventMember> {
  const out = new Set(index.byPrefix.get(prefix(m.key)));
  for (const name of m.names) for (const known of index.byName.get(name) ?? []) out.add(known);
  return out;
}

function placesMatch(a: string | null, b: string | null): boolean {
  return !a || !b || normalizeName(a) === normalizeName(b) || placesCompatible(a, b);
}

const actorsOf = (m: EventMember): string[] => m.actors ?? m.names;
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const within = (a: string[], b: string[]) => a.every((x) => b.includes(x));

/**
 * Whether two accounts name the same parties: the same people (then the organisations of the one
 * within the other's: "Trump and Kim", and "Trump, the United States and Kim" where the United States
 * stands beside its president), or, when neither names a person, the same organisations and groups.
 * Never a party within a larger set of people: an account naming one person (a visit) joined every
 * meeting that person attends, and chains of such joins gave events whose articles shared nobody.
 */
function actorsAgree(a: EventMember, b: EventMember): boolean {
  const [x, y] = [actorsOf(a), actorsOf(b)];
  if (x.length === 0 || y.length === 0) return false;
  if (a.names.length === 0 && b.names.length === 0) return sameList(x, y);
  if (!sameList(a.names, b.names)) return false;
  const [ox, oy] = [x.filter((n) => !a.names.includes(n)), y.filter((n) => !b.names.includes(n))];
  return within(ox, oy) || within(oy, ox);
}

const placed = (m: EventMember) => m.placeName !== null;
const timed = (m: EventMember) => m.precision !== null || !!m.yearless;

/**
 * Whether two articles' accounts may be of one event: same type, compatible places and times, and
 * the same parties (see actorsAgree). Never on a name alone: an account without parties joins
 * nothing, and an account of one party needs a place or a time on either side (an undated report
 * joins a dated one). Symmetric and about the two accounts alone, never about what else is stored.
 */
export function sameEvent(a: EventMember, b: EventMember): boolean {
  if (eventGroup(a.kind) !== eventGroup(b.kind) || typeGroup(a.key) !== typeGroup(b.key) || !placesMatch(a.placeName, b.placeName) || !timesCompatible(a, b)) return false;
  if (!actorsAgree(a, b)) return false;
  return Math.min(actorsOf(a).length, actorsOf(b).length) >= 2 || placed(a) || placed(b) || timed(a) || timed(b);
}

/** The event an event key now belongs to, after the merges the index has seen. */
export function eventOf(index: EventIndex, key: string): string {
  let k = key;
  while (index.merged.has(k)) k = index.merged.get(k)!;
  return k;
}

/** Joins two events: the one with the smaller key (code point order) takes the other in. */
function join(index: EventIndex, a: string, b: string): void {
  const [x, y] = [eventOf(index, a), eventOf(index, b)];
  if (x === y) return;
  const [keep, gone] = compareCodePoints(x, y) < 0 ? [x, y] : [y, x];
  index.merged.set(gone, keep);
}

/** The article's accounts of events, with the names they resolved to; `article`: its identities (see EventMember.article). */
export function membersOf(extraction: Extraction, article?: string[]): EventMember[] {
  const person = new Map(extraction.people.map((p) => [p.key, normalizeName(p.name)]));
  // A party by its node's name (the resolved spelling), a group by the words the text gives.
  const nodeName = new Map([...extraction.people, ...extraction.organizations].map((x) => [x.key, x.name]));
  const actorName = (a: EventActor) => (a.key ? (nodeName.get(a.key) ?? a.name) : a.name);
  const place = new Map(extraction.places.map((p) => [p.key, p.name]));
  return extraction.events.map((e) => ({
    event: e.key,
    key: e.key,
    kind: e.kind,
    title: e.title,
    startDate: e.startDate,
    endDate: e.endDate,
    precision: e.precision,
    placeKey: e.placeKey,
    placeName: e.placeKey ? (place.get(e.placeKey) ?? null) : null,
    names: [...new Set(e.participantKeys.map((k) => person.get(k)!).filter(Boolean))].sort(),
    actors: [...new Set([...(e.sources ?? []), ...(e.targets ?? [])].map((a) => normalizeName(actorName(a))))].sort(),
    yearless: e.yearless ?? null,
    typing: eventTyping(e),
    trigger: e.trigger ? [e.trigger.start, e.trigger.end] : null,
    sentence: e.sentence ? [e.sentence.start, e.sentence.end] : null,
    ...(article ? { article } : {}),
  }));
}

/** Whether two accounts come from one article (one of its identities in common). */
function sameArticle(a: EventMember, b: EventMember): boolean {
  return !!a.article && !!b.article && a.article.some((x) => b.article!.includes(x));
}

/**
 * Whether two accounts of different articles are linked: sameEvent, or one key. Accounts with one key
 * are one event row whatever sameEvent says, so the link is made explicit: otherwise an account whose
 * key was merged into another event in an earlier batch (whose merges this batch's index does not hold)
 * would start a new row under that key, where one batch would have put it in the merged event.
 */
function linked(m: EventMember, known: EventMember): boolean {
  return !sameArticle(m, known) && (m.key === known.key || sameEvent(m, known));
}

/**
 * Events are the connected groups of accounts that `linked` links (accounts of different articles only),
 * keyed by the smallest key of their accounts: the same groups and keys whichever account arrives first,
 * wherever batches end, and however often an article is read. An account linking two known events merges
 * them (`merges`: the keys that give way, in code point order).
 */
export function resolveEvents(members: EventMember[], index: EventIndex): { keyOf: Map<string, string>; merges: NameChange[] } {
  const near = members.map((m) => candidates(index, m));
  // Only events of candidates take part in joins (an account's own key, if known, is a candidate's
  // event too), so those are the known events that can be merged.
  const before = new Set(near.flatMap((set) => [...set].map((known) => eventOf(index, known.event))));
  members.forEach((m, i) => {
    for (const known of near[i]) if (linked(m, known)) join(index, m.key, known.event);
  });
  const merges = [...before].filter((k) => eventOf(index, k) !== k).sort(compareCodePoints).map((k) => ({ from: k, to: eventOf(index, k) }));
  return { keyOf: new Map(members.map((m) => [m.key, eventOf(index, m.key)])), merges };
}
