import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BuildReport } from './build.ts';

/** Where built databases are kept between runs: outside the repository, reused when present. */
export function scaleDir(env: Record<string, string | undefined> = process.env): string {
  return env.NEWSGRAPH_SCALE_DIR || path.join(os.homedir(), '.cache', 'newsgraph-scale');
}

/** The dump of a database built for `articles` articles and the report of its build, side by side. */
export function dumpPaths(dir: string, articles: number) {
  return { dump: path.join(dir, `scale-${articles}.dump`), report: path.join(dir, `scale-${articles}.json`) };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${err.slice(-2000)}`))));
  });
}

/** Writes the dump next to its build report; a half-written dump never takes the final name. */
export async function saveDump(databaseUrl: string, dir: string, report: BuildReport & { extractorVersion: string; migration: string }): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const { dump, report: reportFile } = dumpPaths(dir, report.target);
  await run('pg_dump', ['--format=custom', '--compress=6', '--no-owner', `--file=${dump}.part`, `--dbname=${databaseUrl}`]);
  fs.renameSync(`${dump}.part`, dump);
  fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  return dump;
}

/** The build report of a kept dump, or null when there is none (or only half of one). */
export function keptBuild(dir: string, articles: number): (BuildReport & { extractorVersion: string; migration?: string }) | null {
  const { dump, report } = dumpPaths(dir, articles);
  if (!fs.existsSync(dump) || !fs.existsSync(report)) return null;
  return JSON.parse(fs.readFileSync(report, 'utf8'));
}

/** Restores a kept dump into an empty database (two jobs: the machine has two cores). */
export async function restoreDump(databaseUrl: string, dir: string, articles: number): Promise<void> {
  await run('pg_restore', ['--no-owner', '--jobs=2', `--dbname=${databaseUrl}`, dumpPaths(dir, articles).dump]);
}
