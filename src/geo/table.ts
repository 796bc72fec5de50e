import fs from 'node:fs';
import zlib from 'node:zlib';
import { gazetteerKey } from './normalize.ts';

/**
 * One gazetteer place: name, kind, GeoNames id (null for countries and regions), latitude, longitude,
 * ISO 3166-1 alpha-2 code, population (null when unknown), and for US places the state's postal code.
 */
export type GazetteerRecord = [name: string, kind: 'CITY' | 'COUNTRY' | 'REGION', geonamesId: number | null, lat: number | null, lon: number | null, countryCode: string | null, population: number | null, usState: string | null];

/** The committed table (src/geo/gazetteer.json.gz), written by scripts/build-gazetteer.ts. */
export interface GazetteerFile {
  version: number;
  /** The npm packages (and versions) it was derived from. */
  sources: Record<string, string>;
  minPopulation: number;
  records: GazetteerRecord[];
  /** gazetteerKey(name or alias) → indices into records. */
  index: Record<string, number[]>;
}

export interface GazetteerPlace {
  name: string;
  kind: GazetteerRecord[1];
  geonamesId: number | null;
  latitude: number | null;
  longitude: number | null;
  countryCode: string | null;
  population: number | null;
  usState: string | null;
}

let table: GazetteerFile | null = null;

/** The table, read once on first use (≈ 1 MB of JSON; the run-time cost of geocoding). */
function load(): GazetteerFile {
  table ??= JSON.parse(zlib.gunzipSync(fs.readFileSync(new URL('./gazetteer.json.gz', import.meta.url))).toString('utf8')) as GazetteerFile;
  return table;
}

const toPlace = ([name, kind, geonamesId, latitude, longitude, countryCode, population, usState]: GazetteerRecord): GazetteerPlace => ({ name, kind, geonamesId, latitude, longitude, countryCode, population, usState });

const CANDIDATES = new Map<string, GazetteerPlace[]>();
/** Each record's place, made on first use and shared by every name that leads to it (frozen, so it is the same value to all). */
let places: (GazetteerPlace | undefined)[] = [];
const NO_CANDIDATES: GazetteerPlace[] = Object.freeze([]) as unknown as GazetteerPlace[];

function placeOf(t: GazetteerFile, i: number): GazetteerPlace {
  if (places.length !== t.records.length) places = new Array(t.records.length);
  return (places[i] ??= Object.freeze(toPlace(t.records[i])));
}

/**
 * Every gazetteer place a name can stand for ("Paris" → Paris FR, Paris US …), in table order. Kept
 * per name (frozen, so no caller can change what the next one reads): extraction asks about the same
 * names again and again (geocoding, places read as people, event places), and the key's Unicode
 * normalisation and five replacements plus the copies were ~0.15 s of a cold BBC pass.
 */
export function gazetteerCandidates(name: string): GazetteerPlace[] {
  let found = CANDIDATES.get(name);
  if (found) return found;
  const t = load();
  const at = t.index[gazetteerKey(name)];
  found = at ? (Object.freeze(at.map((i) => placeOf(t, i))) as GazetteerPlace[]) : NO_CANDIDATES;
  // A bounded cache: cleared when large, which changes speed only, never a result.
  if (CANDIDATES.size > 50_000) CANDIDATES.clear();
  CANDIDATES.set(name, found);
  return found;
}

let capitals: Set<string> | null = null;
const pointKey = (cc: string | null, lat: number | null, lon: number | null) => `${cc}:${lat}:${lon}`;

/** Whether a gazetteer city is its country's capital (the table places each country at its capital's point). */
export function isCapital(p: GazetteerPlace): boolean {
  if (p.kind !== 'CITY') return false;
  let known = CAPITAL.get(p);
  if (known === undefined) {
    capitals ??= new Set(load().records.filter((r) => r[1] === 'COUNTRY' && r[3] !== null).map((r) => pointKey(r[5], r[3], r[4])));
    CAPITAL.set(p, (known = capitals.has(pointKey(p.countryCode, p.latitude, p.longitude))));
  }
  return known;
}
/** isCapital per place: geocoding asks it of every pair of a name's candidates, and the key is a string built each time. */
const CAPITAL = new WeakMap<GazetteerPlace, boolean>();
