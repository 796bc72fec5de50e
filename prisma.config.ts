// Loaded only by the Prisma CLI. Uses the bundled WebAssembly engine ("js") through a driver adapter,
// so generate and migrate work offline (no native engine download).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { createMigrationAdapterFactory } from './prisma/migration-adapter.ts';

// The wasm engine leaves a 10 s advisory-lock timer referenced, so every command would linger ~11 s.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
  const timer = originalSetTimeout(fn, ms, ...rest);
  if ((ms ?? 0) >= 5000) timer.unref?.();
  return timer;
}) as typeof setTimeout;

// Without a syntactically valid URL the CLI falls back to the native engine and tries to download it.
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/newsgraph';
process.env.DATABASE_URL = databaseUrl;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter: async () => createMigrationAdapterFactory(databaseUrl),
});
