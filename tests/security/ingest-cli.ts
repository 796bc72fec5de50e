import { spawn } from 'node:child_process';

const running = new Set<() => void>();

/** Kills every run still going (for afterAll: a test that timed out leaves no process behind). */
export function killRunningIngests(): void {
  for (const kill of running) kill();
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * `npm run ingest -- [options] <inputs>` as a child process in a process group of its own, so that a
 * hung or failed run can be killed with everything it started (parse/extract workers included).
 * Resolves when the process exits; after `timeoutMs` the group is killed and the run rejects.
 */
export function runIngestCli(inputs: string[], databaseUrl: string, options: string[] = [], timeoutMs = 240_000): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...options, ...inputs], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const killGroup = () => {
    try {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  running.add(killGroup);
  return new Promise<CliRun>((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup();
      reject(new Error(`ingest did not finish within ${timeoutMs} ms; output so far:\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      killGroup();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      running.delete(killGroup);
      resolve({ code, signal, output });
    });
  });
}
