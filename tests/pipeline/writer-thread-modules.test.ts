import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnTracked } from '../helpers/child-process.ts';

/**
 * The thread that resolves and stores (the CLI's, the bench's, a queue worker's main thread) hands
 * articles to extraction threads and never extracts itself: it must not load the extraction code,
 * its lexicons and its models (55 modules that delayed the extraction workers' start by the time
 * they took to load). A loader hook in a child process lists every module of src/extract/ that
 * importing the ingest pipeline loads.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const HOOK = `export async function load(url, context, next) { if (url.includes('/src/extract/')) process.stdout.write('LOADED ' + url.slice(url.indexOf('/src/extract/') + 1) + '\\n'); return next(url, context); }`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`;

function extractionModulesLoadedBy(entry: string): Promise<string[]> {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, '-e', `await import(${JSON.stringify(path.join(ROOT, entry))})`, '--input-type=module'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length))) : reject(new Error(`exit ${code}: ${out}`))));
  });
}

describe('the writer thread', () => {
  it('loads no extraction code: only the version, the gazetteer look-ups and what event resolution compares (dates, places)', async () => {
    const loaded = await extractionModulesLoadedBy('src/pipeline/ingest-articles.ts');
    expect(loaded).toContain('src/extract/gazetteer.ts');
    expect(loaded.filter((m) => /extract-article|statements|entities\.ts|\/ner\/|\/speech\/|find-events/.test(m))).toEqual([]);
  }, 60_000);

  it('is what a worker thread loads in full (the hook sees extraction where it is used)', async () => {
    const loaded = await extractionModulesLoadedBy('src/pipeline/prepare-article.ts');
    expect(loaded).toEqual(expect.arrayContaining(['src/extract/extract-article.ts', 'src/extract/ner/model.ts', 'src/extract/speech/model.ts']));
  }, 60_000);
});
