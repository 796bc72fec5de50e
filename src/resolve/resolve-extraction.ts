import { placesCompatible } from '../extract/events.ts';
import type { EventKind, Extraction } from '../extract/types.ts';
import type { ParsedArticle } from '../ingest/types.ts';
import type { EntityIndex, KnownEntity, KnownEvent, ResolvedExtraction } from './types.ts';

export function emptyIndex(): EntityIndex {
  return { people: [], organizations: [], places: [], events: [] };
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function eventGroup(kind: EventKind): string {
  if (kind === 'MEETING' || kind === 'SUMMIT' || kind === 'TALKS' || kind === 'VISIT') return 'meeting';
  if (kind === 'WEAPONS_TEST' || kind === 'LAUNCH') return 'test';
  return kind.toLowerCase();
}

/** Canonical name of an extracted entity in the graph: exact name, unique alias, or unique surname. */
function canonical(name: string, known: KnownEntity[], allowSurname: boolean): string {
  const n = norm(name);
  const exact = known.find((k) => norm(k.name) === n);
  if (exact) return exact.name;
  const byAlias = known.filter((k) => k.aliases.some((a) => norm(a) === n));
  if (byAlias.length === 1) return byAlias[0].name;
  if (allowSurname && !n.includes(' ')) {
    const bySurname = known.filter((k) => {
      const parts = norm(k.name).split(' ');
      return parts.length > 1 && (parts[parts.length - 1] === n || parts[0] === n);
    });
    if (bySurname.length === 1) return bySurname[0].name;
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
  const k = list.find((x) => x.name === name);
  if (k) {
    for (const a of aliases) if (!k.aliases.includes(a)) k.aliases.push(a);
  } else list.push({ name, aliases: [...aliases] });
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
      if (!existing.startDate && e.startDate) Object.assign(existing, { startDate: e.startDate, endDate: e.endDate });
    } else {
      index.events.push({ key: e.key, kind: e.kind, title: e.title, participantNames: names, placeName: e.placeKey ? (placeName.get(e.placeKey) ?? null) : null, startDate: e.startDate, endDate: e.endDate });
    }
  }
}
