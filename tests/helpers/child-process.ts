import { fork, spawn, type ChildProcess, type ForkOptions, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';
import { GROUPS_DIR } from './leftovers.ts';
import { descendants, processStartTime, signalGroup } from './process-info.ts';

/**
 * Child processes of tests run in process groups of their own (`detached`), so one kill reaches
 * everything they started too: a server's embedded PostgreSQL, a CLI's workers. Every group is
 * killed when the test file ends, passed or failed (afterAll), and when the worker process exits.
 *
 * Each live group is also written down in GROUPS_DIR as `<owner pid>-<owner start>-<pgid>-<start>`:
 * when a whole test run is killed (no afterAll, no exit hook), the next run's global setup finds the
 * groups whose owner is dead and kills them (see leftovers.ts). Start times make both pids safe
 * against reuse.
 */

const tracked = new Map<number, string>();
const ownerStart = processStartTime(process.pid);

function record(child: ChildProcess): ChildProcess {
  const pid = child.pid;
  if (!pid) return child; // spawn failed: nothing runs; the 'error' event tells the caller
  const entry = path.join(GROUPS_DIR, `${process.pid}-${ownerStart ?? 0}-${pid}-${processStartTime(pid) ?? 0}`);
  try {
    fs.mkdirSync(GROUPS_DIR, { recursive: true });
    fs.writeFileSync(entry, '');
  } catch {
    /* best effort: the in-process cleanup below still covers this run */
  }
  tracked.set(pid, entry);
  return child;
}

/** `spawn` in a process group of its own, killed with everything in it when the test file ends. */
export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  return record(spawn(command, args, { ...options, detached: true }));
}

/** `fork` in a process group of its own (IPC channel included), killed when the test file ends. */
export function forkTracked(modulePath: string, args: readonly string[], options: ForkOptions = {}): ChildProcess {
  return record(fork(modulePath, args, { ...options, detached: true }));
}

/**
 * SIGKILLs the child's whole process group (the child may already have exited while something it
 * started lives on) and forgets it. Safe to call twice.
 */
export function killGroup(child: ChildProcess | number | undefined): void {
  const pid = typeof child === 'number' ? child : child?.pid;
  if (!pid) return;
  const entry = tracked.get(pid);
  if (entry === undefined) return;
  signalGroup(pid, 'SIGKILL');
  tracked.delete(pid);
  fs.rmSync(entry, { force: true });
}

/** Kills every group this process started and has not killed yet. */
export function killTrackedGroups(): void {
  for (const pid of [...tracked.keys()]) killGroup(pid);
}

/** Resolves with the exit code and signal; at once when the child has already exited. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * Kills whatever this process still has running below it once a test file is done: processes not
 * started through this module (the bench harness's servers and ingest children, a synchronous
 * child whose caller timed out) must not outlive the file either.
 */
export function killDescendants(): number[] {
  const left = descendants(process.pid);
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
  }
  return left;
}

// Imported during collection, so this hook belongs to the importing test file (and runs after the
// file's own afterAll hooks, which stop their servers gracefully).
afterAll(() => {
  killTrackedGroups();
  const left = killDescendants();
  if (left.length) console.warn(`killed ${left.length} process(es) the test file left running: ${left.join(', ')}`);
});
process.once('exit', () => killTrackedGroups());
