import pg from 'pg';
import { ENTITY_COUNTERS } from '../../src/db/entity-counters.ts';

/** How a database was grown past its pipeline-built base by copying it in SQL. */
export interface CloneReport {
  /** Articles the pipeline wrote (the base every copy is made from). */
  baseArticles: number;
  copies: number;
  /** Base people shared by every copy (mentioned in more than RARE_MENTIONS base articles). */
  sharedPeople: number;
  /** Base people copied as a new person into each copy that mentions them (the long tail). */
  copiedPeople: number;
  seconds: number;
  /** Seconds spent rebuilding the secondary indexes after the copies. */
  indexSeconds: number;
}

/**
 * People mentioned in at most this many base articles are new people in every copy (renamed "… II",
 * "… III", with "(copy k)" after a name that exists already): a news archive keeps meeting new minor figures, while the famous recur. People mentioned
 * more often are shared by all copies, so their mentions grow with the archive in proportion to how
 * popular they were in the base.
 */
export const RARE_MENTIONS = 2;

const GRAPH_TABLES = ['article', 'statement', 'person', 'organization', 'place', 'event', 'article_person', 'article_organization', 'article_place', 'event_article', 'event_participant', 'event_organization', 'event_actor'];

function roman(n: number): string {
  const digits: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of digits) for (; n >= v; n -= v) out += s;
  return out;
}

async function one<T>(c: pg.Client, text: string, values: unknown[] = []): Promise<T> {
  return (await c.query(text, values)).rows[0] as T;
}

/**
 * Copy `k` of the base articles with id ≤ `cutoff`: new ids (base id + k × the base's largest id),
 * every date `k` years earlier, natural keys, content hashes, URLs and titles made distinct, statements,
 * mentions and events copied with them. Runs with triggers off (the counters are recomputed after).
 */
async function copyOnce(c: pg.Client, k: number, cutoff: number, max: { a: number; s: number; e: number; p: number }): Promise<void> {
  const shift = `make_interval(years => ${k})`;
  const suffix = ` ${roman(k + 1)}`;
  const a = k * max.a, s = k * max.s, e = k * max.e, p = k * max.p;
  await c.query('BEGIN');
  await c.query(`CREATE TEMP TABLE copy_event ON COMMIT DROP AS
    SELECT event_id AS id FROM event_article WHERE article_id <= ${cutoff}
    UNION SELECT event_id FROM statement WHERE article_id <= ${cutoff} AND event_id IS NOT NULL`);
  // The base's long-tail people this copy mentions (as mentioned, speaking or taking part).
  await c.query(`CREATE TEMP TABLE copy_person ON COMMIT DROP AS
    SELECT id FROM base_rare WHERE id IN (
      SELECT person_id FROM article_person WHERE article_id <= ${cutoff}
      UNION SELECT speaker_person_id FROM statement WHERE article_id <= ${cutoff} AND speaker_person_id IS NOT NULL
      UNION SELECT person_id FROM event_participant WHERE event_id IN (SELECT id FROM copy_event))`);
  await c.query(`INSERT INTO person (id, name, aliases, roles, created_at, updated_at)
    SELECT id + ${p}, CASE WHEN EXISTS (SELECT 1 FROM person q WHERE q.name = o.name || $1) THEN o.name || $1 || ' (copy ' || ${k} || ')' ELSE o.name || $1 END,
           coalesce((SELECT array_agg(x || $1) FROM unnest(aliases) x), '{}'), roles, created_at, updated_at
    FROM person o WHERE id IN (SELECT id FROM copy_person)`, [suffix]);
  const person = (col: string) => `CASE WHEN ${col} IN (SELECT id FROM copy_person) THEN ${col} + ${p} ELSE ${col} END`;
  await c.query(`INSERT INTO article (id, natural_key, title, source, url, published_at, dateline, body, content_hash, extractor_version, origin, created_at, updated_at)
    SELECT id + ${a}, natural_key || '~copy' || ${k}, title || ' (archive ' || ${k} || ')', source,
           CASE WHEN url IS NULL THEN NULL ELSE url || CASE WHEN url LIKE '%?%' THEN '&' ELSE '?' END || 'copy=' || ${k} END,
           (published_at - ${shift})::date, dateline, body, md5(content_hash || '~copy' || ${k}), extractor_version,
           origin || '~copy' || ${k}, created_at, updated_at
    FROM article WHERE id <= ${cutoff}`);
  await c.query(`INSERT INTO event (id, key, title, kind, type, mode, is_symmetric, confidence, start_date, end_date, precision, place_id, created_at, updated_at)
    SELECT id + ${e}, key || '~copy' || ${k}, title, kind, type, mode, is_symmetric, confidence, (start_date - ${shift})::date, (end_date - ${shift})::date, precision, place_id, created_at, updated_at
    FROM event WHERE id IN (SELECT id FROM copy_event)`);
  // Each account's sources and targets (migration 20261208090000_typed_events), with the copy's article and people.
  await c.query(`INSERT INTO event_actor (event_id, article_id, role, person_id, organization_id, group_name)
    SELECT event_id + ${e}, article_id + ${a}, role, ${person('person_id')}, organization_id, group_name FROM event_actor WHERE article_id <= ${cutoff}`);
  await c.query(`INSERT INTO event_article (event_id, article_id, offsets, members)
    SELECT event_id + ${e}, article_id + ${a}, offsets, members FROM event_article WHERE article_id <= ${cutoff}`);
  // Triggers are off while cloning (session_replication_role): the link rows take their copied event's shifted date here.
  await c.query(`INSERT INTO event_participant (event_id, person_id, start_date)
    SELECT event_id + ${e}, ${person('person_id')}, (start_date - ${shift})::date FROM event_participant WHERE event_id IN (SELECT id FROM copy_event)`);
  await c.query(`INSERT INTO event_organization (event_id, organization_id, start_date)
    SELECT event_id + ${e}, organization_id, (start_date - ${shift})::date FROM event_organization WHERE event_id IN (SELECT id FROM copy_event)`);
  await c.query(`INSERT INTO statement (id, article_id, text, kind, cue, speaker_person_id, speaker_organization_id, speaker_text, event_id, start_offset, end_offset, confidence, created_at, span_starts, span_ends, published_at)
    SELECT id + ${s}, article_id + ${a}, text, kind, cue, ${person('speaker_person_id')}, speaker_organization_id, speaker_text, event_id + ${e},
           start_offset, end_offset, confidence, created_at, span_starts, span_ends, (published_at - ${shift})::date
    FROM statement WHERE article_id <= ${cutoff}`);
  await c.query(`INSERT INTO article_person (article_id, person_id, count, offsets, roles, ends, confidences)
    SELECT article_id + ${a}, ${person('person_id')}, count, offsets, roles, ends, confidences FROM article_person WHERE article_id <= ${cutoff}`);
  await c.query(`INSERT INTO article_organization (article_id, organization_id, count, offsets, ends, confidences)
    SELECT article_id + ${a}, organization_id, count, offsets, ends, confidences FROM article_organization WHERE article_id <= ${cutoff}`);
  await c.query(`INSERT INTO article_place (article_id, place_id, count, offsets, ends, confidences)
    SELECT article_id + ${a}, place_id, count, offsets, ends, confidences FROM article_place WHERE article_id <= ${cutoff}`);
  await c.query('COMMIT');
}

/** The secondary indexes of the graph tables (not the keys and unique constraints, which guard the copies). */
async function secondaryIndexes(c: pg.Client): Promise<{ name: string; def: string }[]> {
  return (await c.query<{ name: string; def: string }>(`
    SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace AND NOT x.indisunique AND NOT x.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`, [GRAPH_TABLES])).rows;
}

/**
 * Sets the stored counters (graph_count and the per-entity counts) from the rows, as the counters'
 * migrations do: on the entity rows (20261205090000) or in <entity>_counter tables (20261207090000),
 * whose rows the copies' new entities did not get (triggers are off during the copies).
 */
async function recount(c: pg.Client): Promise<void> {
  for (const t of ['article', 'statement', 'person', 'organization', 'place', 'event']) await c.query(`UPDATE graph_count SET n = (SELECT count(*) FROM ${t}) WHERE name = $1`, [t]);
  const tables = (await one<{ t: boolean }>(c, `SELECT to_regclass('person_counter') IS NOT NULL AS t`)).t;
  if (tables) for (const e of ['person', 'organization', 'place', 'event']) await c.query(`INSERT INTO ${e}_counter (${e}_id) SELECT id FROM ${e} ON CONFLICT DO NOTHING`);
  for (const [entity, counter, counted, key] of ENTITY_COUNTERS) {
    const [table, id] = tables ? [`${entity}_counter`, `${entity}_id`] : [entity, 'id'];
    await c.query(`UPDATE ${table} t SET ${counter} = c.n FROM (SELECT ${key} AS id, count(*)::int AS n FROM ${counted} WHERE ${key} IS NOT NULL GROUP BY 1) c WHERE t.${id} = c.id AND t.${counter} IS DISTINCT FROM c.n`);
  }
}

/** Rows whose reference has no target: none may exist, since the copies ran with the key checks off. */
async function orphans(c: pg.Client): Promise<number> {
  const checks = [
    'SELECT count(*) FROM statement s WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.id = s.article_id)',
    'SELECT count(*) FROM statement s WHERE s.speaker_person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = s.speaker_person_id)',
    'SELECT count(*) FROM statement s WHERE s.event_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM event e WHERE e.id = s.event_id)',
    'SELECT count(*) FROM article_person x WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = x.person_id)',
    'SELECT count(*) FROM event_article x WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.id = x.event_id)',
    'SELECT count(*) FROM event_participant x WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = x.person_id) OR NOT EXISTS (SELECT 1 FROM event e WHERE e.id = x.event_id)',
  ];
  let n = 0;
  for (const q of checks) n += Number((await one<{ count: string }>(c, q)).count);
  return n;
}

/**
 * Grows a pipeline-built database to `target` articles by copying its articles, with their statements,
 * mentions and events, in bulk SQL (see copyOnce): the ingest pipeline writes a few hundred articles per
 * second on this machine, a copy about 20,000 per few seconds. The texts are the base's (search finds
 * each story once per copy); the graph's shape is an archive's: the long tail of people grows with it,
 * popular people gain mentions in proportion. Secondary indexes are dropped during the copies and built
 * again after; the counters are recomputed.
 */
export async function cloneToTarget(databaseUrl: string, target: number, log: (line: string) => void): Promise<CloneReport> {
  const t0 = performance.now();
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(`SET session_replication_role = replica`);
    await c.query(`SET maintenance_work_mem = '256MB'`);
    const base = await one<{ n: string; a: number; s: number; e: number; p: number; people: string }>(c, `SELECT
      (SELECT count(*) FROM article) AS n, (SELECT coalesce(max(id), 0) FROM article) AS a, (SELECT coalesce(max(id), 0) FROM statement) AS s,
      (SELECT coalesce(max(id), 0) FROM event) AS e, (SELECT coalesce(max(id), 0) FROM person) AS p,
      (SELECT count(*) FROM person) AS people`);
    // Counted from the rows, so that this works on either counters' schema.
    await c.query(`CREATE TEMP TABLE base_rare AS SELECT p.id FROM person p WHERE (SELECT count(*) FROM article_person x WHERE x.person_id = p.id) <= ${RARE_MENTIONS}`);
    const copied = Number((await one<{ n: string }>(c, 'SELECT count(*) AS n FROM base_rare')).n);
    const baseArticles = Number(base.n);
    if (baseArticles === 0) throw new Error('nothing to copy: the base database has no articles');
    const indexes = await secondaryIndexes(c);
    for (const i of indexes) await c.query(`DROP INDEX "${i.name}"`);
    let stored = baseArticles;
    let k = 0;
    while (stored < target) {
      k++;
      const take = Math.min(baseArticles, target - stored);
      const cutoff = take === baseArticles ? base.a : (await one<{ id: number }>(c, 'SELECT id FROM article ORDER BY id OFFSET $1 LIMIT 1', [take - 1])).id;
      await copyOnce(c, k, cutoff, base);
      stored += take;
      log(`  copy ${k}: ${stored} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    // Counted before the indexes return, so that the counter updates write no index entries.
    await recount(c);
    const ti = performance.now();
    for (const i of indexes) await c.query(i.def);
    const indexSeconds = Math.round((performance.now() - ti) / 1000);
    log(`  secondary indexes (${indexes.length}) built again in ${indexSeconds} s`);
    for (const t of ['article', 'statement', 'person', 'event']) await c.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
    const bad = await orphans(c);
    if (bad > 0) throw new Error(`the copies left ${bad} rows pointing at nothing`);
    return { baseArticles, copies: k, sharedPeople: Number(base.people) - copied, copiedPeople: copied, seconds: Math.round((performance.now() - t0) / 1000), indexSeconds };
  } finally {
    await c.end();
  }
}
