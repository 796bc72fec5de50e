import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { commandLine, isAlive, parentPid, processStartTime, signalGroup } from './process-info.ts';

/**
 * What killed test runs leave behind, and how the next run's global setup removes it. Other test
 * runs (other checkouts, CI jobs) share this machine, its /tmp and its PostgreSQL: everything here
 * is removed only when the process that made it is provably dead, never by name or age alone while
 * its owner may live.
 */

/** Where child-process.ts writes down the process groups it starts (`<owner pid>-<owner start>-<pgid>-<start>`). */
export const GROUPS_DIR = path.join(os.tmpdir(), '.newsgraph-test-groups');

/** Temp dirs of tests (see temp-dir.ts): `newsgraph-<label>-p<owner pid>-XXXXXX`. */
export const TEMP_DIR = /^newsgraph-.+-p(\d+)-[A-Za-z0-9]{6}$/;
/** Temp dirs named before the owner pid was part of the name: removed only once far older than any run. */
const LEGACY_TEMP_DIR = /^newsgraph-[a-z-]+-[A-Za-z0-9]{6}$/;
const LEGACY_AGE_MS = 6 * 3600_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pid a test database or template is named after (`..._<pid>_<n>[_suffix]`, or `..._<pid>`). */
export function databaseOwnerPid(name: string): number | null {
  const m = /_(\d+)_\d+(?:_[a-z]+)?$/.exec(name) ?? /_(\d+)$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** Drops `newsgraph_tpl_*` / `newsgraph_test_*` databases whose owner process is dead. */
export async function dropStaleDatabases(admin: pg.Client): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'newsgraph\\_tpl\\_%' OR datname LIKE 'newsgraph\\_test\\_%'`);
  const dropped: string[] = [];
  for (const { datname } of rows) {
    const pid = databaseOwnerPid(datname);
    if (pid === null || isAlive(pid)) continue; // unattributable names are kept, not guessed at
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).then(() => dropped.push(datname), () => {});
  }
  return dropped;
}

/**
 * Kills the process groups (servers, ingest CLIs, their embedded PostgreSQL) that test files of a
 * dead process started and never killed (see child-process.ts).
 */
export function killStaleGroups(groupsDir = GROUPS_DIR): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(groupsDir);
  } catch {
    return [];
  }
  const killed: number[] = [];
  for (const entry of entries) {
    const [owner, ownerStart, pgid, start] = entry.split('-').map(Number);
    if (!pgid) continue;
    if (isAlive(owner, ownerStart || null)) continue;
    // The leader's pid now names another process: the group is gone and the number reused. (While
    // any member of the group lives, the kernel does not hand its number out again.)
    const leaderStart = processStartTime(pgid);
    const reused = leaderStart !== null && start !== 0 && leaderStart !== start;
    if (!reused && signalGroup(pgid, 'SIGKILL')) killed.push(pgid);
    fs.rmSync(path.join(groupsDir, entry), { force: true });
  }
  return killed;
}

/** The pid in `dataDir/postmaster.pid` when that process is alive and a PostgreSQL server. */
export function livePostmaster(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  return isAlive(pid) && /postgres/.test(commandLine(pid)) ? pid : null;
}

/** Immediate shutdown (SIGQUIT), then SIGKILL if it is still there after 10 s. */
export async function stopPostmaster(pid: number): Promise<void> {
  const start = processStartTime(pid);
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    return;
  }
  for (let waited = 0; waited < 10_000 && isAlive(pid, start); waited += 100) await sleep(100);
  if (isAlive(pid, start)) signalGroup(pid, 'SIGKILL') || process.kill(pid, 'SIGKILL');
}

/** PostgreSQL data dirs (holding postmaster.pid) at most `depth` levels below `dir`. */
function dataDirsUnder(dir: string, depth = 3): string[] {
  if (fs.existsSync(path.join(dir, 'postmaster.pid'))) return [dir];
  if (depth === 0) return [];
  let children: fs.Dirent[];
  try {
    children = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return children.filter((c) => c.isDirectory() && !c.isSymbolicLink()).flatMap((c) => dataDirsUnder(path.join(dir, c.name), depth - 1));
}

/**
 * Removes test temp dirs whose owner is dead (legacy-named ones once older than LEGACY_AGE_MS),
 * first stopping a PostgreSQL server still running in one (a private server of the outage test, the
 * embedded one of `npm start`'s test) and, for legacy dirs, the leaked test server using it.
 */
export async function removeStaleTempDirs(tmp = os.tmpdir()): Promise<{ dirs: string[]; postmasters: number[] }> {
  const dirs: string[] = [];
  const postmasters: number[] = [];
  for (const name of fs.readdirSync(tmp)) {
    const dir = path.join(tmp, name);
    const owner = TEMP_DIR.exec(name)?.[1];
    let stale: boolean;
    if (owner) stale = !isAlive(Number(owner));
    else if (LEGACY_TEMP_DIR.test(name)) stale = Date.now() - (fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > LEGACY_AGE_MS;
    else continue;
    if (!stale) continue;
    for (const data of dataDirsUnder(dir)) {
      const pid = livePostmaster(data);
      if (!pid) continue;
      const parent = parentPid(pid);
      if (!owner && parent && parent > 1 && /src\/server\/main\.ts/.test(commandLine(parent))) signalGroup(parent, 'SIGKILL') || process.kill(parent, 'SIGKILL');
      await stopPostmaster(pid);
      postmasters.push(pid);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    dirs.push(dir);
  }
  return { dirs, postmasters };
}

/**
 * The embedded PostgreSQL the global setup starts when no other server is reachable
 * (`.data/test-pg`) records its starter in `<dir>.owner`. One orphaned by a killed run is stopped.
 */
export function ownerFile(dataDir: string): string {
  return `${dataDir}.owner`;
}

export function writeOwner(dataDir: string): void {
  fs.writeFileSync(ownerFile(dataDir), `${process.pid} ${processStartTime(process.pid) ?? 0}\n`);
}

/** Removes the owner file if it names this process (the server was stopped cleanly). */
export function releaseOwner(dataDir: string): void {
  try {
    if (fs.readFileSync(ownerFile(dataDir), 'utf8').startsWith(`${process.pid} `)) fs.rmSync(ownerFile(dataDir), { force: true });
  } catch {
    /* none */
  }
}

export async function stopOrphanedEmbedded(dataDir: string): Promise<number | null> {
  let owner: number[];
  try {
    owner = fs.readFileSync(ownerFile(dataDir), 'utf8').trim().split(' ').map(Number);
  } catch {
    return null; // never started by a test run, or stopped cleanly
  }
  if (isAlive(owner[0], owner[1] || null)) return null;
  const pid = livePostmaster(dataDir);
  if (pid) await stopPostmaster(pid);
  fs.rmSync(ownerFile(dataDir), { force: true });
  return pid;
}
