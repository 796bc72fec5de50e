import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { killTrackedGroups } from './child-process.ts';

/**
 * Test temp dirs are named `newsgraph-<label>-p<pid>-XXXXXX`, the pid being the test process that
 * made them: the next run's global setup removes the ones whose process is dead (a run killed
 * before its afterAll), and never one of a run still going (leftovers.ts, TEMP_DIR).
 */
const made = new Map<string, () => void>();

export interface TempDir {
  dir: string;
  remove(): void;
}

/**
 * A fresh temp directory, removed by `remove()` or, at the latest, when the test file ends.
 * `beforeRemove` stops whatever runs in it (a PostgreSQL server) first; it must be synchronous, as
 * it also runs from the process exit hook.
 */
export function makeTempDir(label: string, { beforeRemove }: { beforeRemove?: () => void } = {}): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `newsgraph-${label}-p${process.pid}-`));
  const remove = () => {
    if (!made.delete(dir)) return;
    try {
      beforeRemove?.();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  made.set(dir, remove);
  return { dir, remove };
}

/** Removes every temp dir this process made and has not removed yet. */
export function removeTempDirs(): void {
  for (const remove of [...made.values()]) {
    try {
      remove();
    } catch {
      /* the next one still goes */
    }
  }
}

// Imported during collection, so this hook belongs to the importing test file and runs after the
// file's own afterAll hooks. Child processes go first: a server may still be writing in these dirs.
afterAll(() => {
  killTrackedGroups();
  removeTempDirs();
});
process.once('exit', () => removeTempDirs());
