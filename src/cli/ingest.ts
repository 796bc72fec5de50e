import 'reflect-metadata';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { ingestArticles, type IngestSummary } from '../pipeline/ingest-articles.ts';
import { listSourceFiles, readSources } from '../pipeline/read-sources.ts';

function printSummary(s: IngestSummary, seconds: number): void {
  const rows: [string, string][] = [
    ['articles', `${s.articles.created} created, ${s.articles.updated} updated, ${s.articles.duplicates} skipped duplicates, ${s.articles.failed} failed`],
    ['people', `${s.people.created} created, ${s.people.updated} updated`],
    ['organizations', `${s.organizations.created} created, ${s.organizations.updated} updated`],
    ['places', `${s.places.created} created, ${s.places.updated} updated`],
    ['events', `${s.events.created} created, ${s.events.updated} updated`],
    ['statements', `${s.statements} created`],
    ['time', `${seconds.toFixed(1)} s`],
  ];
  console.log('\nIngest summary');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(14)} ${v}`);
  if (s.errors.length) {
    console.log(`\n${s.errors.length} problem(s):`);
    for (const e of s.errors.slice(0, 50)) console.log(`  ${e.origin}: ${e.message}`);
    if (s.errors.length > 50) console.log(`  ... and ${s.errors.length - 50} more`);
  }
}

async function main(): Promise<void> {
  const inputs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (inputs.length === 0) {
    console.error('usage: npm run ingest -- <files or directories> (.txt/.html articles, .jsonl corpora)');
    process.exit(2);
  }
  const files = listSourceFiles(inputs);
  const config = loadConfig();
  const db = await openDatabase(config);
  const bar = new cliProgress.SingleBar({ format: 'ingest [{bar}] {value} articles | {origin}', hideCursor: true, noTTYOutput: false, etaBuffer: 50 }, cliProgress.Presets.shades_classic);
  const interactive = process.stdout.isTTY;
  if (interactive) bar.start(0, 0, { origin: '' });
  const started = Date.now();
  try {
    const summary = await ingestArticles(db.prisma, readSources(files), {
      onProgress: (p) => {
        if (interactive) {
          bar.setTotal(p.done);
          bar.update(p.done, { origin: p.origin.length > 60 ? `…${p.origin.slice(-59)}` : p.origin });
        } else if (p.done % 500 === 0) console.log(`  ${p.done} articles processed`);
      },
    });
    if (interactive) bar.stop();
    printSummary(summary, (Date.now() - started) / 1000);
    process.exitCode = summary.articles.failed > 0 ? 1 : 0;
  } catch (error) {
    if (interactive) bar.stop();
    console.error(`\ningest stopped: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

// Exit explicitly: after a database outage a dead connection can keep the event loop busy (or let
// it drain with the wrong status), and a CLI must end with its real exit code.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(`ingest failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
