/**
 * Driver adapter for the Prisma CLI (migrate/generate) running its bundled WebAssembly schema engine.
 * The stock `@prisma/adapter-pg` 6.19 has five defects under that engine (see README "Prisma offline");
 * this wraps it. Only the CLI uses this file; the app uses the stock adapter.
 */
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';

const OID_CHAR = 18;
const OID_NAME = 19;
const OID_NAME_ARRAY = 1003;
const OID_TEXT = 25;
const OID_TEXT_ARRAY = 1009;

// Parse name[] like text[] so the engine receives arrays, not '{a,b}' strings.
pg.types.setTypeParser(OID_NAME_ARRAY as never, pg.types.getTypeParser(OID_TEXT_ARRAY as never));

interface QueryResultLike {
  fields?: { dataTypeID: number }[];
}

/** Defect 1: report "char", name and name[] columns as text / text[] (Prisma issue #27403). */
function retypeFields(result: unknown): unknown {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as QueryResultLike[]) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === OID_CHAR || field.dataTypeID === OID_NAME) field.dataTypeID = OID_TEXT;
      else if (field.dataTypeID === OID_NAME_ARRAY) field.dataTypeID = OID_TEXT_ARRAY;
    }
  }
  return result;
}

function patchQuery(target: { query: (...args: never[]) => unknown }): void {
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  (target as { query: unknown }).query = (...args: unknown[]) => {
    const out = original(...args);
    return out instanceof Promise ? out.then(retypeFields) : out;
  };
}

function createPool(connectionString: string): pg.Pool {
  // Defect 5a: let the CLI exit when idle.
  const pool = new pg.Pool({ connectionString, allowExitOnIdle: true, max: 4 });
  patchQuery(pool as never);
  pool.on('connect', (client) => patchQuery(client as never));
  return pool;
}

/** Defect 5b: PostgreSQL 18 has NOT NULL constraints (contype 'n') the engine does not expect. */
function rewriteSql(query: SqlQuery): SqlQuery {
  if (!query.sql.includes("contype NOT IN ('p', 'u', 'f')")) return query;
  return { ...query, sql: query.sql.replaceAll("contype NOT IN ('p', 'u', 'f')", "contype NOT IN ('p', 'u', 'f', 'n')") };
}

async function wrapAdapter(adapter: SqlDriverAdapter, pool: pg.Pool, isShadow: boolean): Promise<SqlDriverAdapter> {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  // Defect 2: send the whole script as one simple-protocol query (the stock one splits on every ';').
  const executeScript = async (script: string): Promise<void> => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  adapter.executeScript = executeScript;
  adapter.queryRaw = (q) => queryRaw(rewriteSql(q));
  adapter.executeRaw = async (q) => {
    // Defect 4: the shadow database receives migration scripts as argument-less executeRaw calls.
    if (isShadow && q.args.length === 0) {
      await executeScript(q.sql);
      return 0;
    }
    return executeRaw(rewriteSql(q));
  };
  return adapter;
}

export function createMigrationAdapterFactory(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async connect() {
      const pool = createPool(connectionString);
      return wrapAdapter(await new PrismaPg(pool, { disposeExternalPool: true }).connect(), pool, false);
    },
    // Defect 3: really create (and later drop) a throw-away shadow database, connecting by URL.
    async connectToShadowDb() {
      const admin = new pg.Pool({ connectionString, allowExitOnIdle: true, max: 1 });
      const database = `prisma_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      await admin.query(`CREATE DATABASE "${database}"`);
      const url = new URL(connectionString);
      url.pathname = `/${database}`;
      const pool = createPool(url.toString());
      const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.end();
      };
      return wrapAdapter(adapter, pool, true);
    },
  };
}
