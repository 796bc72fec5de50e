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

  it('meets the attribution targets on the PolNeAR dev split (direct content ≥ 0.92, indirect content ≥ 0.65, direct speaker ≥ 0.80, all speaker ≥ 0.545)', { timeout: 300_000 }, (ctx) => {
    const polnear = path.join(requireCorpus(ctx, ['polnear-traindev.jsonl']), 'polnear-traindev.jsonl');
    const { lines, result } = runEval([polnear, '--split', 'dev']);
    console.log(lines.slice(0, -1).join('\n'));
    expect(result.docs).toBe(84);
    expect(result.direct.content.f1).toBeGreaterThanOrEqual(0.92);
    expect(result.indirect.content.f1).toBeGreaterThanOrEqual(0.65);
    expect(result.direct.speaker.f1).toBeGreaterThanOrEqual(0.8);
    expect(result.all.speaker.f1).toBeGreaterThanOrEqual(0.545);
  });
});
