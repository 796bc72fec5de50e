import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited, killGroup, spawnTracked } from '../helpers/child-process.ts';
import { databaseOwnerPid, killStaleGroups, removeStaleTempDirs, stopOrphanedEmbedded } from '../helpers/leftovers.ts';
import { isAlive, processStartTime } from '../helpers/process-info.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait.ts';

/** The pid of a process that has come and gone: an owner that is provably dead. */
async function deadPid(): Promise<number> {
  const child = spawnTracked('true', []);
  await exited(child);
  killGroup(child);
  return child.pid!;
}

/**
 * A process group (a shell with a background child, like a server with its PostgreSQL) whose
 * leader's command line reads `postgres`, as postmaster.pid checks expect; `sleep` stands in for the
 * server so the sweep's process handling is tested in a second, not an initdb.
 */
function group(): { leader: number; member: () => number } {
  const child = spawnTracked('bash', ['-c', 'sleep 300 & echo $!; exec -a postgres-stand-in sleep 300'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  return { leader: child.pid!, member: () => Number(out.trim()) };
}

describe('removing what killed test runs left behind', () => {
  it('attributes test databases to the process in their name', () => {
    expect(databaseOwnerPid('newsgraph_test_rel_crash_ref_4242_12345678')).toBe(4242);
    expect(databaseOwnerPid('newsgraph_tpl_77_123456')).toBe(77);
    expect(databaseOwnerPid('newsgraph_test_bench_4242_99_seq')).toBe(4242);
    expect(databaseOwnerPid('newsgraph_test_rel_bare_4242')).toBe(4242);
    expect(databaseOwnerPid('newsgraph_test_something')).toBeNull();
  });

  it('kills the process groups of a dead owner, whole, and leaves a live owner\'s alone', async () => {
    const registry = makeTempDir('groups-registry').dir;
    const stale = group();
    const live = group();
    await waitFor(() => stale.member() && live.member(), 'the background children to report their pids');
    const dead = await deadPid();
    fs.writeFileSync(path.join(registry, `${dead}-0-${stale.leader}-${processStartTime(stale.leader)}`), '');
    fs.writeFileSync(path.join(registry, `${process.pid}-${processStartTime(process.pid)}-${live.leader}-${processStartTime(live.leader)}`), '');

    expect(killStaleGroups(registry)).toEqual([stale.leader]);
    await waitFor(() => !isAlive(stale.leader) && !isAlive(stale.member()), 'the stale group to die', { timeoutMs: 30_000 });
    expect(isAlive(live.leader) && isAlive(live.member())).toBe(true);
    expect(fs.readdirSync(registry)).toHaveLength(1); // the live owner's entry stays
  });

  it('never kills a process that took over a recorded pid', async () => {
    const registry = makeTempDir('groups-registry').dir;
    const other = group();
    const dead = await deadPid();
    // Same pid, another start time: the recorded group is long gone and the number was reused.
    fs.writeFileSync(path.join(registry, `${dead}-0-${other.leader}-${processStartTime(other.leader)! - 1}`), '');
    expect(killStaleGroups(registry)).toEqual([]);
    expect(isAlive(other.leader)).toBe(true);
    expect(fs.readdirSync(registry)).toEqual([]);
  });

  it('removes temp dirs of dead owners, stopping a PostgreSQL server still running in them; keeps live owners\' and recent unattributed ones', async () => {
    const tmp = makeTempDir('tmp-root').dir;
    const dead = await deadPid();
    const server = group();
    const staleDir = path.join(tmp, `newsgraph-pg-p${dead}-AbC123`);
    fs.mkdirSync(path.join(staleDir, 'data'), { recursive: true });
    fs.writeFileSync(path.join(staleDir, 'data', 'postmaster.pid'), `${server.leader}\n${staleDir}/data\n`);
    const liveDir = path.join(tmp, `newsgraph-pg-p${process.pid}-AbC123`);
    const oldLegacy = path.join(tmp, 'newsgraph-embedded-XyZ789');
    const newLegacy = path.join(tmp, 'newsgraph-sample-XyZ789');
    const unrelated = path.join(tmp, 'something-else');
    for (const d of [liveDir, oldLegacy, newLegacy, unrelated]) fs.mkdirSync(d);
    const sevenHoursAgo = new Date(Date.now() - 7 * 3600_000);
    fs.utimesSync(oldLegacy, sevenHoursAgo, sevenHoursAgo);

    const { dirs, postmasters } = await removeStaleTempDirs(tmp);
    expect(dirs.sort()).toEqual([oldLegacy, staleDir].sort());
    expect(postmasters).toEqual([server.leader]);
    await waitFor(() => !isAlive(server.leader), 'the stand-in server to stop', { timeoutMs: 30_000 });
    expect(fs.readdirSync(tmp).sort()).toEqual([path.basename(liveDir), path.basename(newLegacy), 'something-else'].sort());
  });

  it('stops the .data/test-pg server of a killed run, and not one whose run is still going', async () => {
    const tmp = makeTempDir('embedded-owner').dir;
    const dataDir = path.join(tmp, 'test-pg');
    fs.mkdirSync(dataDir);
    const server = group();
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), `${server.leader}\n${dataDir}\n`);

    fs.writeFileSync(`${dataDir}.owner`, `${process.pid} ${processStartTime(process.pid)}\n`);
    expect(await stopOrphanedEmbedded(dataDir)).toBeNull();
    expect(isAlive(server.leader)).toBe(true);

    fs.writeFileSync(`${dataDir}.owner`, `${await deadPid()} 0\n`);
    expect(await stopOrphanedEmbedded(dataDir)).toBe(server.leader);
    await waitFor(() => !isAlive(server.leader), 'the orphaned server to stop', { timeoutMs: 30_000 });
    expect(fs.existsSync(`${dataDir}.owner`)).toBe(false);
  });
});
