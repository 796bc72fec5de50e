import { spawn } from 'node:child_process';

/** `npm run ingest -- [options] <dir>` as a real child process (no npx wrapper, so SIGKILL reaches the ingest itself). */
export function spawnIngest(dir: string, databaseUrl: string, options: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...options, dir], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}
