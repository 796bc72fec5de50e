// npm run bench:scale: a database of half a million articles (the corpus and its variants, built once and
// kept as a dump), then the reads the scale issue lists at concurrency 1 and 8 and an ingestArticle
// mutation, with the response cache off. Merges the figures into bench/results.json under "scale".
import { dropDatabase } from '../database.ts';
import { ensurePeerInstalled } from '../peer-install.ts';
import { measureAll } from './measure-all.ts';
import { scaleOptions } from './options.ts';
import { scaleQueries } from './queries.ts';
import { mergeScaleResults, scaleResults } from './results.ts';
import { formatScale } from './report.ts';
import { ensureScaleDatabase } from './scale-database.ts';

const options = scaleOptions(process.argv.slice(2));
const log = (line: string) => console.log(line);
log(`newsgraph bench:scale: ${options.articles} articles, database ${options.database}, dumps in ${options.dir}`);
try {
  const db = await ensureScaleDatabase({ ...options, maxWriteSeconds: options.maxMinutes === null ? null : options.maxMinutes * 60, log });
  try {
    if (!options.buildOnly) {
      await ensurePeerInstalled(log);
      const only = options.only;
      const queries = (await scaleQueries(db.url)).filter((q) => !only || only.includes(q.name));
      const measured = await measureAll({ databaseUrl: db.url, corpusDir: options.corpusDir, queries, ingest: !only || only.includes('ingestArticle'), concurrencies: options.concurrencies, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds, log });
      const results = scaleResults({
        command: `npm run bench:scale -- ${process.argv.slice(2).join(' ')}`.trim(),
        articles: db.build.articles,
        build: { ...db.build, restored: db.restored, restoreSeconds: db.restoreSeconds },
        settings: { durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds, concurrencies: options.concurrencies, responseCache: false },
        descriptions: Object.fromEntries([...queries.map((q) => [q.name, q.description]), ['ingestArticle', 'ingestArticle mutation of a new BBC-based story (parse, extract, resolve, store)']]),
        queries: measured.queries,
        loads: measured.loads,
      });
      mergeScaleResults(options.out, results);
      log(`\n${formatScale(results)}\n\nwrote "scale" into ${options.out}`);
    }
  } finally {
    if (!options.keepDatabase) await dropDatabase(options.adminUrl, options.database);
  }
  process.exit(0);
} catch (error) {
  console.error(`bench:scale failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
}
