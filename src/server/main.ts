import 'reflect-metadata';
import fs from 'node:fs';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { ingestArticles } from '../pipeline/ingest-articles.ts';
import { readSources } from '../pipeline/read-sources.ts';
import { warmUpExtraction } from '../pipeline/warm-up.ts';
import { LiveFeed } from '../feed/live-feed.ts';
import { openIngestQueue } from '../queue/ingest-queue.ts';
import { createServer } from './create-server.ts';
import { createLogger, type Logger } from './logger.ts';
import { connectRedis } from './shared/redis.ts';

let logger: Logger = createLogger();
const log = (msg: string) => logger.info(msg);

async function main(): Promise<void> {
  const config = loadConfig();
  logger = createLogger({ level: config.logLevel });
  const db = await openDatabase(config, log);
  log(db.embedded ? 'embedded PostgreSQL ready, migrations applied' : 'database ready, migrations applied');

  // Extraction's models load and its hot code compiles here, before the server listens, not in the
  // first ingestArticle calls (a cold process took ~0.5 s for its first and grew ~30 MB more over its first 200).
  log(`extraction warmed up in ${Math.round(warmUpExtraction().ms)} ms`);

  if (config.ingestSeedsOnStart && fs.existsSync(config.seedsDir)) {
    // Idempotent: already-ingested content (same hash) is skipped, so restarts duplicate nothing.
    const s = await ingestArticles(db.writer, readSources([config.seedsDir]));
    log(`seeds: ${s.articles.created} new, ${s.articles.updated} updated, ${s.articles.duplicates} already present, ${s.articles.failed} failed`);
    for (const e of s.errors) log(`  ${e.origin}: ${e.message}`);
  }

  // Replicas share persisted queries, cached answers and rate budgets through Redis when it is configured.
  const redis = config.redisUrl ? connectRedis(config.redisUrl, config.redisPrefix) : null;
  if (redis) {
    if (await redis.ready) log('sharing persisted queries, the response cache and rate limits through Redis');
    else logger.warn('Redis (REDIS_URL) not reachable yet: this replica keeps its own state until it is');
  }
  // Articles queued here are ingested by `npm run worker` processes (the queue lives in this database).
  const queue = await openIngestQueue(db.url, config.queue, { supervise: false });
  // Subscriptions hear what any writer commits (LISTEN on this database), on every replica.
  const liveFeed = new LiveFeed(db.sql.pool, db.sql, { maxPending: config.subscriptions.maxPending, log: (msg, fields) => logger.warn(msg, fields) });
  await liveFeed.start();
  const server = await createServer({
    queue,
    liveFeed,
    subscriptionLimits: config.subscriptions,
    redis,
    sql: db.sql,
    db: db.writer,
    production: config.nodeEnv === 'production',
    logger,
    apiKeyHashes: config.apiKeyHashes,
    privateReads: config.privateReads,
    authFailures: config.authFailures,
    trustProxy: config.trustProxy,
    introspection: config.introspection,
    ide: config.ide,
    schemaPath: config.schemaPath,
    executionTimeoutMs: config.executionTimeoutMs,
    rateLimit: config.rateLimit,
    bodyLimitBytes: config.bodyLimitBytes,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    queryLimits: config.queryLimits,
    maxTokens: config.queryLimits.maxTokens,
    corsOrigins: config.corsOrigins,
    corsAllowHeaders: config.corsAllowHeaders,
    responseCache: config.responseCache ? { maxBytes: config.responseCacheBytes } : null,
  });
  if (config.apiKeyHashes.length === 0) logger.warn('NEWSGRAPH_API_KEYS is empty: every mutation will be refused');
  await new Promise<void>((resolve) => server.httpServer.listen(config.port, config.host, resolve));
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  log(`GraphQL API ready at http://${shownHost}:${port}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 5_000);
    force.unref();
    await server.stop();
    await liveFeed.stop();
    await queue.stop();
    await redis?.close();
    await db.close();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.error(`failed to start: ${(error as Error).message}`, { error });
  process.exit(1);
});
