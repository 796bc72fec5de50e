import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../../src/config.ts';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { makeTempDir } from './temp-dir.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/**
 * A test database holding the two seed articles plus a real corpus sample: the first `bbc` BBC
 * politics stories (quote-rich, many named politicians, undated) and the first `reuters` Reuters
 * stories with a body (dated 1987 wire copy). The sample is written to temporary JSONL files for the
 * ingest (corpus text never enters the repository).
 */
export async function createSampleGraph(label: string, { bbc = 120, reuters = 150 }: { bbc?: number; reuters?: number } = {}): Promise<TestDatabase> {
  const dir = corpusDir();
  const file = dir && path.join(dir, 'bbc.jsonl');
  if (!file || !fs.existsSync(file)) throw new Error('The BBC corpus is missing: set NEWSGRAPH_CORPUS_DIR to the folder holding bbc.jsonl');
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && JSON.parse(l).category === 'politics').slice(0, bbc);
  // Removed below, or when the test file ends if anything before the `try` throws.
  const tmp = makeTempDir('sample').dir;
  const sample = path.join(tmp, 'bbc-sample.jsonl');
  fs.writeFileSync(sample, `${lines.join('\n')}\n`);
  const reutersFile = path.join(dir, 'reuters21578.jsonl');
  const reutersLines = fs.readFileSync(reutersFile, 'utf8').split('\n').filter((l) => l.trim() && JSON.parse(l).body).slice(0, reuters);
  const reutersSample = path.join(tmp, 'reuters-sample.jsonl');
  fs.writeFileSync(reutersSample, `${reutersLines.join('\n')}\n`);
  const db = await createTestDatabase(label);
  try {
    const summary = await ingestArticles(db.writer, readSources(['seeds', sample, reutersSample]));
    if (summary.errors.length) throw new Error(`Sample ingest failed: ${JSON.stringify(summary.errors.slice(0, 3))}`);
  } catch (error) {
    await db.drop();
    throw error;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return db;
}

/** A test database holding the two seed articles, ingested by the real pipeline; dropped again if the ingest reports an error. */
export async function createSeedGraph(label: string): Promise<TestDatabase> {
  const db = await createTestDatabase(label);
  try {
    const summary = await ingestArticles(db.writer, readSources(['seeds']));
    if (summary.errors.length) throw new Error(`Seed ingest failed: ${JSON.stringify(summary.errors)}`);
    return db;
  } catch (error) {
    await db.drop();
    throw error;
  }
}
