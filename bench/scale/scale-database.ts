import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { EXTRACTOR_VERSION } from '../../src/extract/version.ts';
import { createEmptyDatabase, createFreshDatabase, vacuumAnalyze, withDatabase } from '../database.ts';
import { migrateDeploy } from '../../src/db/migrate.ts';
import { buildScaleDatabase, type BuildReport } from './build.ts';
import { cloneToTarget, type CloneReport } from './clone.ts';
import { keptBuild, restoreDump, saveDump } from './dump.ts';

export interface ScaleDatabase {
  url: string;
  /** How the kept dump was built (also when this run restored it). */
  build: BuildReport & { extractorVersion: string; migration?: string; clone?: CloneReport };
  restored: boolean;
  restoreSeconds: number | null;
}

/** Articles in the database, or null when it does not exist. */
async function articleCount(url: string): Promise<number | null> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    return Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM article')).rows[0].n);
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

function migrations(): string[] {
  return fs.readdirSync(path.join(import.meta.dirname, '../../prisma/migrations')).filter((d) => /^\d/.test(d)).sort();
}

/** The schema a dump was made with: the newest migration. */
function latestMigration(): string {
  return migrations().at(-1) ?? 'none';
}

/**
 * Whether a dump made on `migration` can be brought to this schema by migrating it forward: it is one
 * of ours, and the graph it holds (what the extractor wrote) is the same. Migrations backfill what they
 * add (counters, copied columns), so a restored, migrated dump is the database a build would make.
 */
function migratable(migration: string | undefined): boolean {
  return migration !== undefined && migrations().includes(migration);
}


/**
 * The database of `articles` articles: restored from the kept dump when there is one built by this
 * extractor version, else built from the corpus and dumped for the next run. A build stopped at
 * `maxWriteSeconds` is kept (and measured) as what it is, marked incomplete.
 */
export async function ensureScaleDatabase(options: { adminUrl: string; database: string; dir: string; corpusDir: string; articles: number; batchSize: number; sourceLimit: number | null; maxWriteSeconds?: number | null; pipelineArticles?: number | null; rebuild?: boolean; reuseDatabase?: boolean; log: (line: string) => void }): Promise<ScaleDatabase> {
  const { log } = options;
  const kept = keptBuild(options.dir, options.articles);
  if (kept && options.reuseDatabase && ((await articleCount(withDatabase(options.adminUrl, options.database))) ?? 0) >= kept.articles) {
    log(`using ${options.database} as it is: it holds the kept build (${kept.articles} articles) and what earlier runs ingested`);
    return { url: withDatabase(options.adminUrl, options.database), build: kept, restored: false, restoreSeconds: null };
  }
  const current = kept !== null && kept.extractorVersion === EXTRACTOR_VERSION && migratable(kept.migration);
  if (kept && current && !options.rebuild) {
    const t = performance.now();
    const url = await createEmptyDatabase(options.adminUrl, options.database);
    log(`restoring the kept dump of ${kept.articles} articles from ${options.dir}${kept.complete === false ? ` (a partial build: ${kept.articles} of ${kept.target}; --rebuild to build again)` : ''}`);
    await restoreDump(url, options.dir, options.articles);
    if (kept.migration !== latestMigration()) {
      log(`migrating it from ${kept.migration} to ${latestMigration()}`);
      await migrateDeploy(url);
    }
    await vacuumAnalyze(url);
    return { url, build: kept, restored: true, restoreSeconds: Math.round((performance.now() - t) / 1000) };
  }
  if (kept && !current) log(`the kept dump was made by extractor ${kept.extractorVersion} on schema ${kept.migration ?? 'unknown'}, not ${EXTRACTOR_VERSION} on ${latestMigration()}: building again`);
  const url = await createFreshDatabase(options.adminUrl, options.database);
  log(`building ${options.articles} articles into ${options.database}`);
  // The pipeline writes the base; past it the archive grows by copies in SQL (see clone.ts).
  const pipeline = Math.min(options.articles, options.pipelineArticles ?? options.articles);
  const report = await buildScaleDatabase({ databaseUrl: url, corpusDir: options.corpusDir, target: pipeline, batchSize: options.batchSize, sourceLimit: options.sourceLimit, maxWriteSeconds: options.maxWriteSeconds ?? null, log });
  let clone: CloneReport | undefined;
  if (pipeline < options.articles && report.complete) {
    log(`copying the ${report.articles} pipeline-built articles in SQL up to ${options.articles}`);
    clone = await cloneToTarget(url, options.articles, log);
  }
  await vacuumAnalyze(url);
  const articles = clone ? options.articles : report.articles;
  const build = { ...report, articles, target: options.articles, complete: articles >= options.articles, extractorVersion: EXTRACTOR_VERSION, migration: latestMigration(), ...(clone ? { clone } : {}) };
  const dump = await saveDump(url, options.dir, build);
  log(`built in ${report.extractSeconds + report.writeSeconds + (clone?.seconds ?? 0)} s; dump ${dump}`);
  return { url, build, restored: false, restoreSeconds: null };
}
