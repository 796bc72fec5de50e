import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;

const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * A Prisma client over the `pg` driver adapter (no native engine). The adapter gets a pool we own, so
 * that bulk ingest can write through the same connections without Prisma's per-call overhead (see
 * pgPoolOf); `$disconnect` ends it.
 */
export function createPrismaClient(connectionString: string, options: { poolSize?: number } = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  // An idle connection dropped by the server (restart, outage) must not crash the process.
  pool.on('error', () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/** The pg pool under a client made by createPrismaClient (undefined for other clients). */
export function pgPoolOf(db: PrismaClient): pg.Pool | undefined {
  return pools.get(db);
}
