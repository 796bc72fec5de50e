// The compiled server (dist/app) reads the committed model weights next to its code, as src/ does
// (`new URL('./model.bin.gz', import.meta.url)`): tsc emits only JavaScript, so copy them over.
// Usage: node scripts/copy-build-assets.mjs [outDir] (default dist/app, tsconfig.build.json's).
import fs from 'node:fs';
import path from 'node:path';

// Model weights (.bin.gz) and the geocoding gazetteer (src/geo/gazetteer.json.gz).
const ASSET = /\.(?:bin|json)\.gz$/;
const srcRoot = path.resolve('src');
const outRoot = path.resolve(process.argv[2] ?? 'dist/app');

let copied = 0;
for (const entry of fs.readdirSync(srcRoot, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !ASSET.test(entry.name)) continue;
  const from = path.join(entry.parentPath ?? entry.path, entry.name);
  const to = path.join(outRoot, path.relative(srcRoot, from));
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  copied++;
}
console.log(`build assets: ${copied} asset file(s) copied to ${path.relative(process.cwd(), outRoot) || '.'}`);
