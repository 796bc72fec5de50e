import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, runningInCi } from '../../src/config.ts';
import { exited, spawnTracked } from '../helpers/child-process.ts';
import { corpusGate } from '../helpers/corpus.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

interface Report {
  exitCode: number | null;
  tests: { name: string; status: string; failure: string }[];
}

/**
 * Runs tests/fixtures/corpus-gate/needs-corpus.fixture.ts (a suite and a test that need corpus
 * files) in a vitest of its own, with the corpus at `corpus` only (no fallback to ../shared/corpus).
 */
async function runFixture(corpus: string, ci: boolean): Promise<Report> {
  const out = makeTempDir('corpus-gate');
  const report = path.join(out.dir, 'report.json');
  const env: NodeJS.ProcessEnv = { ...process.env, NEWSGRAPH_CORPUS_DIR: corpus, NEWSGRAPH_CORPUS_FALLBACK: 'false', CI: ci ? 'true' : 'false' };
  const child = spawnTracked(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/fixtures/corpus-gate/vitest.config.ts', '--reporter=json', `--outputFile=${report}`], { env, stdio: 'ignore' });
  const { code } = await exited(child);
  const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[] };
  out.remove();
  const tests = json.testResults.flatMap((f) => f.assertionResults).map((t) => ({ name: t.fullName, status: t.status, failure: t.failureMessages.join('\n') }));
  return { exitCode: code, tests };
}

describe('tests needing the corpus: skipped without it, failed under CI', () => {
  it('decides run / skip / fail from what is missing and CI', () => {
    expect(corpusGate(null, false)).toBe('run');
    expect(corpusGate(null, true)).toBe('run');
    expect(corpusGate('bbc.jsonl missing', false)).toBe('skip');
    expect(corpusGate('bbc.jsonl missing', true)).toBe('fail');
    for (const ci of ['true', '1', 'yes']) expect(runningInCi({ CI: ci })).toBe(true);
    for (const ci of [undefined, '', 'false', '0']) expect(runningInCi({ CI: ci })).toBe(false);
  });

  it('finds no corpus when NEWSGRAPH_CORPUS_DIR is missing and fallbacks are off', () => {
    expect(corpusDir({ NEWSGRAPH_CORPUS_DIR: '/nonexistent/corpus', NEWSGRAPH_CORPUS_FALLBACK: 'false' })).toBeNull();
    const here = makeTempDir('corpus-dir');
    expect(corpusDir({ NEWSGRAPH_CORPUS_DIR: here.dir, NEWSGRAPH_CORPUS_FALLBACK: 'false' })).toBe(here.dir);
  });

  it('in a real vitest run: fails under CI=true, skips without CI, runs when the files are there', { timeout: 300_000 }, async () => {
    const present = makeTempDir('corpus-present');
    for (const f of ['bbc.jsonl', 'polnear-traindev.jsonl']) fs.writeFileSync(path.join(present.dir, f), '');
    const missing = path.join(present.dir, 'no-such-dir');
    const [ci, local, found] = await Promise.all([runFixture(missing, true), runFixture(missing, false), runFixture(present.dir, true)]);

    expect(ci.exitCode).toBe(1);
    expect(ci.tests.map((t) => t.status)).toEqual(['failed', 'failed']);
    for (const t of ci.tests) expect(t.failure).toMatch(/CI=true and .*missing.*: under CI a test needing the corpus fails instead of skipping/);

    expect(local.exitCode).toBe(0);
    expect(local.tests.map((t) => t.status)).toEqual(['skipped', 'skipped']);

    expect(found.exitCode).toBe(0);
    expect(found.tests.map((t) => t.status)).toEqual(['passed', 'passed']);
  });
});
