// npm run bench: a fresh database, BBC + Reuters ingested end to end, then our API and PostGraphile 5
// side by side under autocannon. Prints Markdown tables and writes bench/results.json
// (BENCH_OUT to write elsewhere). Settings: see configFromEnv in bench/harness.ts (BENCH_QUICK=1: a small sample).
import fs from 'node:fs';
import path from 'node:path';
import { configFromEnv, runBench } from './harness.ts';
import { formatResults } from './report.ts';
import { headCommit } from './git-commit.ts';

const config = configFromEnv();
const out = process.env.BENCH_OUT || path.join(import.meta.dirname, config.quick ? 'results.quick.json' : 'results.json');
console.log(`newsgraph bench${config.quick ? ' (quick)' : ''}: database ${config.database}, results -> ${path.relative(process.cwd(), out)}`);
try {
  // The code the figures belong to, read before the run (a commit made while it runs is not it).
  const commit = headCommit();
  const results = { ...(await runBench(config)), commit };
  // Sections other benchmarks merge into the file ("replicas", "scale") stay as they are.
  const previous = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
  const kept = Object.fromEntries(Object.entries(previous).filter(([k]) => !(k in results)));
  fs.writeFileSync(out, `${JSON.stringify({ ...results, ...kept }, null, 2)}\n`);
  console.log(`\n${formatResults(results)}\n\nwrote ${out}`);
  process.exit(0);
} catch (error) {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
}
