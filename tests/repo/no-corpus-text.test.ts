import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { copiedRuns, RUN_WORDS } from '../helpers/copied-text.ts';
import { describeWithCorpus } from '../helpers/corpus.ts';
import { corpusDir } from '../../src/config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = ['bbc.jsonl', 'reuters21578.jsonl', 'polnear-traindev.jsonl', 'conllpp-traindev.jsonl'] as const;
// Text a person writes and reads: code, tests, documentation and fixtures. Binary weights and the lockfile are not prose.
const TEXT_FILE = /\.(?:ts|mts|mjs|js|json|md|graphql|txt|html|css|sh|ya?ml)$/;

describeWithCorpus([...CORPUS], 'the repository holds no corpus text', () => {
  it(`has no run of ${RUN_WORDS} words in a row that a corpus article also has`, () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter((f) => TEXT_FILE.test(f) && f !== 'package-lock.json');
    const files = tracked.filter((f) => fs.existsSync(path.join(ROOT, f))).map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') }));
    const runs = copiedRuns(files, CORPUS.map((f) => path.join(corpusDir()!, f)));
    const byFile = new Map<string, string[]>();
    for (const r of runs) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r.words]);
    // One example per file keeps the failure readable; the count says how much is left.
    expect([...byFile].map(([f, w]) => `${f}: ${w.length} runs, e.g. "${w[0]}"`)).toEqual([]);
  }, 120_000);
});
