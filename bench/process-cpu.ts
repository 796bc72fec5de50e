import fs from 'node:fs';

/**
 * CPU seconds of the processes a run starts, by thread, sampled from /proc while they run (a thread's
 * figures vanish when it ends, so the last sample of each is kept). Linux only; elsewhere it samples nothing.
 */
export interface CpuSample {
  /** Per thread of the sampled child processes: the child's main thread is `main`, the rest `tid`. */
  threads: Map<string, number>;
  /** Per PostgreSQL backend whose command line names the database. */
  backends: Map<number, number>;
}

const TICKS = 100; // USER_HZ on Linux

/** The fields of a /proc/…/stat line after the command name (state, ppid, …, utime at 11, stime at 12). */
const statFields = (stat: string) => stat.split(') ')[1].split(' ');

/** utime + stime of a /proc/…/stat line, in seconds. */
function cpuOf(statPath: string): number | null {
  try {
    const fields = statFields(fs.readFileSync(statPath, 'utf8'));
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return null; // ended between the listing and the read
  }
}

function list(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Samples every `everyMs` the children of this process and the backends serving `database`, until stopped. */
export function sampleCpu(database: string, everyMs = 100): { stop: () => CpuSample } {
  const sample: CpuSample = { threads: new Map(), backends: new Map() };
  const tick = () => {
    for (const pid of list('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      let cmdline: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      const ppid = Number(statFields(stat)[1]);
      if (ppid === process.pid) {
        for (const tid of list(`/proc/${pid}/task`)) {
          const cpu = cpuOf(`/proc/${pid}/task/${tid}/stat`);
          if (cpu !== null) sample.threads.set(tid === pid ? `main:${pid}` : tid, cpu);
        }
      } else if (cmdline.startsWith('postgres:') && cmdline.includes(` ${database} `)) {
        const cpu = cpuOf(`/proc/${pid}/stat`);
        if (cpu !== null) sample.backends.set(Number(pid), cpu);
      }
    }
  };
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return sample;
    },
  };
}

/** The sample summed: the child's main thread, its busiest other thread (the extraction thread with one worker), the rest, PostgreSQL. */
export function summariseCpu(s: CpuSample): { main: number; busiestThread: number; otherThreads: number; postgres: number; total: number } {
  const round = (x: number) => Math.round(x * 100) / 100;
  let main = 0;
  const others: number[] = [];
  for (const [k, v] of s.threads) (k.startsWith('main:') ? (main += v) : others.push(v));
  others.sort((a, b) => b - a);
  const busiestThread = others[0] ?? 0;
  const otherThreads = others.slice(1).reduce((a, b) => a + b, 0);
  const postgres = [...s.backends.values()].reduce((a, b) => a + b, 0);
  return { main: round(main), busiestThread: round(busiestThread), otherThreads: round(otherThreads), postgres: round(postgres), total: round(main + busiestThread + otherThreads + postgres) };
}
