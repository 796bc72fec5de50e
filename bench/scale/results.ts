import { headCommit } from '../git-commit.ts';
import fs from 'node:fs';
import os from 'node:os';
import type { BuildReport } from './build.ts';
import type { CloneReport } from './clone.ts';
import type { QueryResults } from './measure-all.ts';

export interface ScaleResults {
  date: string;
  /** The commit measured (its working tree may differ). */
  commit: string;
  command: string;
  articles: number;
  /** Mean 1-minute load average over the measured runs (2 cores: 2 means both busy). */
  load: number;
  loadRange: [number, number];
  machine: { cpus: number; cpuModel: string; node: string };
  build: BuildReport & { extractorVersion: string; restored: boolean; restoreSeconds: number | null; clone?: CloneReport };
  ingest: BuildReport['ingest'];
  settings: { durationSeconds: number; warmupSeconds: number; concurrencies: number[]; responseCache: false };
  descriptions: Record<string, string>;
  queries: QueryResults;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function scaleResults(input: Omit<ScaleResults, 'date' | 'commit' | 'load' | 'loadRange' | 'machine' | 'ingest'> & { loads: number[] }): ScaleResults {
  const { loads, ...rest } = input;
  return {
    date: new Date().toISOString(),
    commit: headCommit(),
    ...rest,
    load: r2(loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)),
    loadRange: [r2(Math.min(...loads)), r2(Math.max(...loads))],
    machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
    ingest: input.build.ingest,
  };
}

/** Sets the "scale" key of the results file, leaving every other key as it was. */
export function mergeScaleResults(file: string, scale: ScaleResults): void {
  const current = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(file, `${JSON.stringify({ ...current, scale }, null, 2)}\n`);
}
