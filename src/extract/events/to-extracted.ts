import type { EntityDraft, EntityIndexLocal, OrgDraft } from '../entities.ts';
import type { EventActor, ExtractedEvent } from '../types.ts';
import type { ActorRef } from './actors.ts';
import type { TypedEventDraft } from './find-events.ts';
import { legacyKind } from './ontology.ts';
import { yearlessForm, type DateRange } from '../dates.ts';

export interface KeyMaps {
  person: Map<EntityDraft, string>;
  org: Map<object, string>;
  place: Map<object, string>;
  slug: (s: string) => string;
  /** A hash of the article's title and text (base 36), for the keys of events no other article's can join (read only for those: it may be computed on first read). */
  textHash: string;
  /** Whether the article has a publication date (its undated events are then dated on or before it). */
  dated: boolean;
}

/**
 * Deterministic key: event group, parties, then place and the date the text gives (`undated` when it
 * gives neither) — refined across articles by resolve. Two articles' accounts with one key are one
 * event row, so a key says all that resolve's sameEvent checks: every party, the place, and the date
 * to the precision the text has (accounts of 2019-02 and 2019-10 in one place are two events).
 */
export function eventKey(e: { group: string; names: string[]; own?: string | null; alone?: string | null; place: string | null; date: DateRange | null }, slug: (s: string) => string): string {
  const when = e.date ? keyDate(e.date) : null;
  const at = [e.place ? slug(e.place) : null, when].filter(Boolean).join('/');
  return `${e.group}:${[...e.names].map(slug).sort().join('+')}${e.own ? `~${e.own}` : ''}@${at || 'undated'}${e.alone ? `~${e.alone}` : ''}`;
}

function keyDate(d: DateRange): string {
  // A yearless date as ISO 8601 writes it: --MM, --MM-DD.
  if (d.yearless) return d.precision === 'MONTH' ? `-${d.start.slice(4, 7)}` : d.start === d.end ? `-${d.start.slice(4)}` : `-${d.start.slice(4)}..-${d.end.slice(4)}`;
  if (d.precision === 'YEAR') return d.start.slice(0, 4);
  if (d.precision === 'ON_OR_BEFORE') return `..${d.end}`;
  if (d.precision === 'MONTH') return d.start.slice(0, 7);
  return d.start === d.end ? d.start : `${d.start}..${d.end}`;
}

/** The group resolve merges across articles by: the old meeting and test groups, else the type. */
export function eventGroup(e: Pick<TypedEventDraft, 'type' | 'mode'>): string {
  if (e.type === 'CONSULT') return 'meeting';
  if (e.type === 'MOBILIZE' && e.mode === 'weapons_test') return 'test';
  return e.mode ? `${e.type.toLowerCase()}-${e.mode}` : e.type.toLowerCase();
}

const KIND_WORD: Record<string, string> = { MEETING: 'meeting', SUMMIT: 'summit', TALKS: 'talks', VISIT: 'visit', WEAPONS_TEST: 'weapons test' };

/**
 * A typed event as the extraction reports it. Countries become their government organisation
 * (created on first use, as the speaker rules do); the legacy fields (kind, participants,
 * organisations) are derived so the store keeps working unchanged.
 */
export function toExtractedEvent(e: TypedEventDraft, index: EntityIndexLocal, keys: KeyMaps, taken: Set<string>): ExtractedEvent {
  const actor = (r: ActorRef): EventActor => ({ ...party(r), ...(r.written ? { written: r.written } : {}) });
  const party = (r: ActorRef): EventActor => {
    if (r.kind === 'person') return { type: 'person', key: keys.person.get(r.entity) ?? null, name: r.entity.name };
    const org: OrgDraft | null = r.kind === 'org' ? r.entity : r.kind === 'country' ? index.governmentFor(r.country, null) : null;
    if (org) {
      if (!keys.org.has(org)) keys.org.set(org, `org:${keys.slug(org.name)}`);
      return { type: 'organization', key: keys.org.get(org)!, name: org.name };
    }
    return { type: 'group', key: null, name: (r as { name: string }).name };
  };
  const sources = e.sources.map(actor);
  const targets = e.targets.map(actor);
  const all = [...sources, ...targets];
  const people = all.filter((a) => a.type === 'person' && a.key).map((a) => a.key!);
  const orgs = all.filter((a) => a.type === 'organization').map((a) => a.key!);
  const kind = legacyKind(e.type, e.mode);
  // Every party names the key (a person's meeting with China and with India are two); an event with
  // no party at all is this article's alone (`~` and a hash of the text): resolve never merges it
  // across articles, and a key shared by two articles would make it one row all the same.
  const names = all.length ? [...new Set(all.map((a) => a.name))] : [e.mode ?? e.trigger.text];
  // A second event of the article with the same group and parties is told apart before the "@":
  // resolve matches party-less events across articles by that prefix, so a suffix after it would
  // fold the two into one when the article is ingested again (a corrected version).
  let group = eventGroup(e);
  // One party with no place and no time (an undated article's "Brown visited"): resolve joins it to no
  // other article's account (a name alone), so its key is the article's too — after the `@`, so an
  // account of a dated report with the same parties still finds it by the part before.
  const alone = all.length === 1 && !e.place && !e.date && !keys.dated ? keys.textHash : null;
  const at = (g: string) => eventKey({ group: g, names, own: all.length ? null : keys.textHash, alone, place: e.place?.name ?? null, date: e.date }, keys.slug);
  let key = at(group);
  while (taken.has(key.split('@')[0])) key = at((group += '+'));
  const dated = e.date && !e.date.yearless ? e.date : null;
  taken.add(key.split('@')[0]);
  const who = (list: EventActor[]) => list.map((a) => a.name).join('–');
  const title = KIND_WORD[kind]
    ? `${who(all.filter((a) => a.type === 'person').length ? all.filter((a) => a.type === 'person') : all)} ${KIND_WORD[kind]}${e.place ? ` in ${e.place.name}` : ''}`.trim()
    : `${e.type}${e.mode ? `/${e.mode}` : ''}: ${who(sources) || '?'}${targets.length ? ` → ${who(targets)}` : ''}`;
  return {
    key,
    title,
    kind,
    startDate: dated && dated.precision !== 'ON_OR_BEFORE' ? dated.start : null,
    endDate: dated?.end ?? null,
    precision: dated?.precision ?? null,
    ...(e.date?.yearless ? { yearless: yearlessForm(e.date) } : {}),
    placeKey: e.place ? (keys.place.get(e.place) ?? null) : null,
    participantKeys: [...new Set(people)],
    organizationKeys: [...new Set(orgs)],
    mentions: [...e.mentions].sort((a, b) => a.start - b.start),
    type: e.type,
    mode: e.mode,
    symmetric: e.symmetric,
    sources,
    targets,
    trigger: e.trigger,
    sentence: { start: e.sentence.start, end: e.sentence.end },
    confidence: Math.round(e.confidence * 100) / 100,
    statementIndexes: [],
  };
}
