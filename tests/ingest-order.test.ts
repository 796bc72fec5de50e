import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../src/config.ts';
import type { Sql } from '../src/db/sql.ts';
import { emptyStats, ingestArticles, type IngestProgress } from '../src/pipeline/ingest-articles.ts';
import { readSources } from '../src/pipeline/read-sources.ts';
import { describeWithCorpus } from './helpers/corpus.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

/**
 * The graph must not depend on how articles arrive: one at a time or 200 per transaction with parse and
 * extract in worker threads, and in another order. Corpus lines are read at run time
 * (never committed) and mixed with corrections, duplicates, unreadable lines, and an article the
 * database refuses (its batch is retried article by article).
 */
const SAMPLE = { bbc: 300, reuters: 300 };

/** Everything stored, by natural keys (no ids or timestamps), in a stable order; arrays as stored. */
async function canonicalDump(sql: Sql): Promise<Record<string, unknown[]>> {
  const q = (text: string) => sql.query(text);
  return {
    articles: await q(`SELECT natural_key, content_hash, title, source, url, published_at, dateline, md5(body) AS body, extractor_version, origin FROM article ORDER BY natural_key`),
    people: await q(`SELECT name, aliases, roles FROM person ORDER BY name`),
    organizations: await q(`SELECT name, aliases, kind FROM organization ORDER BY name`),
    places: await q(`SELECT name, aliases, kind FROM place ORDER BY name`),
    events: await q(`SELECT e.key, e.title, e.kind, e.start_date, e.end_date, e.precision, p.name AS place FROM event e LEFT JOIN place p ON p.id = e.place_id ORDER BY e.key`),
    statements: await q(`SELECT a.natural_key, s.start_offset, s.end_offset, s.span_starts, s.span_ends, s.text, s.kind, s.cue, s.speaker_text, s.confidence, p.name AS person, o.name AS org, e.key AS event
      FROM statement s JOIN article a ON a.id = s.article_id LEFT JOIN person p ON p.id = s.speaker_person_id
      LEFT JOIN organization o ON o.id = s.speaker_organization_id LEFT JOIN event e ON e.id = s.event_id
      ORDER BY a.natural_key, s.start_offset, s.end_offset`),
    articlePeople: await q(`SELECT a.natural_key, p.name, x.count, x.offsets, x.ends, x.confidences, x.roles FROM article_person x JOIN article a ON a.id = x.article_id JOIN person p ON p.id = x.person_id ORDER BY 1, 2`),
    articleOrganizations: await q(`SELECT a.natural_key, o.name, x.count, x.offsets, x.ends, x.confidences FROM article_organization x JOIN article a ON a.id = x.article_id JOIN organization o ON o.id = x.organization_id ORDER BY 1, 2`),
    articlePlaces: await q(`SELECT a.natural_key, p.name, x.count, x.offsets, x.ends, x.confidences FROM article_place x JOIN article a ON a.id = x.article_id JOIN place p ON p.id = x.place_id ORDER BY 1, 2`),
    eventArticles: await q(`SELECT e.key, a.natural_key, x.offsets FROM event_article x JOIN article a ON a.id = x.article_id JOIN event e ON e.id = x.event_id ORDER BY 1, 2`),
    eventParticipants: await q(`SELECT e.key, p.name FROM event_participant x JOIN event e ON e.id = x.event_id JOIN person p ON p.id = x.person_id ORDER BY 1, 2`),
    eventOrganizations: await q(`SELECT e.key, o.name FROM event_organization x JOIN event e ON e.id = x.event_id JOIN organization o ON o.id = x.organization_id ORDER BY 1, 2`),
  };
}

function firstLines(file: string, n: number, keep: (r: Record<string, unknown>) => boolean): string[] {
  const out: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || !keep(JSON.parse(line))) continue;
    out.push(line);
    if (out.length === n) break;
  }
  return out;
}

/** The sample, interleaved, plus corrections (same record id, new text), repeats and broken lines. */
function writeSample(dir: string, corpus: string, options: { corrections: boolean; reversed: boolean; name: string }): string {
  const bbc = firstLines(path.join(corpus, 'bbc.jsonl'), SAMPLE.bbc, () => true);
  const reuters = firstLines(path.join(corpus, 'reuters21578.jsonl'), SAMPLE.reuters, (r) => typeof r.body === 'string' && r.body.trim() !== '');
  const lines: string[] = [];
  for (let i = 0; i < Math.max(bbc.length, reuters.length); i++) {
    if (bbc[i]) lines.push(bbc[i]);
    if (reuters[i]) lines.push(reuters[i]);
    // A corrected story soon after the original (same batch) and much later (another batch).
    if (options.corrections && i % 37 === 5) {
      const r = JSON.parse(bbc[i]);
      lines.push(JSON.stringify({ ...r, body: `${r.body}\n\n"We have corrected this story," an editor said on Monday.` }));
    }
    if (options.corrections && i % 53 === 7) {
      const r = JSON.parse(reuters[Math.max(0, i - 40)]);
      lines.push(JSON.stringify({ ...r, body: `${r.body}\n    A spokesman for Reuters said the figures had been revised.` }));
    }
    if (i % 61 === 3) lines.push(bbc[Math.floor(i / 2)]); // exact repeat: a duplicate
    if (i === 100) lines.push('{"id": "broken", "title": "no closing brace"');
    if (i === 150) lines.push(JSON.stringify({ id: 'empty/1', title: 'No text' }));
    // An HTML record with a numeric entity for a lone surrogate, which is not text: read as a space.
    if (i === 200) lines.push(JSON.stringify({ id: 'html/1', title: 'Odd entity', body: '<html><body><p>The minister said on Tuesday that talks would resume &#xD800; next week.</p><p>"We are ready," she told reporters.</p></body></html>' }));
    // An article the database refuses (REFUSE_TRIGGER): its batch falls back to one article at a time,
    // and the outcome must not change.
    if (options.corrections && i === 230) lines.push(JSON.stringify({ id: 'refused/1', title: REFUSED_TITLE, body: 'The minister said on Tuesday that talks would resume next week.\n\n"We are ready," she told reporters.' }));
  }
  if (options.reversed) lines.reverse();
  const file = path.join(dir, options.name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const CORPUS = corpusDir();

const REFUSED_TITLE = 'A story the database refuses';
// Stands for anything PostgreSQL may refuse mid-batch (a constraint, a trigger, a value it cannot hold).
const REFUSE_TRIGGER = `
CREATE FUNCTION refuse_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.title = '${REFUSED_TITLE}' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER refuse_article BEFORE INSERT ON article FOR EACH ROW EXECUTE FUNCTION refuse_article();`;

describeWithCorpus(['bbc.jsonl', 'reuters21578.jsonl'], 'ingest order and batching', () => {
  let sequential: TestDatabase;
  let parallel: TestDatabase;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    [sequential, parallel] = await Promise.all([createTestDatabase('ingest_seq'), createTestDatabase('ingest_par')]);
    for (const db of [sequential, parallel]) await db.sql.pool.query(REFUSE_TRIGGER);
    dir = makeTempDir('order').dir;
    file = writeSample(dir, CORPUS!, { corrections: true, reversed: false, name: 'sample.jsonl' });
  });
  afterAll(async () => {
    await Promise.all([sequential?.drop(), parallel?.drop()]); // the temp dir goes by itself
  });

  it('batches of 1 and of 200 (with 2 workers) store the same graph, counts, errors and progress', { timeout: 240_000 }, async () => {
    const progress = { sequential: [] as IngestProgress[], parallel: [] as IngestProgress[] };
    const t0 = performance.now();
    const a = await ingestArticles(sequential.writer, readSources([file]), { onProgress: (p) => progress.sequential.push(p) });
    const t1 = performance.now();
    const stats = emptyStats();
    const b = await ingestArticles(parallel.writer, readSources([file]), { workers: 2, batchSize: 200, stats, onProgress: (p) => progress.parallel.push(p) });
    const t2 = performance.now();

    expect(a.articles.created).toBeGreaterThan(500);
    expect(a.articles.updated).toBeGreaterThan(5);
    expect(a.articles.duplicates).toBeGreaterThan(3);
    expect(a.articles.failed).toBeGreaterThanOrEqual(2);
    expect(b).toEqual(a);
    expect(progress.parallel.map(({ articleId: _, ...p }) => p)).toEqual(progress.sequential.map(({ articleId: _, ...p }) => p));
    expect(stats.transactions, "a few batches, plus the refused article's batch retried one by one").toBeLessThan(a.articles.created / 2);
    expect(stats.fallbacks, 'the batch holding the refused article was retried article by article').toBeGreaterThanOrEqual(1);
    expect(a.errors.map((e) => e.origin)).toContainEqual(expect.stringContaining('refused/1'));
    expect(a.errors.map((e) => e.origin)).not.toContainEqual(expect.stringContaining('html/1'));
    const odd = await parallel.sql.query<{ body: string }>(`SELECT body FROM article WHERE title = 'Odd entity'`);
    expect(odd[0].body).toMatch(/would resume\s+next week/);
    expect(await canonicalDump(parallel.sql)).toEqual(await canonicalDump(sequential.sql));

    // Ingesting the file again onto the stored graph (mostly duplicates; the corrected stories flip back
    // and forth) does the same on both paths too.
    const againSequential = await ingestArticles(sequential.writer, readSources([file]));
    const againParallel = await ingestArticles(parallel.writer, readSources([file]), { workers: 2, batchSize: 200 });
    expect(againSequential.articles.duplicates).toBeGreaterThan(500);
    expect(againParallel).toEqual(againSequential);
    expect(await canonicalDump(parallel.sql)).toEqual(await canonicalDump(sequential.sql));
    console.log(`ingest by batch size: ${progress.sequential.length} records, ${a.articles.created} created, ${a.articles.updated} corrected, ${a.articles.duplicates} duplicates, ${a.articles.failed} failed; `
      + `one by one ${((t1 - t0) / 1000).toFixed(1)} s, 2 workers + 200 per transaction ${((t2 - t1) / 1000).toFixed(1)} s (${stats.transactions} transactions); graphs identical`);
  });

  // Every rule that decides a node is order-free: names are one node when they normalise alike (the
  // preferred spelling names it), events are the linked groups of their articles' accounts (keyed by the
  // smallest key, shown by the best account), kinds take the best value by a total order, and copies of
  // one content keep the smallest natural key. The sample holds all of these: Reuters repeats stories
  // under new ids, spellings differ only in case ("OPEC", "Opec"), and events merge across keys.
  it('the same articles in reverse order store the same graph', { timeout: 240_000 }, async () => {
    const [forward, backward] = await Promise.all([createTestDatabase('ingest_fwd'), createTestDatabase('ingest_bwd')]);
    try {
      // One file, rewritten in the other order: an article's origin names its file.
      const plain = { corrections: false, name: 'order.jsonl' };
      await ingestArticles(forward.writer, readSources([writeSample(dir, CORPUS!, { ...plain, reversed: false })]), { batchSize: 200 });
      await ingestArticles(backward.writer, readSources([writeSample(dir, CORPUS!, { ...plain, reversed: true })]), { batchSize: 200 });
      expect(await canonicalDump(backward.sql)).toEqual(await canonicalDump(forward.sql));
    } finally {
      await Promise.all([forward.drop(), backward.drop()]);
    }
  });
});
