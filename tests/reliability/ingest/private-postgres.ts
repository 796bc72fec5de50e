import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const BIN_CANDIDATES = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin', '/usr/local/pgsql/bin'];

export interface PrivatePostgres {
  url: string;
  /** Immediate stop: like a crash or a pulled cable, open connections just die. */
  stop(): void;
  start(): void;
  destroy(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Directory of initdb/pg_ctl, or null when this machine has no PostgreSQL server binaries. */
export function postgresBinDir(): string | null {
  return BIN_CANDIDATES.find((d) => fs.existsSync(path.join(d, 'pg_ctl')) && fs.existsSync(path.join(d, 'initdb'))) ?? null;
}

/**
 * A throwaway PostgreSQL server of this test's own (own data dir and port), so it can be stopped
 * mid-ingest without disturbing the shared server other tests use. As root it runs as OS user
 * `postgres` (PostgreSQL refuses to run as root). Destroyed when the test file ends at the latest,
 * even if the caller never got hold of it; a killed run's server is stopped by the next run's
 * global setup (its data dir is a test temp dir, see leftovers.ts).
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries found');
  const asRoot = process.getuid?.() === 0;
  // Generous: initdb and a start with -w take seconds on a quiet machine, far more on a loaded one.
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    execFileSync(file, argv, { stdio: 'pipe', timeout: 180_000 });
  };
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '120', 'stop']);
  // pg_ctl detaches the server from us: the temp dir's removal (by destroy(), or when the test file
  // ends, or at process exit) is what stops it.
  const tmp = makeTempDir('pg', {
    beforeRemove() {
      if (fs.existsSync(path.join(data, 'postmaster.pid'))) stop();
    },
  });
  const root = tmp.dir;
  const data = path.join(root, 'data');
  const destroy = () => {
    try {
      tmp.remove();
    } catch {
      /* stopped already: removed all the same */
    }
  };
  try {
    if (asRoot) {
      fs.chmodSync(root, 0o755);
      execFileSync('chown', ['postgres:', root]);
    }
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const opts = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
    const start = () => run('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(root, 'log'), '-w', '-t', '120', 'start']);
    start();
    return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop, start, destroy };
  } catch (error) {
    destroy();
    throw error;
  }
}

