import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'vitest';
import { corpusDir, runningInCi } from '../../src/config.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import type { ParsedArticle } from '../../src/ingest/types.ts';
import { jsonlRecordToRaw } from '../../src/pipeline/read-sources.ts';

/**
 * Tests that read the shared corpora (../shared/corpus, NEWSGRAPH_CORPUS_DIR; never in the repo)
 * skip on a machine without them, so a fresh clone's `npm test` stays usable. Under CI (`CI=true`)
 * they fail instead: a target test must never pass by not running.
 */
export type CorpusFile = 'bbc.jsonl' | 'reuters21578.jsonl' | 'polnear-traindev.jsonl' | 'conllpp-traindev.jsonl';

/** Why the files cannot be read here, or null when they all exist. */
export function missingCorpus(files: readonly string[]): string | null {
  const dir = corpusDir();
  if (!dir) return `the corpus directory is missing (set NEWSGRAPH_CORPUS_DIR to the folder holding ${files.join(', ')}, or put it at ../shared/corpus)`;
  const missing = files.filter((f) => !fs.existsSync(path.join(dir, f)));
  return missing.length ? `${missing.join(', ')} missing from ${dir}` : null;
}

/** What a test needing the corpus does: run, skip (files missing), or fail (files missing under CI). */
export function corpusGate(missing: string | null, ci = runningInCi()): 'run' | 'skip' | 'fail' {
  if (!missing) return 'run';
  return ci ? 'fail' : 'skip';
}

function failure(reason: string): Error {
  return new Error(`CI=true and ${reason}: under CI a test needing the corpus fails instead of skipping`);
}

/**
 * `describe` for a suite that needs corpus files: skipped without them, one failing test in their
 * place under CI. Its body (and hooks) run only when the files are there.
 */
export function describeWithCorpus(files: readonly CorpusFile[], name: string, body: () => void): void {
  const missing = missingCorpus(files);
  const gate = corpusGate(missing);
  if (gate === 'run') describe(name, body);
  else if (gate === 'skip') describe.skip(`${name} (needs ${files.join(', ')}: ${missing})`, body);
  else describe(name, () => it(`has the corpus files it needs (${files.join(', ')})`, () => {
    throw failure(missing!);
  }));
}

/** Skips the running test for `reason` (a missing corpus), or fails it under CI. */
export function skipWithoutCorpus(ctx: TestContext, reason: string): never {
  if (corpusGate(reason) === 'fail') throw failure(reason);
  ctx.skip(reason);
  throw new Error('unreachable: ctx.skip() ends the test');
}

/** Inside a test: the corpus directory holding `files`; otherwise skips the test, or fails it under CI. */
export function requireCorpus(ctx: TestContext, files: readonly CorpusFile[]): string {
  const missing = missingCorpus(files);
  if (missing) skipWithoutCorpus(ctx, missing);
  return corpusDir()!;
}

/** A story of the shared BBC corpus by its id ("politics/232"), parsed as ingest parses it. */
export function bbcStory(id: string): ParsedArticle {
  const line = fs.readFileSync(path.join(corpusDir()!, 'bbc.jsonl'), 'utf8').split('\n').find((l) => l.includes(`"id": "${id}"`) || l.includes(`"id":"${id}"`));
  if (!line) throw new Error(`bbc.jsonl has no story ${id}`);
  return corpusStory('bbc.jsonl', JSON.parse(line) as Record<string, unknown>);
}

/** The records of a shared corpus file whose JSON line matches `pattern` (tested on the text: most lines are never parsed). */
export function corpusRecords(file: CorpusFile, pattern: RegExp): Record<string, unknown>[] {
  return fs.readFileSync(path.join(corpusDir()!, file), 'utf8').split('\n').filter((l) => pattern.test(l)).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A record of a shared corpus file parsed as ingest parses it (a BBC story's id is its source id, as ingest gives it). */
export function corpusStory(file: CorpusFile, record: Record<string, unknown>): ParsedArticle {
  const id = String(record.id ?? record.newid);
  return parseArticle(jsonlRecordToRaw(record, `${file}#${id}`, file === 'bbc.jsonl' ? id : undefined));
}
