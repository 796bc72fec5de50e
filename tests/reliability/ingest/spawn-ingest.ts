import { exited, spawnTracked } from '../../helpers/child-process.ts';

/**
 * `npm run ingest -- [options] <dir>` as a real child process (no npx wrapper, so SIGKILL reaches the
 * ingest itself), in a process group killed when the test file ends even if the test fails.
 */
export function spawnIngest(dir: string, databaseUrl: string, options: string[] = []) {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...options, dir], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, exited: exited(child), output: () => output };
}
