/**
 * Where an ingestArticle-sized ingest (a batch of one) spends its time, over N consecutive new BBC
 * articles on an existing database: per call the pipeline's stage times (IngestStats) and, per SQL
 * statement text, the mean time it waited for its answer.
 *   DATABASE_URL=... npx tsx bench/ingest-article-stages.ts [calls]
 */
import fs from 'node:fs';
import { loadConfig } from '../src/config.ts';
import type { Sql } from '../src/db/sql.ts';
import { openDatabase } from '../src/db/open-database.ts';
import type { Writer } from '../src/db/writer.ts';
import { emptyStats, ingestArticles } from '../src/pipeline/ingest-articles.ts';

const calls = Number(process.argv[2] ?? 200);
const lines = fs.readFileSync('/work/shared/corpus/bbc.jsonl', 'utf8').split('\n').filter(Boolean).slice(0, calls);
const db = await openDatabase(loadConfig());
const byText = new Map<string, number>();
let statements = 0;
async function timed<T>(text: string, run: () => Promise<T>): Promise<T> {
  statements += 1;
  const t = performance.now();
  try {
    return await run();
  } finally {
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 60);
    byText.set(key, (byText.get(key) ?? 0) + performance.now() - t);
  }
}
const timedSql = (sql: Sql): Sql => ({ query: (text, params) => timed(text, () => sql.query(text, params)) });
const writer: Writer = {
  query: (text, params) => timed(text, () => db.writer.query(text, params)),
  transaction: (fn, options) => db.writer.transaction((sql) => fn(timedSql(sql)), options),
  read: (fn) => db.writer.read((sql) => fn(timedSql(sql))),
  exclusive: (fn) => db.writer.exclusive(fn),
};
try {
  const stats = emptyStats();
  const tag = String(Date.now());
  for (const [i, line] of lines.entries()) {
    const a = JSON.parse(line) as { title?: string; body?: string; text?: string };
    const raw = `${a.body ?? a.text ?? ''}\n\nBenchmark copy ${tag}-${i}.`;
    await ingestArticles(writer, [{ ok: true, article: { raw, origin: 'bench', meta: { title: a.title, source: 'Bench Wire', url: `https://bench.test/${tag}/${i}` } } }], { stats });
  }
  const per = (ms: number) => (ms / lines.length).toFixed(1);
  console.log(`per call: wall ${per(stats.wallMs)} ms = parse ${per(stats.parseMs)} + extract ${per(stats.extractMs)} + look-up and resolve ${per(stats.resolveMs)} + store ${per(stats.persistMs)}; ${(statements / lines.length).toFixed(1)} statements (BEGIN/COMMIT not counted)`);
  for (const [text, ms] of [...byText].sort((x, y) => y[1] - x[1])) console.log(`${per(ms).padStart(7)} ms  ${text}`);
} finally {
  await db.close();
}
