// Side-by-side comparison of server builds on the same pages in the same minutes, for tuning the
// request path (issue 20's ours / floor). Each variant is a server entry script speaking the
// benchmark's IPC protocol (bench/servers/*.ts, or another checkout's copy of newsgraph-server.ts);
// rounds alternate the variants' order so that the VM's drift hits them alike.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/floor_bench \
//   npx tsx bench/ab-pages.ts ours=bench/servers/newsgraph-server.ts base=/tmp/base/bench/servers/newsgraph-server.ts floor=bench/servers/floor-server.ts
//
// Env: AB_OPERATIONS (article,person), AB_CONCURRENCY (1,32), AB_ROUNDS (2), AB_DURATION (5 s),
// AB_WARMUP (2 s), AB_CPU_PROF=dir (servers write V8 CPU profiles into dir/<variant> on exit; the largest is the main thread's).
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOperations } from './operations.ts';
import { measure } from './load.ts';
import pg from 'pg';
import type { RunningServer } from './servers.ts';

interface Variant { name: string; script: string }

const list = (raw: string | undefined, fallback: string) => (raw || fallback).split(',').map((s) => s.trim()).filter(Boolean);

function start(variant: Variant, databaseUrl: string): Promise<RunningServer & { child: ChildProcess }> {
  const cwd = path.resolve(path.dirname(variant.script), '../..');
  const execArgv = ['--import', 'tsx', ...(process.env.AB_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.env.AB_CPU_PROF, variant.name)}`] : [])];
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'production', LOG_LEVEL: 'silent' };
  const child = fork(path.resolve(variant.script), [], { cwd, env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${variant.name} exited with ${code}`)));
    child.on('message', (m: { type?: string; port?: number }) => {
      if (m?.type !== 'ready') return;
      child.removeAllListeners('exit');
      resolve({
        child,
        name: variant.name === 'floor' ? 'floor' : 'newsgraph',
        url: `http://127.0.0.1:${m.port}/graphql`,
        counters: () => new Promise((done) => {
          const on = (s: { type?: string; requests: number; sqlStatements: number; cacheHits?: number }) => {
            if (s?.type !== 'stats') return;
            child.off('message', on);
            done({ requests: s.requests, sqlStatements: s.sqlStatements, cacheHits: s.cacheHits ?? 0 });
          };
          child.on('message', on);
          child.send({ type: 'stats' });
        }),
        peakRssKb: () => null,
        // SIGINT-free exit through 'disconnect' lets --cpu-prof write its profile.
        stop: () => new Promise<void>((done) => {
          child.once('exit', () => done());
          child.disconnect();
        }),
      });
    });
  });
}

/** Nanoseconds a process has run on a CPU (/proc/<pid>/schedstat); 0 once it is gone. */
function cpuNs(pid: number): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return 0;
  }
}

/** Nanoseconds all threads of a process have run (/proc/<pid>/stat utime + stime, 10 ms ticks). */
function processCpuNs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000_000;
}

/** CPU time of the benchmark database's backends so far, by pid. */
async function backendCpu(admin: pg.Client): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  return new Map(rows.map((r) => [r.pid, cpuNs(r.pid)]));
}

const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/floor_bench';
const variants: Variant[] = process.argv.slice(2).map((arg) => {
  const [name, script] = arg.split('=');
  return { name, script };
});
const operationNames = list(process.env.AB_OPERATIONS, 'article,person');
const concurrencies = list(process.env.AB_CONCURRENCY, '1,32').map(Number);
const rounds = Number(process.env.AB_ROUNDS ?? 2);
const durationSeconds = Number(process.env.AB_DURATION ?? 5);
const warmupSeconds = Number(process.env.AB_WARMUP ?? 2);

const { operations } = await buildOperations(databaseUrl);
const servers = await Promise.all(variants.map((v) => start(v, databaseUrl)));
const rates = new Map<string, number[]>();
const cpu = new Map<string, { server: number[]; db: number[] }>();
const admin = new pg.Client({ connectionString: databaseUrl });
await admin.connect();
try {
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const name of operationNames) {
      const op = operations.find((o) => o.name === name)!;
      for (const connections of concurrencies) {
        for (const server of order) {
          const variant = variants[servers.indexOf(server)].name;
          // CPU per request, server process and database backends apart: under a shared machine's
          // load req/s moves with the neighbours, CPU per request much less. (Counted over warm-up too.)
          const before = { server: processCpuNs(server.child.pid!), db: await backendCpu(admin), requests: (await server.counters()).requests };
          const r = await measure(server, op.ours!.bodies, { connections, durationSeconds, warmupSeconds, databaseUrl });
          const served = (await server.counters()).requests - before.requests;
          let dbNs = 0;
          for (const [pid, ns] of await backendCpu(admin)) dbNs += ns - (before.db.get(pid) ?? 0);
          const serverUs = (processCpuNs(server.child.pid!) - before.server) / served / 1000;
          const dbUs = dbNs / served / 1000;
          const key = `${name}\tc=${connections}\t${variant}`;
          rates.set(key, [...(rates.get(key) ?? []), r.requestsPerSecond]);
          const c = cpu.get(key) ?? { server: [], db: [] };
          c.server.push(serverUs);
          c.db.push(dbUs);
          cpu.set(key, c);
          console.log(`round ${round + 1} ${key}\t${r.requestsPerSecond} req/s\tp50 ${r.p50Ms} p99 ${r.p99Ms}\tsql/req ${r.sqlPerRequest}\tCPU us/req server ${serverUs.toFixed(0)} db ${dbUs.toFixed(0)}\tfailures ${r.failures}\tload ${os.loadavg()[0].toFixed(1)}`);
        }
      }
    }
  }
} finally {
  await admin.end();
  await Promise.all(servers.map((s) => s.stop()));
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
console.log('\nmean req/s, CPU us per request (server process / database backends)');
for (const [key, values] of rates) console.log(`${key}\t${mean(values).toFixed(1)}\t(${values.join(', ')})\tCPU ${mean(cpu.get(key)!.server).toFixed(0)} / ${mean(cpu.get(key)!.db).toFixed(0)} us`);
