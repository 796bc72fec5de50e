import type { BenchResults } from './harness.ts';
import type { IngestRun } from './ingest-phase.ts';

function table(header: string[], rows: (string | number | null)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null ? '-' : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

function ingestRow(r: IngestRun): (string | number)[] {
  const s = r.stageSeconds;
  return [`${r.corpus} (${r.mode === 'fast' ? `${r.workers} worker${r.workers === 1 ? '' : 's'}, ${r.batchSize}/tx` : 'one by one'})`, r.records, r.articles.created + r.articles.updated, r.wallSeconds, r.articlesPerSecond, r.articlesPerSecondPerCore, `${s.parse} / ${s.extract} / ${s.resolve} / ${s.persist}`, r.peakRssMb];
}

/** The results as Markdown tables (the README's Performance section uses the same). */
export function formatResults(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  // Results written before the load was recorded have none.
  const load = (r as Partial<BenchResults>).load;
  const loadNote = load ? `; load average ${load.atStart.join(' / ')} at the start, ${load.atEnd.join(' / ')} at the end (1, 5, 15 min)` : '';
  out.push(`Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM, Node ${m.node}, PostgreSQL ${m.postgres}, ${m.platform}; ${r.date.slice(0, 10)}${r.quick ? ' (BENCH_QUICK sample)' : ''}${loadNote}`);
  out.push('');
  out.push('Ingest (parse → extract → resolve → persist into PostgreSQL; stage seconds: parse and extract summed over worker threads)');
  out.push('');
  out.push(table(['corpus', 'records', 'stored', 'seconds', 'articles/s', 'per core', 'parse / extract / resolve / persist s', 'peak RSS MB'],
    [...r.ingest.runs.map(ingestRow), ...(r.ingest.baseline ? [ingestRow(r.ingest.baseline)] : [])]));
  out.push('');
  const a = r.settings.api;
  out.push(`API (autocannon, ${a.durationSeconds} s after ${a.warmupSeconds} s warm-up, mean of ${a.rounds} round${a.rounds === 1 ? '' : 's'} with the order swapped; latency in ms)`);
  out.push('');
  const rows: (string | number | null)[][] = [];
  const times = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(2)}×`);
  const cached = a.cache;
  const floor = a.floor ?? false;
  for (const ratio of r.api.ratios) {
    const find = (server: string) => r.api.results.find((x) => x.operation === ratio.operation && x.concurrency === ratio.concurrency && x.server === server);
    const ours = find('newsgraph')!;
    const peer = find('postgraphile');
    const hot = find('newsgraph-cache');
    rows.push([
      ratio.operation, ratio.concurrency,
      ours.requestsPerSecond, `${ours.p50Ms} / ${ours.p99Ms}`, ours.sqlPerRequest,
      peer ? peer.requestsPerSecond : 'n/a', peer ? `${peer.p50Ms} / ${peer.p99Ms}` : 'n/a', peer ? peer.sqlPerRequest : 'n/a',
      times(ratio.ratio),
      ...(cached ? [hot ? `${hot.requestsPerSecond} (${Math.round((hot.cacheHitRate ?? 0) * 100)}% hits)` : 'n/a', times(ratio.ratioCached)] : []),
      ...(floor ? [ratio.floor ?? 'n/a', times(ratio.ratioFloor ?? null)] : []),
    ]);
  }
  for (const op of r.api.operations.filter((o) => o.ours === 'n/a')) rows.push([op.name, '-', 'n/a', 'n/a', 'n/a', op.peer === 'n/a' ? 'n/a' : '?', '-', '-', 'n/a', ...(cached ? ['n/a', 'n/a'] : []), ...(floor ? ['n/a', 'n/a'] : [])]);
  out.push(table(['operation', 'conc', 'ours req/s', 'ours p50 / p99', 'ours SQL/req', 'PostGraphile req/s', 'p50 / p99', 'SQL/req', 'ours / theirs',
    ...(cached ? ['ours + response cache req/s', 'cached / theirs'] : []), ...(floor ? ['floor req/s', 'ours / floor'] : [])], rows));
  const failures = r.api.results.filter((x) => x.failures > 0);
  if (failures.length) out.push(`\nFAILED REQUESTS: ${failures.map((f) => `${f.operation} c=${f.concurrency} ${f.server}: ${f.failures}`).join(', ')}`);
  const notes = r.api.operations.filter((o) => o.note).map((o) => `- ${o.name}: ${o.note}`);
  if (notes.length) out.push('', ...notes);
  out.push('', `Peak RSS of the API servers: ${Object.entries(r.servers).map(([k, v]) => `${k} ${v?.peakRssMb ?? '?'} MB`).join(', ')}. Total benchmark time ${r.totalSeconds} s.`);
  return out.join('\n');
}
