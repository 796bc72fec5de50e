import pg from 'pg';
import { EXTRACTOR_VERSION } from '../../src/extract/version.ts';
import { createEmptyDatabase, createFreshDatabase } from '../database.ts';
import { buildScaleDatabase, type BuildReport } from './build.ts';
import { keptBuild, restoreDump, saveDump } from './dump.ts';

export interface ScaleDatabase {
  url: string;
  /** How the kept dump was built (also when this run restored it). */
  build: BuildReport & { extractorVersion: string };
  restored: boolean;
  restoreSeconds: number | null;
}

async function vacuumAnalyze(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('VACUUM ANALYZE');
  } finally {
    await c.end();
  }
}

/**
 * The database of `articles` articles: restored from the kept dump when there is one built by this
 * extractor version, else built from the corpus and dumped for the next run.
 */
export async function ensureScaleDatabase(options: { adminUrl: string; database: string; dir: string; corpusDir: string; articles: number; batchSize: number; sourceLimit: number | null; log: (line: string) => void }): Promise<ScaleDatabase> {
  const { log } = options;
  const kept = keptBuild(options.dir, options.articles);
  if (kept && kept.extractorVersion === EXTRACTOR_VERSION) {
    const t = performance.now();
    const url = await createEmptyDatabase(options.adminUrl, options.database);
    log(`restoring the kept dump of ${kept.articles} articles from ${options.dir}`);
    await restoreDump(url, options.dir, options.articles);
    await vacuumAnalyze(url);
    return { url, build: kept, restored: true, restoreSeconds: Math.round((performance.now() - t) / 1000) };
  }
  if (kept) log(`the kept dump was built by extractor ${kept.extractorVersion}, not ${EXTRACTOR_VERSION}: building again`);
  const url = await createFreshDatabase(options.adminUrl, options.database);
  log(`building ${options.articles} articles into ${options.database}`);
  const report = await buildScaleDatabase({ databaseUrl: url, corpusDir: options.corpusDir, target: options.articles, batchSize: options.batchSize, sourceLimit: options.sourceLimit, log });
  await vacuumAnalyze(url);
  const build = { ...report, extractorVersion: EXTRACTOR_VERSION };
  const dump = await saveDump(url, options.dir, build);
  log(`built in ${report.extractSeconds + report.writeSeconds} s; dump ${dump}`);
  return { url, build, restored: false, restoreSeconds: null };
}
