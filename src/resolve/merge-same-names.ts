import type { EventActor, ExtractedEvent, Mention } from '../extract/types.ts';
import type { ResolvedExtraction } from '../resolve/types.ts';

interface Named {
  key: string;
  name: string;
  aliases: string[];
  mentions: Mention[];
}

function mergeBy<T extends { key: string; mentions: Mention[] }>(items: T[], identity: (t: T) => string, combine: (into: T, from: T) => void, rename: Map<string, string>): T[] {
  const kept = new Map<string, T>();
  const byKey = new Map<string, T>();
  for (const item of items) {
    const id = identity(item);
    // Same name, or (against the extraction contract) the same key under another name: one node.
    const first = kept.get(id) ?? byKey.get(item.key);
    if (!first) {
      const copy = { ...item, mentions: [...item.mentions] };
      kept.set(id, copy);
      byKey.set(item.key, copy);
      continue;
    }
    if (item.key !== first.key) rename.set(item.key, first.key);
    first.mentions.push(...item.mentions);
    combine(first, item);
  }
  for (const t of kept.values()) t.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return [...kept.values()];
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
/** Actors once each: a node by its key, a group by its name. */
const uniqueActors = (list: EventActor[]) => [...new Map(list.map((a) => [a.key ?? `group:${a.name}`, a])).values()];
const mergeNamed = <T extends Named>(into: T, from: T) => {
  into.aliases = union(into.aliases, from.aliases);
};

/**
 * Resolution may map two mentions of one article to the same graph node (say "Kim" and
 * "Kim Jong Un" both to the existing "Kim Jong Un"), or two events to one key. Persistence writes
 * one row per node, so they are merged here first: mentions, aliases and roles unioned, and every
 * reference moved to the surviving key. (Unmerged, the upsert failed with "ON CONFLICT DO UPDATE
 * command cannot affect row a second time" and the article was lost.)
 */
export function mergeSameNames(r: ResolvedExtraction): ResolvedExtraction {
  const person = new Map<string, string>();
  const org = new Map<string, string>();
  const place = new Map<string, string>();
  const event = new Map<string, string>();
  const people = mergeBy(r.people, (p) => p.name, (into, from) => {
    mergeNamed(into, from);
    into.roles = union(into.roles, from.roles);
  }, person);
  const organizations = mergeBy(r.organizations, (o) => o.name, (into, from) => {
    mergeNamed(into, from);
    if (into.kind === 'OTHER') into.kind = from.kind;
  }, org);
  const places = mergeBy(r.places, (p) => p.name, (into, from) => {
    mergeNamed(into, from);
    if (into.kind === 'OTHER') into.kind = from.kind;
    into.geo ??= from.geo;
  }, place);
  const to = (m: Map<string, string>) => (k: string) => m.get(k) ?? k;
  const uniqueKeys = (keys: string[], m: Map<string, string>) => [...new Set(keys.map(to(m)))];
  const actors = (list: EventActor[] | undefined) => list && uniqueActors(list.map((a) => (a.key === null ? a : { ...a, key: to(a.type === 'person' ? person : org)(a.key) })));
  const remapped: ExtractedEvent[] = r.events.map((e) => ({
    ...e,
    placeKey: e.placeKey ? to(place)(e.placeKey) : null,
    participantKeys: uniqueKeys(e.participantKeys, person),
    organizationKeys: uniqueKeys(e.organizationKeys, org),
    ...(e.sources ? { sources: actors(e.sources) } : {}),
    ...(e.targets ? { targets: actors(e.targets) } : {}),
  }));
  const events = mergeBy(remapped, (e) => e.key, (into, from) => {
    into.participantKeys = union(into.participantKeys, from.participantKeys);
    into.organizationKeys = union(into.organizationKeys, from.organizationKeys);
    into.placeKey ??= from.placeKey;
    // Two accounts of one event in an article: who acted and who was acted on, by either.
    if (from.sources) into.sources = uniqueActors([...(into.sources ?? []), ...from.sources]);
    if (from.targets) into.targets = uniqueActors([...(into.targets ?? []), ...from.targets]);
  }, event);
  const statements = r.statements.map((s) => ({
    ...s,
    speaker: s.speaker ? { ...s.speaker, key: to(s.speaker.type === 'person' ? person : org)(s.speaker.key) } : null,
    eventKey: s.eventKey ? to(event)(s.eventKey) : null,
  }));
  const members = r.members?.map((m) => ({ ...m, placeKey: m.placeKey ? to(place)(m.placeKey) : null }));
  return { people, organizations, places, events, statements, renames: r.renames, members };
}
