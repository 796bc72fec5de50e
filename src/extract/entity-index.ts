import type { EntityDraft, EntityIndexLocal, OrgDraft, PlaceDraft } from './entity-drafts.ts';
import type { Mention, OrganizationKind } from './types.ts';

type Span<K extends string, T> = { start: number; end: number } & Record<K, T>;

export interface EntityIndexParts {
  people: EntityDraft[];
  organizations: OrgDraft[];
  places: PlaceDraft[];
  personSpans: Span<'person', EntityDraft>[];
  orgSpans: Span<'org', OrgDraft>[];
  placeSpans: Span<'place', PlaceDraft>[];
  /** The organisation already standing for a country, if the article named it. */
  findOrg(country: string): OrgDraft | undefined;
  /** Adds the government organisation of a country. */
  addGovernment(country: string): OrgDraft;
  /** Adds an organisation the text names only through its members ("Clinton's campaign", "Republicans said"). */
  addOrganization(name: string, kind: OrganizationKind): OrgDraft;
}

const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
const overlapping = <T extends { start: number; end: number }>(list: T[], start: number, end: number) => list.find((x) => x.start < end && x.end > start) ?? null;

/**
 * The entity index the later stages read (statements, events), built the same way from the rules'
 * reading and from the recogniser's: spans in text order, look-ups by overlap, and one government
 * organisation per country, created on first use ("Pyongyang said" → North Korea), and one per group
 * the text names only through its members ("Clinton's campaign", "Republicans said").
 */
export function buildEntityIndex(parts: EntityIndexParts): EntityIndexLocal {
  const governments = new Map<string, OrgDraft>();
  const groups = new Map<string, OrgDraft>();
  const index: EntityIndexLocal = {
    people: parts.people,
    organizations: parts.organizations,
    places: parts.places,
    governmentFor(country: string, m: Mention | null) {
      const o = parts.findOrg(country) ?? governments.get(country) ?? parts.addGovernment(country);
      governments.set(country, o);
      if (m) {
        o.aliases.add(m.text.replace(/^the /i, ''));
        o.mentions.push(m);
      }
      if (!index.organizations.includes(o)) index.organizations.push(o);
      return o;
    },
    organizationFor(name: string, kind: OrganizationKind, m: Mention | null) {
      const o = parts.findOrg(name) ?? groups.get(name) ?? parts.addOrganization(name, kind);
      groups.set(name, o);
      if (m) o.mentions.push(m);
      if (!index.organizations.includes(o)) index.organizations.push(o);
      return o;
    },
    personSpans: parts.personSpans.sort(byStart),
    orgSpans: parts.orgSpans.sort(byStart),
    placeSpans: parts.placeSpans.sort(byStart),
    personAt: (s, e) => overlapping(parts.personSpans, s, e)?.person ?? null,
    orgAt: (s, e) => overlapping(parts.orgSpans, s, e)?.org ?? null,
    placeAt: (s, e) => overlapping(parts.placeSpans, s, e)?.place ?? null,
  };
  return index;
}
