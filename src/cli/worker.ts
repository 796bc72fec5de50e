import 'reflect-metadata';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { openIngestQueue } from '../queue/ingest-queue.ts';
import { runWorker } from '../queue/queue-worker.ts';
import { warmUpExtraction } from '../pipeline/warm-up.ts';
import { createLogger } from '../server/logger.ts';
import { parseCliArgs } from './cli-args.ts';

// npm run worker [-- --concurrency N --batch N]: ingests queued articles until SIGINT/SIGTERM, then
// finishes the batches it holds and stops. Run any number, on any machines sharing DATABASE_URL.
const USAGE = 'usage: npm run worker -- [--concurrency N] [--batch N]   (defaults: NEWSGRAPH_WORKER_CONCURRENCY, NEWSGRAPH_WORKER_BATCH)';

async function main(): Promise<void> {
  let flags: Map<string, number>;
  try {
    const args = parseCliArgs(process.argv.slice(2), { ints: { concurrency: 1, batch: 1 } });
    if (args.inputs.length) throw new Error(`unknown argument ${args.inputs[0]}`);
    flags = args.ints;
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
  // Models loaded and hot code compiled before the first batch is taken (see warm-up.ts).
  logger.info('extraction warmed up', { ms: Math.round(warmUpExtraction().ms) });
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
