import { placesCompatible } from '../extract/events.ts';
import type { EventKind, Extraction } from '../extract/types.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import type { EntityIndex, KnownEntity, KnownEvent, ResolvedExtraction } from './types.ts';

export function emptyIndex(): EntityIndex {
  return { people: [], organizations: [], places: [], events: [] };
}

/** How names are compared: NFKC, lower case, runs of white space as one space. */
export const normalizeName = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const norm = normalizeName;

export function eventGroup(kind: EventKind): string {
  if (kind === 'MEETING' || kind === 'SUMMIT' || kind === 'TALKS' || kind === 'VISIT') return 'meeting';
  if (kind === 'WEAPONS_TEST' || kind === 'LAUNCH') return 'test';
  return kind.toLowerCase();
}

/**
 * Look-up tables over one list of known entities, so that resolving an article costs a few map
 * look-ups instead of normalising every known name (resolution was quadratic in the graph's size:
 * 100 s of a 21k-article ingest). They answer exactly what scanning the list in order would:
 * the first entity with a name, the entities with an alias, the multi-word names with a first or
 * last word. Kept in step by `addToIndex`; entities appended to the list by other code are picked
 * up on the next look-up. Any other change to a known entity needs `forgetIndexCache(index)`.
 */
interface ListCache {
  /** How many entries of the list are indexed. */
  size: number;
  byNorm: Map<string, KnownEntity>;
  byName: Map<string, KnownEntity>;
  byAlias: Map<string, Set<KnownEntity>>;
  byNamePart: Map<string, Set<KnownEntity>>;
}

const caches = new WeakMap<KnownEntity[], ListCache>();

function addToSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function indexEntity(cache: ListCache, k: KnownEntity): void {
  const n = norm(k.name);
  if (!cache.byNorm.has(n)) cache.byNorm.set(n, k);
  if (!cache.byName.has(k.name)) cache.byName.set(k.name, k);
  for (const a of k.aliases) addToSet(cache.byAlias, norm(a), k);
  const parts = n.split(' ');
  if (parts.length > 1) {
    addToSet(cache.byNamePart, parts[0], k);
    addToSet(cache.byNamePart, parts[parts.length - 1], k);
  }
}

function cacheOf(list: KnownEntity[]): ListCache {
  let cache = caches.get(list);
  if (!cache || cache.size > list.length) {
    cache = { size: 0, byNorm: new Map(), byName: new Map(), byAlias: new Map(), byNamePart: new Map() };
    caches.set(list, cache);
  }
  while (cache.size < list.length) indexEntity(cache, list[cache.size++]);
  return cache;
}

/** Drops the look-up tables of an index after it was changed other than through `addToIndex` (they are rebuilt on demand). */
export function forgetIndexCache(index: EntityIndex): void {
  for (const list of [index.people, index.organizations, index.places]) caches.delete(list);
}

const only = <T>(set: Set<T> | undefined): T | undefined => (set && set.size === 1 ? set.values().next().value : undefined);

/** Canonical name of an extracted entity in the graph: exact name, unique alias, or unique surname. */
function canonical(name: string, known: KnownEntity[], allowSurname: boolean): string {
  const n = norm(name);
  const cache = cacheOf(known);
  const exact = cache.byNorm.get(n);
  if (exact) return exact.name;
  const byAlias = only(cache.byAlias.get(n));
  if (byAlias) return byAlias.name;
  if (allowSurname && !n.includes(' ')) {
    const bySurname = only(cache.byNamePart.get(n));
    if (bySurname) return bySurname.name;
  }
  return name;
}

function datesOverlap(a: { startDate: string | null; endDate: string | null }, b: { startDate: string | null; endDate: string | null }): boolean {
  if (!a.startDate || !b.startDate) return true;
  return a.startDate <= (b.endDate ?? b.startDate) && b.startDate <= (a.endDate ?? a.startDate);
}

/** Matches the article's entities and events against the graph; the same event in several articles gets one key. */
export function resolveExtraction(_parsed: ParsedArticle, extraction: Extraction, index: EntityIndex): ResolvedExtraction {
  const people = extraction.people.map((p) => {
    const name = canonical(p.name, index.people, true);
    return { ...p, name, aliases: name !== p.name ? [...new Set([...p.aliases, p.name])] : p.aliases };
  });
  const organizations = extraction.organizations.map((o) => ({ ...o, name: canonical(o.name, index.organizations, false) }));
  const places = extraction.places.map((p) => ({ ...p, name: canonical(p.name, index.places, false) }));
  const nameOfPerson = new Map(people.map((p) => [p.key, p.name]));
  const nameOfPlace = new Map(places.map((p) => [p.key, p.name]));

  const keyMap = new Map<string, string>();
  const events = extraction.events.map((e) => {
    const names = e.participantKeys.map((k) => nameOfPerson.get(k)!).filter(Boolean);
    const place = e.placeKey ? (nameOfPlace.get(e.placeKey) ?? null) : null;
    const group = eventGroup(e.kind);
    const prefix = e.key.split('@')[0];
    const candidates = index.events.filter((k) => {
      if (eventGroup(k.kind) !== group) return false;
      if (!placesCompatible(k.placeName, place) || !datesOverlap(k, e)) return false;
      if (names.length === 0 || k.participantNames.length === 0) return k.key.split('@')[0] === prefix;
      const shared = names.filter((n) => k.participantNames.includes(n)).length;
      return shared > 0 && shared >= Math.min(2, names.length, k.participantNames.length);
    });
    // The best match shares the most participants; ties go to the earliest-known event.
    const score = (k: KnownEvent) => names.filter((n) => k.participantNames.includes(n)).length;
    const best = candidates.sort((a, b) => score(b) - score(a))[0];
    const key = best ? best.key : e.key;
    keyMap.set(e.key, key);
    return { ...e, key };
  });
  const statements = extraction.statements.map((s) => ({ ...s, eventKey: s.eventKey ? (keyMap.get(s.eventKey) ?? s.eventKey) : null }));
  return { people, organizations, places, events, statements };
}

function merge(list: KnownEntity[], name: string, aliases: string[]): void {
  const cache = cacheOf(list);
  const k = cache.byName.get(name);
  if (k) {
    for (const a of aliases) {
      if (k.aliases.includes(a)) continue;
      k.aliases.push(a);
      addToSet(cache.byAlias, norm(a), k);
    }
  } else {
    list.push({ name, aliases: [...aliases] });
    cacheOf(list);
  }
}

/**
 * Whether a known event takes a new article's dates: the store's rule (UPSERT_EVENT keeps the most
 * precise dates), so that the index of a batch is what the stored graph will be; events without a
 * known precision (built by hand) take the first dates given.
 */
function takesDates(known: KnownEvent, e: { startDate: string | null; precision: string | null }): boolean {
  if (known.precision === undefined) return !known.startDate && !!e.startDate;
  return known.precision === null || (known.precision !== 'DAY' && e.precision === 'DAY');
}

/** Adds what an article taught us to the in-memory index used for the next articles of a batch. */
export function addToIndex(index: EntityIndex, _parsed: ParsedArticle, resolved: ResolvedExtraction): void {
  for (const p of resolved.people) merge(index.people, p.name, p.aliases);
  for (const o of resolved.organizations) merge(index.organizations, o.name, o.aliases);
  for (const p of resolved.places) merge(index.places, p.name, p.aliases);
  const personName = new Map(resolved.people.map((p) => [p.key, p.name]));
  const placeName = new Map(resolved.places.map((p) => [p.key, p.name]));
  for (const e of resolved.events) {
    const names = e.participantKeys.map((k) => personName.get(k)!).filter(Boolean);
    const existing = index.events.find((k) => k.key === e.key);
    if (existing) {
      for (const n of names) if (!existing.participantNames.includes(n)) existing.participantNames.push(n);
      existing.placeName ??= e.placeKey ? (placeName.get(e.placeKey) ?? null) : null;
      if (takesDates(existing, e)) Object.assign(existing, { startDate: e.startDate, endDate: e.endDate, precision: e.precision });
    } else {
      index.events.push({ key: e.key, kind: e.kind, title: e.title, participantNames: names, placeName: e.placeKey ? (placeName.get(e.placeKey) ?? null) : null, startDate: e.startDate, endDate: e.endDate, precision: e.precision });
    }
  }
}
