import { CITIES, COUNTRIES, KNOWN_ORGS, REGIONS } from './lexicon.ts';
import type { OrganizationKind, PlaceKind } from './types.ts';

// The curated gazetteers as look-up tables: what the rules, the composition of rules and model, the
// speaker and event steps and the store (mention confidence) ask of a name. A module of its own so
// that the store can ask without loading the extraction code.

export const PLACE_LOOKUP = new Map<string, { name: string; kind: PlaceKind; country: string | null }>();
for (const c of COUNTRIES) {
  PLACE_LOOKUP.set(c.name, { name: c.name, kind: 'COUNTRY', country: c.name });
  for (const a of c.aliases) PLACE_LOOKUP.set(a, { name: c.name, kind: 'COUNTRY', country: c.name });
  if (c.capital) PLACE_LOOKUP.set(c.capital, { name: c.capital, kind: 'CITY', country: c.name });
}
for (const [city, country] of Object.entries(CITIES)) PLACE_LOOKUP.set(city, { name: city, kind: 'CITY', country });
for (const r of REGIONS) PLACE_LOOKUP.set(r, { name: r, kind: 'REGION', country: null });
export const DEMONYMS = new Map<string, string>();
for (const c of COUNTRIES) DEMONYMS.set(c.demonym, c.name);
export const ORG_LOOKUP = new Map<string, { name: string; kind: OrganizationKind }>();
for (const o of KNOWN_ORGS) {
  ORG_LOOKUP.set(o.name, { name: o.name, kind: o.kind });
  for (const a of o.aliases) ORG_LOOKUP.set(a, { name: o.name, kind: o.kind });
}
export const COUNTRY_BY_NAME = new Map(COUNTRIES.map((c) => [c.name, c]));

/** Country a place or demonym refers to ("Pyongyang" → North Korea). */
export function countryOf(text: string): string | null {
  const clean = text.replace(/[’']s$/, '');
  const p = PLACE_LOOKUP.get(clean);
  if (p?.country) return p.country;
  return DEMONYMS.get(clean) ?? null;
}

/** The gazetteer entry of a place name, if any ("Pyongyang" → city in North Korea). */
export const placeInfo = (name: string) => PLACE_LOOKUP.get(name) ?? null;
/** The gazetteer entry of an organisation name or alias, if any ("UN" → United Nations). */
export const orgInfo = (name: string) => ORG_LOOKUP.get(name) ?? null;
