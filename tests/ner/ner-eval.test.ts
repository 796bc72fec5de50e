import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { requireCorpus } from '../helpers/corpus.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { MODEL_FILE } from '../../src/extract/ner/weights.ts';

/** The corpus is needed: skipped on a machine without it, a failure under CI (tests/helpers/corpus.ts). */
const needCorpus = (ctx: TestContext): string => path.join(requireCorpus(ctx, ['conllpp-traindev.jsonl']), 'conllpp-traindev.jsonl');

function evalNer(args: string[]): { lines: string[]; result: any } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/eval-ner.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 300_000, killSignal: 'SIGKILL' });
  const lines = out.trim().split('\n');
  return { lines, result: JSON.parse(lines[lines.length - 1]) };
}

describe('npm run eval:ner', () => {
  it('the committed model is compact (≤ 15 MB)', () => {
    expect(fs.statSync(MODEL_FILE).size).toBeLessThanOrEqual(15e6);
  });

  it('meets the dev targets with the full extraction: exact F1 ≥ 0.90 overall, ≥ 0.85 ORG, ≥ 0.88 detokenised', (ctx) => {
    needCorpus(ctx);
    const { lines, result } = evalNer([]);
    console.log(lines.slice(0, -1).join('\n'));
    expect(result.docs).toBe(216);
    expect(result.exact.ALL.f1).toBeGreaterThanOrEqual(0.9);
    expect(result.exact.ORG.f1).toBeGreaterThanOrEqual(0.85);
    expect(result.detokenised.exact.ALL.f1).toBeGreaterThanOrEqual(0.88);
  }, 120_000);

  it('scores any file in the format, every record when there is no split field; --tagger scores the model alone', (ctx) => {
    const f = needCorpus(ctx);
    const { dir } = makeTempDir('eval-ner');
    const sample = path.join(dir, 'sample.jsonl');
    // Written at test time from the corpus (its text never enters the repository).
    const docs = fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((d) => d.split === 'dev').slice(0, 3).map(({ split: _s, ...d }) => d);
    fs.writeFileSync(sample, docs.map((d) => JSON.stringify(d)).join('\n'));
    for (const args of [[sample], [sample, '--tagger']]) {
      const { result } = evalNer(args);
      expect(result.docs).toBe(3);
      for (const t of ['PER', 'ORG', 'LOC', 'ALL']) for (const k of ['p', 'r', 'f1']) expect(result.exact[t][k]).toBeGreaterThan(0.5);
    }
  }, 120_000);
});
