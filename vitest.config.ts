import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// type-graphql needs decorator metadata, which esbuild (vitest's default transform) cannot emit.
export default defineConfig({
  plugins: [swc.vite({ jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' } })],
  // Node resolves `graphql` to its CommonJS build (no exports map), and so do type-graphql and Apollo
  // when loaded from node_modules; Vite would pick index.mjs for our code: two realms. Use one.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/cleanup-setup.ts'],
    // Sized for a loaded 2-core machine (load average ~12 makes everything 5-10x slower): a timeout
    // here only turns a hang into a failure; tests wait on conditions, not on the clock.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 120_000,
    // Integration suites share one PostgreSQL database per file; run files one at a time.
    fileParallelism: false,
  },
});
