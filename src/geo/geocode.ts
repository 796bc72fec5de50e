import { gazetteerCandidates, isCapital, type GazetteerPlace } from './table.ts';
import { US_STATES } from './us-states.ts';
import { placeInfo } from '../extract/gazetteer.ts';
import type { PlaceGeo } from '../extract/types.ts';

/** What an article says about where it is: the countries it names, and its dateline's country and US state. */
export interface GeoContext {
  countries: Set<string>;
  datelineCountry: string | null;
  datelineState: string | null;
}

/** A place to geocode as extraction has it: its name, kind, the lexicon's country (by name) and where the text names it. */
export interface PlaceToGeocode {
  name: string;
  kind: string;
  country?: string | null;
  mentions: { start: number; end: number }[];
}

const STATE = new Map<string, string>();
for (const [name, postal, ap] of US_STATES) {
  STATE.set(name.toLowerCase(), postal);
  if (ap) STATE.set(ap.toLowerCase(), postal);
  STATE.set(postal.toLowerCase(), postal);
}

// Population-like priors for places without one: a country outweighs any city of its name
// ("Mexico", "Georgia" the country), a US state a town but not a city.
const PRIOR = { COUNTRY: 1e8, REGION: 1e5, CITY: 1e3 } as const;
const UNTRUSTED_CITY_POPULATION = 100_000;
const W = { articleCountry: 2.5, dateline: 3, lexicon: 2, qualifier: 6 };

/** A country or US state written after a place ("Paris, Texas", "PORTLAND, Ore.", "Birmingham, England"). */
function qualifier(words: string): { country: string | null; state: string | null } | null {
  const w = words.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!w) return null;
  const state = STATE.get(w) ?? STATE.get(w.replace(/\.$/, '')) ?? null;
  if (state) return { country: 'US', state };
  const country = gazetteerCandidates(words).find((c) => c.kind === 'COUNTRY');
  return country ? { country: country.countryCode, state: null } : null;
}

// How many times larger a namesake abroad (a capital: DWARF_BY_CAPITAL times) must be for the article's countries and
// dateline to stop counting for a town: Moscow in a WASHINGTON story is the Russian capital, not Moscow, Idaho;
// Paris is not Paris, Texas; Washington in a LONDON story is not the English town. A written qualifier ("Moscow,
// Idaho") still decides, and so does the dateline's own US state.
const DWARF = 20;
const DWARF_BY_CAPITAL = 5;

/** Whether another city of the name, in another country, is so much larger (or a capital) that context cannot pick this one. */
function dwarfed(c: GazetteerPlace, candidates: GazetteerPlace[]): boolean {
  if (c.kind !== 'CITY' || isCapital(c)) return false;
  const size = c.population ?? 0;
  return candidates.some((o) => o.kind === 'CITY' && o.countryCode !== c.countryCode && (o.population ?? 0) >= (isCapital(o) ? DWARF_BY_CAPITAL : DWARF) * size);
}

/** The place a name stands for, scored by population prior and the article's context. */
function best(candidates: GazetteerPlace[], ctx: GeoContext, lexiconCountry: string | null, qual: { country: string | null; state: string | null } | null): GazetteerPlace | null {
  let top: GazetteerPlace | null = null;
  let topScore = -Infinity;
  for (const c of candidates) {
    let s = Math.log10(c.population ?? PRIOR[c.kind]);
    const sameState = c.countryCode !== null && c.countryCode === ctx.datelineCountry && c.usState !== null && c.usState === ctx.datelineState;
    // A town of the dateline's own state stays local news ("Athens-Limestone Bank in Athens" from MONTGOMERY, Ala.).
    const context = sameState || !dwarfed(c, candidates);
    if (context && c.countryCode && ctx.countries.has(c.countryCode)) s += W.articleCountry;
    if (context && c.countryCode && c.countryCode === ctx.datelineCountry) s += W.dateline + (sameState ? W.dateline : 0);
    if (c.countryCode && c.countryCode === lexiconCountry) s += W.lexicon;
    if (qual && c.countryCode === qual.country && (!qual.state || c.usState === qual.state)) s += W.qualifier;
    // Ties: the lower GeoNames id, so the choice never depends on the table's order.
    if (s > topScore || (s === topScore && top && (c.geonamesId ?? Infinity) < (top.geonamesId ?? Infinity))) {
      top = c;
      topScore = s;
    }
  }
  return top;
}

/** Candidates of the place's kind when there are any ("Vietnam" the country, "Moscow" the city). */
function ofKind(name: string, kind: string): GazetteerPlace[] {
  const all = gazetteerCandidates(name);
  const same = all.filter((c) => c.kind === kind);
  return same.length ? same : all;
}

const countryCodeOf = (name: string | null | undefined) => (name ? (gazetteerCandidates(name).find((c) => c.kind === 'COUNTRY')?.countryCode ?? null) : null);

/**
 * The article's geographic context: the countries it names, and its dateline. Only countries written
 * as such count: a city's lexicon country ("Birmingham" → United Kingdom) would vote for itself.
 */
export function articleGeoContext(dateline: string | null, places: PlaceToGeocode[]): GeoContext {
  const countries = new Set<string>();
  for (const p of places) {
    const cc = p.kind === 'COUNTRY' ? countryCodeOf(p.name) : null;
    if (cc) countries.add(cc);
  }
  const ctx: GeoContext = { countries, datelineCountry: null, datelineState: null };
  if (dateline) {
    // "PORTLAND, Ore., Feb 26", "MOSCOW", "Scarborough, Ontario": the city, then what qualifies it.
    const [city, ...rest] = dateline.split(',');
    const qual = rest.map(qualifier).find(Boolean) ?? null;
    // The lexicon knows the usual reading of a dateline city ("WASHINGTON" → the US capital).
    const known = placeInfo(city.trim().toLowerCase().replace(/(^|[\s-])\p{L}/gu, (x) => x.toUpperCase()));
    const at = best(ofKind(city, 'CITY'), { countries, datelineCountry: null, datelineState: null }, countryCodeOf(known?.country), qual);
    ctx.datelineCountry = at?.countryCode ?? qual?.country ?? null;
    ctx.datelineState = at?.usState ?? qual?.state ?? null;
  }
  return ctx;
}

/** A country or state written after a mention ("Paris, Texas"), read by qualifier(). */
const QUALIFIER_AFTER = /^,\s+([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)/;

/**
 * Geocodes one extracted place: the gazetteer candidate of its kind with the best score (population
 * prior, the article's countries, its dateline, the lexicon's country, a qualifier written after a
 * mention). Null when the gazetteer does not know the name. Pure: the table is committed data.
 */
export function geocodePlace(place: PlaceToGeocode, text: string, ctx: GeoContext): PlaceGeo | null {
  // A name only the recogniser calls a place (kind OTHER) may be a misreading ("Obama" is also a town
  // in Japan): it is placed at a city only when the city is large or in a country the article names.
  const trusted = (c: GazetteerPlace) => place.kind !== 'OTHER' || c.kind !== 'CITY' || (c.population ?? 0) >= UNTRUSTED_CITY_POPULATION || (c.countryCode !== null && (ctx.countries.has(c.countryCode) || c.countryCode === ctx.datelineCountry));
  const candidates = ofKind(place.name, place.kind).filter(trusted);
  if (!candidates.length) return null;
  let qual: { country: string | null; state: string | null } | null = null;
  for (const m of place.mentions) {
    // (Most mentions are not followed by a comma: no slice and no match for them.)
    const after = text.charCodeAt(m.end) === 44 ? QUALIFIER_AFTER.exec(text.slice(m.end, m.end + 30)) : null;
    qual = after ? qualifier(after[1]) : null;
    if (qual) break;
  }
  const c = best(candidates, ctx, countryCodeOf(place.country), qual);
  return c ? { latitude: c.latitude, longitude: c.longitude, countryCode: c.countryCode, geonamesId: c.geonamesId, population: c.population } : null;
}
