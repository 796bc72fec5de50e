import 'reflect-metadata';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { openIngestQueue } from '../queue/ingest-queue.ts';
import { runWorker } from '../queue/queue-worker.ts';
import { createLogger } from '../server/logger.ts';

// npm run worker [-- --concurrency N --batch N]: ingests queued articles until SIGINT/SIGTERM, then
// finishes the batches it holds and stops. Run any number, on any machines sharing DATABASE_URL.
const USAGE = 'usage: npm run worker -- [--concurrency N] [--batch N]   (defaults: NEWSGRAPH_WORKER_CONCURRENCY, NEWSGRAPH_WORKER_BATCH)';

function readFlags(argv: string[]): Map<string, number> {
  const flags = new Map<string, number>();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].replace(/^--/, '').split('=', 2);
    if (!argv[i].startsWith('--') || (name !== 'concurrency' && name !== 'batch')) throw new Error(`unknown argument ${argv[i]}`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer, got "${raw ?? ''}"`);
    flags.set(name, value);
  }
  return flags;
}

async function main(): Promise<void> {
  let flags: Map<string, number>;
  try {
    flags = readFlags(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, fields: { pid: process.pid } });
  const db = await openDatabase(config, (msg) => logger.info(msg));
  const queue = await openIngestQueue(db.url, config.queue, { supervise: true });
  const concurrency = flags.get('concurrency') ?? config.worker.concurrency;
  const batchSize = flags.get('batch') ?? config.worker.batchSize;
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!stop.signal.aborted) logger.info(`${signal} received: finishing the batches in hand`);
      stop.abort();
    });
  }
  logger.info('worker ready', { concurrency, batchSize });
  await runWorker(db.writer, queue, { concurrency, batchSize, signal: stop.signal, log: (event, fields) => logger.info(event, fields) });
  await queue.stop();
  await db.close();
  logger.info('worker stopped');
}

main().catch((error: unknown) => {
  console.error(`worker failed: ${(error as Error).message}`);
  process.exit(1);
});
