import { eventTyping } from '../resolve/event-typing.ts';
import type { ResolvedExtraction } from '../resolve/types.ts';
import type { PlaceGeoRow } from './place-geo.ts';

export const uniq = (xs: string[]) => [...new Set(xs.filter((x) => x.trim() !== ''))].sort();
export const isoDate = (d: string | null) => (d ? d.slice(0, 10) : null);

export interface NamedRow extends PlaceGeoRow {
  name: string;
  aliases: string[];
  roles?: string[];
  kind?: string;
}

export interface EventRow extends Record<string, unknown> {
  key: string;
  title: string;
  kind: string;
  start_date: string | null;
  end_date: string | null;
  precision: string | null;
  place_id: number | null;
  type: string;
  mode: string | null;
  symmetric: boolean;
  confidence: number;
}

/** The entity rows one (merged) article upserts: aliases without the name itself, sorted; places with where they are. */
export function entityRows(resolved: ResolvedExtraction): { people: NamedRow[]; organizations: NamedRow[]; places: NamedRow[] } {
  return {
    people: resolved.people.map((p) => ({ name: p.name, aliases: uniq(p.aliases.filter((a) => a !== p.name)), roles: uniq(p.roles) })),
    organizations: resolved.organizations.map((o) => ({ name: o.name, aliases: uniq(o.aliases.filter((a) => a !== o.name)), kind: o.kind as string })),
    places: resolved.places.map((p) => ({
      name: p.name,
      aliases: uniq(p.aliases.filter((a) => a !== p.name)),
      kind: p.kind as string,
      latitude: p.geo?.latitude ?? null,
      longitude: p.geo?.longitude ?? null,
      country_code: p.geo?.countryCode ?? null,
      geonames_id: p.geo?.geonamesId ?? null,
      population: p.geo?.population ?? null,
    })),
  };
}

/** The event rows one (merged) article upserts, given the ids its places got. */
export function eventRows(resolved: ResolvedExtraction, placeKey: Map<string, number>): EventRow[] {
  return resolved.events.map((e) => ({
    key: e.key,
    title: e.title,
    kind: e.kind as string,
    start_date: isoDate(e.startDate),
    end_date: isoDate(e.endDate),
    precision: e.precision as string | null,
    place_id: e.placeKey ? (placeKey.get(e.placeKey) ?? null) : null,
    // What the first account says; refresh-events.ts recomputes it from all accounts.
    ...eventTyping(e),
  }));
}
