import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticles } from '../src/pipeline/ingest-articles.ts';
import { readSources } from '../src/pipeline/read-sources.ts';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { execute } from './helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

// Issue 17: places geocoded from the committed gazetteer, stored by the writer (migration
// 20261210090000_place_geo) and read through GraphQL, on the two real seed articles.
describe('geocoded places through the API (seeds, real PostgreSQL)', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;

  beforeAll(async () => {
    db = await createTestDatabase('places_geo');
    const summary = await ingestArticles(db.writer, readSources(['seeds']));
    expect(summary.errors).toEqual([]);
    server = await createServer({ sql: db.sql });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const q = (query: string, variables?: Record<string, unknown>) => execute(server, db.sql, query, variables);
  const place = async (name: string) => {
    const r = await q(`query($n: String) { places(nameContains: $n, first: 20) { nodes { name kind latitude longitude countryCode geonamesId } } }`, { n: name });
    expect(r.errors).toBeUndefined();
    return r.data!.places.nodes.find((p: any) => p.name === name);
  };
  const near = (p: any, lat: number, lon: number, degrees: number) => Math.abs(p.latitude - lat) < degrees && Math.abs(p.longitude - lon) < degrees;

  it('gives the cities their GeoNames ids, country and coordinates', async () => {
    const vladivostok = await place('Vladivostok');
    expect(vladivostok).toMatchObject({ countryCode: 'RU' });
    // Vladivostok lies at about 43.1° N, 131.9° E, on Russia's Pacific coast.
    expect(near(vladivostok, 43.1, 131.9, 0.5)).toBe(true);
    expect(vladivostok.geonamesId).toBeGreaterThan(0);
    const moscow = await place('Moscow');
    expect(moscow.countryCode).toBe('RU');
    expect(near(moscow, 55.75, 37.62, 0.5)).toBe(true);
    const hanoi = await place('Hanoi');
    expect(hanoi.countryCode).toBe('VN');
    expect(near(hanoi, 21.0, 105.8, 0.5)).toBe(true);
  });

  it('places a country at its capital, with its ISO code and no GeoNames id', async () => {
    const vietnam = await place('Vietnam');
    const hanoi = await place('Hanoi');
    expect(vietnam).toMatchObject({ kind: 'COUNTRY', countryCode: 'VN', geonamesId: null, latitude: hanoi.latitude, longitude: hanoi.longitude });
    expect(await place('North Korea')).toMatchObject({ countryCode: 'KP', geonamesId: null });
  });

  it('leaves a region without a point (Korean Peninsula) null', async () => {
    expect(await place('Korean Peninsula')).toMatchObject({ latitude: null, longitude: null, countryCode: null, geonamesId: null });
  });

  it('puts the Kim–Putin meeting in Vladivostok, Russia', async () => {
    const r = await q(`{ events(first: 50) { nodes { participants { nodes { name } } place { name countryCode latitude longitude } } } }`);
    expect(r.errors).toBeUndefined();
    const meeting = r.data!.events.nodes.find((e: any) => {
      const names = e.participants.nodes.map((p: any) => p.name);
      return names.includes('Kim Jong Un') && names.includes('Vladimir Putin');
    });
    expect(meeting.place).toMatchObject({ name: 'Vladivostok', countryCode: 'RU' });
    expect(near(meeting.place, 43.1, 131.9, 0.5)).toBe(true);
  });
});
