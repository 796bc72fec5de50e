import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireCorpus } from '../helpers/corpus.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

function runEval(args: string[]): { lines: string[]; result: any } {
  // A synchronous child blocks the test's own timeout: bound it here, generously for a loaded machine.
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', ...args], { encoding: 'utf8', timeout: 300_000, killSignal: 'SIGKILL' });
  const lines = out.trim().split('\n');
  return { lines, result: JSON.parse(lines[lines.length - 1]) };
}

describe('npm run eval', () => {
  it('scores any PolNeAR-format JSONL file and prints the scores as one JSON object on its last line', { timeout: 300_000 }, (ctx) => {
    const polnear = path.join(requireCorpus(ctx, ['polnear-traindev.jsonl']), 'polnear-traindev.jsonl');
    // A small file in the same format, written at test time (corpus text never enters the repo).
    const { dir } = makeTempDir('eval');
    const file = path.join(dir, 'sample.jsonl');
    const docs = fs.readFileSync(polnear, 'utf8').split('\n').filter(Boolean).slice(0, 5).map((l) => ({ ...JSON.parse(l), split: 'sample' }));
    fs.writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n'));
    const { result } = runEval([file, '--split', 'sample']);
    expect(result.docs).toBe(5);
    for (const k of ['direct', 'indirect', 'all']) {
      for (const m of ['content', 'speaker']) {
        for (const f of ['p', 'r', 'f1']) expect(result[k][m][f]).toBeGreaterThanOrEqual(0);
      }
    }
  });

  // Issue 15's targets: direct speaker ≥ 0.88, indirect ≥ 0.55, all ≥ 0.70 (1.33.0: 0.881, 0.613,
  // 0.702; 1.29.0: 0.870, 0.611, 0.693). Indirect is held at 0.61, above its target, so it cannot fall.
  it('meets the attribution targets on the PolNeAR dev split (direct content ≥ 0.92, indirect content ≥ 0.65, direct speaker ≥ 0.88, indirect speaker ≥ 0.61, all speaker ≥ 0.70)', { timeout: 300_000 }, (ctx) => {
    const polnear = path.join(requireCorpus(ctx, ['polnear-traindev.jsonl']), 'polnear-traindev.jsonl');
    const { lines, result } = runEval([polnear, '--split', 'dev']);
    console.log(lines.slice(0, -1).join('\n'));
    expect(result.docs).toBe(84);
    expect(result.direct.content.f1).toBeGreaterThanOrEqual(0.92);
    expect(result.indirect.content.f1).toBeGreaterThanOrEqual(0.65);
    expect(result.direct.speaker.f1).toBeGreaterThanOrEqual(0.88);
    expect(result.indirect.speaker.f1).toBeGreaterThanOrEqual(0.61);
    expect(result.all.speaker.f1).toBeGreaterThanOrEqual(0.7);
  });

  // Issue 15 asks for precision ≥ 0.92 and coverage ≥ 0.85 against the written gold: 1.12.0 with the
  // retrained source ranker gives 0.913 and 0.870; 1.20.0 0.921 (93 of 101) and 0.861, precision met (1.19.0 with the ranker `npm run train:source` makes from its code 0.912 and 0.861; 1.10.0 with the stale ranker 0.921 and 0.861; 1.9.0: 0.900 and 0.833; 1.7.1: 0.860 and 0.796; 1.6.0: 0.850 and 0.787; 1.5.0: 0.848 and 0.778; 1.4.0: 0.804 and 0.685), asserted here so they cannot fall.
  it('scores resolved speakers against the written gold with --speakers (precision ≥ 0.92, coverage ≥ 0.86)', { timeout: 300_000 }, (ctx) => {
    requireCorpus(ctx, ['polnear-traindev.jsonl', 'bbc.jsonl']);
    const { lines, result } = runEval(['--speakers']);
    console.log(lines.slice(0, -1).join('\n'));
    expect(result.items).toBe(150);
    expect(result.unmatched).toBe(0);
    expect(result.precision).toBeGreaterThanOrEqual(0.92);
    expect(result.coverage).toBeGreaterThanOrEqual(0.86);
  });
});
