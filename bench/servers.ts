import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type ServerName = 'newsgraph' | 'newsgraph-cache' | 'postgraphile' | 'floor';

export interface RunningServer {
  name: ServerName;
  url: string;
  /** Requests, SQL statements and response-cache hits the server counted since it started. */
  counters(): Promise<{ requests: number; sqlStatements: number; cacheHits: number }>;
  /** Peak RSS of the server process so far (kB), via /proc. */
  peakRssKb(): number | null;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..');

function startChild(name: ServerName, databaseUrl: string, extraEnv: Record<string, string>): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'production', GRAPHILE_ENV: 'production', LOG_LEVEL: 'silent' };
  if (name === 'newsgraph' || name === 'newsgraph-cache') {
    if (name === 'newsgraph-cache') env.BENCH_RESPONSE_CACHE = '1';
    return fork(path.join(ROOT, 'bench/servers/newsgraph-server.ts'), [], { cwd: ROOT, env, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  }
  if (name === 'floor') return fork(path.join(ROOT, 'bench/servers/floor-server.ts'), [], { cwd: ROOT, env, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  // PostGraphile 5 needs Promise.withResolvers, which Node 20 lacks.
  return fork(path.join(ROOT, 'bench/peer/postgraphile-server.mjs'), [], { cwd: ROOT, env, execArgv: ['--import', path.join(ROOT, 'bench/peer/with-resolvers.mjs')], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
}

function readPeakRss(pid: number | undefined): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Starts a server as a child process and waits until it listens; `env` adds to its environment. */
export async function startServer(name: ServerName, databaseUrl: string, timeoutMs = 60_000, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = startChild(name, databaseUrl, env);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.on('message', (m: { type?: string; port?: number }) => {
      if (m?.type === 'ready') {
        clearTimeout(timer);
        resolve(m.port!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before listening:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    counters: () => new Promise((resolve, reject) => {
      const onMessage = (m: { type?: string; requests: number; sqlStatements: number; cacheHits?: number }) => {
        if (m?.type !== 'stats') return;
        child.off('message', onMessage);
        resolve({ requests: m.requests, sqlStatements: m.sqlStatements, cacheHits: m.cacheHits ?? 0 });
      };
      child.on('message', onMessage);
      if (!child.send({ type: 'stats' })) reject(new Error(`${name} is gone`));
    }),
    peakRssKb: () => readPeakRss(child.pid),
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    }),
  };
}
