import fs from 'node:fs';

/**
 * When the process started, in clock ticks since boot (field 22 of /proc/PID/stat), or null when it
 * is gone or /proc is unavailable. Together with the pid it names one process for good: a pid the
 * kernel hands out again belongs to a process with another start time.
 */
export function processStartTime(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[19]);
  } catch {
    return null;
  }
}

/** Whether `pid` is alive and, when `startTime` is given, still the same process it was then. */
export function isAlive(pid: number, startTime?: number | null): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A zombie has died; only its parent has not collected it yet (orphans may wait on a lax pid 1).
  if (processState(pid) === 'Z') return false;
  if (startTime == null) return true;
  const now = processStartTime(pid);
  return now === null || now === startTime;
}

/** The state letter of /proc/PID/stat (R, S, D, Z, ...), or null when gone. */
function processState(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return null;
  }
}

/** The process's command line, arguments joined by spaces ('' when gone). */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Parent pid, or null when gone. */
export function parentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Every live process descending from `pid` (children, their children, ...), from /proc. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    const p = Number(name);
    if (!Number.isInteger(p)) continue;
    const parent = parentPid(p);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), p]);
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) for (const c of children.get(queue.shift()!) ?? []) if (!out.includes(c)) out.push(c), queue.push(c);
  return out.filter((p) => isAlive(p));
}

/** Sends `signal` to a whole process group; false when the group no longer exists. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
