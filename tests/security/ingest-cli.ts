import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { killGroup, spawnTracked } from '../helpers/child-process.ts';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * `npm run ingest -- [options] <inputs>` as a child process in a process group of its own
 * (spawnTracked: killed with everything it started when the test file ends, passed or failed).
 * Resolves when the process exits; after `timeoutMs` the group is killed and the run rejects.
 */
export function runIngestCli(inputs: string[], databaseUrl: string, options: string[] = [], timeoutMs = 240_000): Promise<CliRun> {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...options, ...inputs], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise<CliRun>((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`ingest did not finish within ${timeoutMs} ms; output so far:\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      killGroup(child);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}
