import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { migrationsApplied } from './migrations-applied.ts';

const run = promisify(execFile);

/**
 * Applies committed migrations with `prisma migrate deploy` (the offline WebAssembly engine configured
 * in prisma.config.ts). Runs the CLI in a child process because the engine is only reachable through it,
 * and only when a committed migration is not yet applied (migrations-applied.ts).
 */
export async function migrateDeploy(databaseUrl: string, projectRoot = process.cwd()): Promise<void> {
  if (await migrationsApplied(databaseUrl, projectRoot)) return;
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
  try {
    await run(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      maxBuffer: 10 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`Database migration failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}
