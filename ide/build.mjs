// Bundles the IDE (ide/main.js: GraphiQL 5, the Explorer plugin, React, Monaco and its workers) for
// the browser into dist/ide/, which the server serves under content-hashed URLs. Runs offline, from
// `npm install` (postinstall) or `npm run build:ide`. Plain Node (no tsx): it also runs where only
// Node is installed. Without the dev dependencies (a production install) there is nothing to
// bundle: it says so and succeeds; the image copies the bundle from its build stage.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/ide');
const require = createRequire(path.join(root, 'package.json'));

function installed(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

const missing = ['esbuild', 'graphiql', '@graphiql/plugin-explorer', 'react', 'react-dom', 'monaco-editor', 'monaco-graphql'].filter((n) => !installed(n));
if (missing.length) {
  console.log(`ide: not bundled (${missing.join(', ')} not installed: a production install); the IDE needs dist/ide/ from a full install`);
  process.exit(0);
}

const esbuild = await import('esbuild');
const started = performance.now();
const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2022'],
  platform: 'browser',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  // Fonts and icons inline (the page's CSP allows font-src/img-src data:).
  loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
};

// Monaco's modules import their own CSS, which graphiql/style.css already carries (same Monaco
// version): bundling both would ship it twice.
const monacoCssOnce = {
  name: 'monaco-css-once',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) => (/[\\/]monaco-editor[\\/]/.test(args.importer) ? { path: args.path, namespace: 'empty-css' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'empty-css' }, () => ({ contents: '', loader: 'css' }));
  },
};

fs.rmSync(outDir, { recursive: true, force: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: { graphiql: 'ide/main.js' }, outdir: outDir, plugins: [monacoCssOnce] }),
  esbuild.build({
    ...common,
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
    outdir: outDir,
  }),
]);
const files = fs.readdirSync(outDir).sort();
const total = files.reduce((sum, f) => sum + fs.statSync(path.join(outDir, f)).size, 0);
console.log(`ide: bundled ${files.join(', ')} into dist/ide (${(total / 1e6).toFixed(2)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
