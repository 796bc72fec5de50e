import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { listSourceFiles, readSources } from '../../src/pipeline/read-sources.ts';
import { forkTracked, killGroup } from '../helpers/child-process.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import type { CaseReport } from './fuzz/article-fuzz.child.mts';
import { mutateArticle } from './fuzz/article-mutations.ts';
import { createRng, type Rng } from './fuzz/rng.ts';
import { corpusArticles, corpusTexts, seedTexts, tempDir } from './ingest/corpus.ts';
import { NO_ORPHANS, orphanCounts } from './ingest/graph-dump.ts';

const CASES = Number(process.env.FUZZ_ARTICLES ?? 1_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
/** No single article may take longer than this in parse → extract → resolve. */
const PER_CASE_LIMIT_MS = 20_000;
/** How many of the cases also go through persistence (the whole pipeline) into a database. */
const PERSISTED = Math.min(CASES, Number(process.env.FUZZ_ARTICLES_PERSISTED ?? 300));

/**
 * Writes the mutated articles the way they reach the pipeline: even cases as files (UTF-8, some as
 * Latin-1 bytes or binary noise), odd ones as JSONL records. Cases below PERSISTED go to `part-a`.
 */
function writeCases(dir: string): Map<string, string> {
  const rng = createRng(SEED);
  const bases = [...seedTexts(), ...corpusArticles(80).map((a) => `${a.title}\n\n${a.body}`), ...corpusTexts('reuters21578.jsonl', 20), ...corpusTexts('polnear-traindev.jsonl', 20)];
  const described = new Map<string, string>();
  const jsonl: Record<'a' | 'b', string[]> = { a: [], b: [] };
  for (const part of ['a', 'b']) fs.mkdirSync(path.join(dir, `part-${part}`));
  for (let i = 0; i < CASES; i++) {
    const part = i < PERSISTED ? 'a' : 'b';
    const { text, applied } = mutateArticle(rng, bases[i % bases.length], rng.pick(bases));
    if (i % 2 === 0) {
      const file = path.join(dir, `part-${part}`, `case${String(i).padStart(5, '0')}.txt`);
      const { bytes, encoding } = encode(rng, text);
      fs.writeFileSync(file, bytes);
      described.set(file, `case ${i}: ${[...applied, encoding].join('+')}`);
    } else {
      const record = rng.chance(0.5) ? { id: `case${i}`, body: text } : { id: `case${i}`, title: text.split('\n')[0], body: text.split('\n').slice(1).join('\n'), date: rng.pick(['2019-04-19', '26-FEB-1987 15:01:01.79', 'soon', '']) };
      jsonl[part].push(JSON.stringify(record));
      described.set(`${path.join(dir, `part-${part}`, 'cases.jsonl')}#case${i}`, `case ${i}: ${applied.join('+')} (jsonl)`);
    }
  }
  for (const part of ['a', 'b'] as const) fs.writeFileSync(path.join(dir, `part-${part}`, 'cases.jsonl'), `${jsonl[part].join('\n')}\n`);
  return described;
}

function encode(rng: Rng, text: string): { bytes: Buffer; encoding: string } {
  const r = rng.next();
  if (r < 0.1) return { bytes: Buffer.from(text, 'latin1'), encoding: 'latin1' };
  if (r < 0.13) return { bytes: Buffer.from(Array.from({ length: rng.int(0, 5000) }, () => rng.int(0, 255))), encoding: 'binary' };
  return { bytes: Buffer.from(text, 'utf8'), encoding: 'utf8' };
}

/** Runs the pure stages in a child process; a case that does not finish in time kills it and fails. */
function runStages(dir: string, expected: number): Promise<{ reports: CaseReport[]; hungAfter: string | null }> {
  const child = forkTracked(path.resolve('tests/reliability/fuzz/article-fuzz.child.mts'), [dir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const reports: CaseReport[] = [];
  return new Promise((resolve, reject) => {
    const onHang = () => {
      killGroup(child);
      resolve({ reports, hungAfter: reports.at(-1)?.origin ?? '(start)' });
    };
    let watchdog = setTimeout(onHang, PER_CASE_LIMIT_MS + 60_000); // the first case includes start-up (slow on a loaded machine)
    child.on('message', (r: CaseReport) => {
      reports.push(r);
      clearTimeout(watchdog);
      watchdog = setTimeout(onHang, PER_CASE_LIMIT_MS);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      if (reports.length === expected) resolve({ reports, hungAfter: null });
      // After onHang this is a no-op (already resolved); otherwise a child killed from outside must not leave the test waiting.
      else reject(new Error(`fuzz child died with ${code ?? signal} after ${reports.length} cases (last: ${reports.at(-1)?.origin})`));
    });
  });
}

describe('article fuzzing through the pipeline', () => {
  let db: TestDatabase;
  let tmp: { dir: string; remove: () => void };

  beforeAll(async () => {
    db = await createTestDatabase('rel_article_fuzz');
    tmp = tempDir('article-fuzz');
  });
  afterAll(async () => {
    if (process.env.FUZZ_KEEP) console.log(`kept ${tmp?.dir}`);
    else tmp?.remove();
    await db?.drop();
  });

  // About 20 s on a quiet machine; the per-case watchdog, not this, is what catches a hang.
  it(`${CASES} mutated articles: no crash, no hang, invariants hold, and persisted ones leave a consistent graph`, { timeout: 400_000 }, async () => {
    const described = writeCases(tmp.dir);
    const name = (origin: string) => described.get(origin) ?? origin;
    const started = Date.now();
    const { reports, hungAfter } = await runStages(tmp.dir, CASES);
    const stageSeconds = (Date.now() - started) / 1000;
    expect(hungAfter === null ? null : `a case after ${name(hungAfter)} did not finish within ${PER_CASE_LIMIT_MS} ms`).toBeNull();
    expect(reports).toHaveLength(CASES);

    const crashed = reports.filter((r) => r.outcome === 'crashed');
    const violations = reports.flatMap((r) => r.violations.map((v) => `${name(r.origin)}: ${v}`));
    const rejected = reports.filter((r) => r.outcome === 'rejected');
    const slowest = reports.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(`article fuzz: ${reports.length} mutated articles (seed ${SEED}) in ${stageSeconds.toFixed(1)} s: ${reports.length - rejected.length - crashed.length} extracted (${reports.reduce((n, r) => n + r.statements, 0)} statements), ${rejected.length} rejected with a per-file error, ${crashed.length} crashed, ${violations.length} invariant violations; slowest ${slowest.ms.toFixed(0)} ms (${name(slowest.origin)})`);
    for (const r of crashed.slice(0, 5)) console.log(`  CRASH ${name(r.origin)}: ${r.message}`);
    for (const v of violations.slice(0, 10)) console.log(`  VIOLATION ${v}`);
    expect(crashed.map((r) => `${name(r.origin)}: ${r.message}`)).toEqual([]);
    expect(violations).toEqual([]);
    for (const r of rejected) expect(r.message, name(r.origin)).toMatch(/\S/);

    // The whole pipeline, persistence included, on the first PERSISTED cases.
    const part = path.join(tmp.dir, 'part-a');
    const summary = await ingestArticles(db.writer, readSources([part]));
    const { created, updated, duplicates, failed } = summary.articles;
    const persistedReports = reports.filter((r) => r.origin.startsWith(part));
    expect(created + updated + duplicates + failed).toBe(persistedReports.length);
    expect(listSourceFiles([part]).length).toBeGreaterThan(0);
    const failedOrigins = new Set(summary.errors.map((e) => e.origin));
    for (const r of persistedReports) if (r.outcome === 'rejected') expect(failedOrigins.has(r.origin), name(r.origin)).toBe(true);
    expect(summary.errors.filter((e) => !persistedReports.some((r) => r.origin === e.origin && r.outcome === 'rejected')).map((e) => `${name(e.origin)}: ${e.message}`)).toEqual([]);
    expect(await orphanCounts(db.sql)).toEqual(NO_ORPHANS);
    console.log(`  persisted ${persistedReports.length}: ${created} created, ${updated} updated (same story), ${duplicates} duplicates, ${failed} failed; ${summary.statements} statements; graph consistent`);
  });
});
