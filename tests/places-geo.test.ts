import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../src/config.ts';
import { ingestArticles } from '../src/pipeline/ingest-articles.ts';
import { readSources } from '../src/pipeline/read-sources.ts';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { execute } from './helpers/graphql.ts';
import { createSeedGraph } from './helpers/sample-graph.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';
import { describeWithCorpus } from './helpers/corpus.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

// Issue 17: places geocoded from the committed gazetteer, stored by the writer (migration
// 20261210090000_place_geo) and read through GraphQL, on the two real seed articles.
describe('geocoded places through the API (seeds, real PostgreSQL)', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;

  beforeAll(async () => {
    db = await createSeedGraph('places_geo');
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

/** A corpus record by its id field, read at run time (never committed). */
function record(file: string, key: string, id: string | number): string {
  const line = fs.readFileSync(path.join(corpusDir()!, file), 'utf8').split('\n').find((l) => l.trim() && JSON.parse(l)[key] === id);
  if (!line) throw new Error(`${file} has no record ${key}=${id}`);
  return line;
}

// One place row per name: a Reuters story reads "Birmingham, Alabama" (US), a BBC story Birmingham,
// England. Whatever the order, one at a time or in one batch, the row keeps the more populous reading.
describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl'], 'one stored reading of an ambiguous place name, in any order', () => {
  const scenarios = [
    { name: 'us-first', files: ['reuters', 'bbc'], batchSize: 1 },
    { name: 'gb-first', files: ['bbc', 'reuters'], batchSize: 1 },
    { name: 'one-batch', files: ['reuters', 'bbc'], batchSize: 2 },
  ];
  const rows: Record<string, unknown>[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = makeTempDir('places_geo').dir;
    const lines = { reuters: record('reuters21578.jsonl', 'newid', 3948), bbc: record('bbc.jsonl', 'id', 'business/034') };
    for (const s of scenarios) {
      const file = path.join(dir, `${s.name}.jsonl`);
      fs.writeFileSync(file, `${s.files.map((f) => lines[f as keyof typeof lines]).join('\n')}\n`);
      const db = await createTestDatabase(`places_geo_${s.name}`);
      try {
        const summary = await ingestArticles(db.writer, readSources([file]), { batchSize: s.batchSize });
        expect(summary.errors).toEqual([]);
        const r = await db.sql.query<Record<string, unknown>>(`SELECT name, latitude, longitude, country_code, geonames_id, population FROM place WHERE name = 'Birmingham'`);
        rows.push(r[0]);
      } finally {
        await db.drop();
      }
    }
  });

  it('keeps Birmingham, England (the more populous reading) whatever the order', () => {
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ country_code: 'GB' });
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[2]).toEqual(rows[0]);
  });
});
