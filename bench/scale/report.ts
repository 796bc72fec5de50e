import type { ScaleResults } from './results.ts';

/** The scale figures as the README shows them: one row per read, p50 / p99 (ms) and req/s per concurrency. */
export function formatScale(r: ScaleResults): string {
  const cs = r.settings.concurrencies.map((c) => `c${c}`);
  const header = ['operation', ...cs.flatMap((c) => [`${c} p50 / p99 ms`, `${c} req/s`])];
  const rows = Object.entries(r.queries).map(([name, by]) => [name, ...cs.flatMap((c) => (by[c] ? [`${by[c].p50} / ${by[c].p99}`, String(by[c].requestsPerSecond)] : ['-', '-']))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const b = r.build;
  return [
    `${r.articles} articles${b.clone ? ` (${b.clone.baseArticles} by the ingest pipeline, the rest ${b.clone.copies} SQL copies of them)` : ''}${b.complete === false ? ` (build stopped at its time limit: ${b.articles} of ${b.target}; projected write ${b.projectedWriteSeconds} s)` : ''}, ${b.sources} distinct texts in ${b.variants} variants; ` +
      `ingest ${r.ingest.firstSliceArticlesPerSecond} articles/s over the first 10 %, ${r.ingest.lastSliceArticlesPerSecond} over the last 10 %; load average ${r.load} (${r.loadRange.join('–')}) on ${r.machine.cpus} CPUs`,
    '',
    line(header),
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
