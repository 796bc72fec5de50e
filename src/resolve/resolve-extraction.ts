import type { Extraction } from '../extract/types.ts';
import { addMembers, eventOf, membersOf, resolveEvents } from './events.ts';
import { normalizeName, preferredName } from './names.ts';
import type { EntityIndex, NameChange, ResolvedExtraction } from './types.ts';

export { normalizeName } from './names.ts';

export function emptyIndex(): EntityIndex {
  return { people: new Map(), organizations: new Map(), places: new Map(), events: { members: [], byPrefix: new Map(), byName: new Map(), merged: new Map() } };
}

/**
 * The node name of each of `names` against `known`: the preferred spelling among the known one and the
 * article's own spellings of that normalised name. A known node whose spelling gives way is renamed.
 *
 * Only names that normalise alike are one node across articles. Matching a lone surname or an alias to
 * a node depended on what was stored before ("Blair" after "Tony Blair" joined him, before him stayed
 * alone; a second "X Blair" made it ambiguous), so the graph depended on arrival order; within an
 * article the extractor links "Blair" to "Tony Blair" already.
 */
function nodeNames(names: string[], known: Map<string, string>): { nameOf: Map<string, string>; renames: NameChange[] } {
  const best = new Map<string, string>();
  for (const name of names) {
    const n = normalizeName(name);
    const current = best.get(n) ?? known.get(n);
    best.set(n, current === undefined ? name : preferredName(current, name));
  }
  const renames: NameChange[] = [];
  for (const [n, name] of best) {
    const stored = known.get(n);
    if (stored !== undefined && stored !== name) renames.push({ from: stored, to: name });
  }
  return { nameOf: new Map(names.map((name) => [name, best.get(normalizeName(name))!])), renames };
}

/** Entities renamed to their node's name; the spelling the article used becomes an alias. */
function resolveNamed<T extends { name: string; aliases: string[] }>(list: T[], known: Map<string, string>): { list: T[]; renames: NameChange[] } {
  const { nameOf, renames } = nodeNames(list.map((e) => e.name), known);
  return {
    list: list.map((e) => {
      const name = nameOf.get(e.name)!;
      return name === e.name ? e : { ...e, name, aliases: [...new Set([...e.aliases, e.name])] };
    }),
    renames,
  };
}

/**
 * Matches the article's entities against the index, and its events against the accounts of events the
 * index holds (see resolveEvents): every rule is about names and accounts, never about which came first.
 * `article`: the article's identities (natural key, content hash), so that its accounts are not compared
 * with its own stored ones when it is read again (see EventMember.article).
 */
export function resolveExtraction(extraction: Extraction, index: EntityIndex, article?: string[]): ResolvedExtraction {
  const people = resolveNamed(extraction.people, index.people);
  const organizations = resolveNamed(extraction.organizations, index.organizations);
  const places = resolveNamed(extraction.places, index.places);
  const named = { ...extraction, people: people.list, organizations: organizations.list, places: places.list };
  const members = membersOf(named, article);
  const { keyOf, merges } = resolveEvents(members, index.events);
  return {
    ...named,
    events: extraction.events.map((e) => ({ ...e, key: keyOf.get(e.key)! })),
    statements: extraction.statements.map((s) => ({ ...s, eventKey: s.eventKey ? (keyOf.get(s.eventKey) ?? s.eventKey) : null })),
    renames: { people: people.renames, organizations: organizations.renames, places: places.renames, events: merges },
    members: members.map((m) => ({ ...m, event: keyOf.get(m.key)! })),
  };
}

/** An article's event keys as the later articles of its batch left them (their merges applied). */
export function finalEventKeys(index: EntityIndex, resolved: ResolvedExtraction): ResolvedExtraction {
  const to = (k: string) => eventOf(index.events, k);
  return { ...resolved, events: resolved.events.map((e) => ({ ...e, key: to(e.key) })), statements: resolved.statements.map((s) => ({ ...s, eventKey: s.eventKey ? to(s.eventKey) : null })) };
}

/** Adds what an article taught us to the index used for the next articles of a batch. */
export function addToIndex(index: EntityIndex, resolved: ResolvedExtraction): void {
  for (const p of resolved.people) index.people.set(normalizeName(p.name), p.name);
  for (const o of resolved.organizations) index.organizations.set(normalizeName(o.name), o.name);
  for (const p of resolved.places) index.places.set(normalizeName(p.name), p.name);
  addMembers(index.events, resolved.members ?? []);
}
