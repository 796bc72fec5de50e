// Preloaded into an ingest process by bench/ingest-query-cpu.ts (`node --import THIS --import tsx …`):
// charges each query the CPU its PostgreSQL backend spent while it ran (utime + stime from /proc, the
// backend's pid from the connection), summed per statement text, and prints the table on exit. CPU,
// not wall: a loaded machine stretches the durations PostgreSQL logs, not the backend's CPU seconds.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const pg = createRequire(`${process.cwd()}/package.json`)('pg'); // the checkout's own pg
const TICKS = 100; // USER_HZ on Linux
const cpuOf = (pid) => {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch {
    return 0;
  }
};
const byText = new Map();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  // Callback calls and connections without a backend yet pass through unmeasured.
  if (typeof values === 'function' || typeof callback === 'function' || !this.processID) return query.call(this, config, values, callback);
  const text = (typeof config === 'string' ? config : (config?.text ?? '')).replace(/\s+/g, ' ').trim().slice(0, 110);
  const pid = this.processID;
  const before = cpuOf(pid);
  const result = query.call(this, config, values);
  const charge = () => {
    const row = byText.get(text) ?? { calls: 0, seconds: 0 };
    row.calls += 1;
    row.seconds += cpuOf(pid) - before;
    byText.set(text, row);
  };
  result.then(charge, charge);
  return result;
};
process.on('exit', () => {
  const rows = [...byText].map(([text, r]) => ({ text, ...r })).sort((a, b) => b.seconds - a.seconds);
  console.log(`QUERY_CPU ${JSON.stringify(rows)}`);
});
