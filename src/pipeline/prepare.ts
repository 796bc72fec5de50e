import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Prepared, PrepareTimes } from './prepare-article.ts';
import type { SourceItem } from './read-sources.ts';

export interface WorkerRequest {
  seq: number;
  items: SourceItem[];
}

export interface WorkerReply {
  seq: number;
  results: Prepared[];
  times: PrepareTimes;
}

/**
 * Young generation of an extraction thread, in MB (V8's default is 48: semi-spaces of 16 MB).
 * Extraction allocates a few hundred kB per article that die with it: with the default, one BBC pass
 * made 186 scavenges (about 5 % of its time); with 192 (semi-spaces of 64 MB) it makes about 70 for
 * the same output. The thread's RSS grows by at most the difference.
 */
export const EXTRACTION_YOUNG_GENERATION_MB = 192;

/** Starts a worker running prepare-worker.ts, also when this process runs TypeScript through tsx or vitest. */
function startWorker(youngMb: number): Worker {
  const resourceLimits = youngMb > 0 ? { maxYoungGenerationSizeMb: youngMb } : undefined;
  const target = new URL('./prepare-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(target))) return new Worker(new URL('./prepare-worker.js', import.meta.url), { resourceLimits });
  // Workers do not inherit the TypeScript loader: register tsx in the worker, then load the module.
  const api = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => { m.register(); return import(${JSON.stringify(target.href)}); })`;
  return new Worker(code, { eval: true, resourceLimits });
}

/**
 * Starts `count` extraction threads for a later prepareInOrder (which ends them). A thread spends its
 * first second or so loading the extraction modules and models: started before the caller loads its
 * own modules and opens the database, that happens meanwhile instead of after.
 */
export function startExtractionThreads(count: number, youngGenerationMb = EXTRACTION_YOUNG_GENERATION_MB): Worker[] {
  return Array.from({ length: Math.max(0, Math.floor(count)) }, () => startWorker(youngGenerationMb));
}

/**
 * Parse + extract in `workers` threads (0: on this thread), yielding results in source order.
 * Keeps up to `ahead` articles in flight so the workers stay busy while the caller writes a batch.
 * `youngGenerationMb` (0: V8's default) is for measuring EXTRACTION_YOUNG_GENERATION_MB. `threads`:
 * threads from startExtractionThreads to use instead of starting `workers` new ones.
 */
export async function* prepareInOrder(
  sources: AsyncIterable<SourceItem> | Iterable<SourceItem>,
  options: { workers: number; times: PrepareTimes; ahead?: number; chunkSize?: number; youngGenerationMb?: number; threads?: Worker[] },
): AsyncGenerator<Prepared> {
  const { times } = options;
  if (options.workers <= 0 && !options.threads?.length) {
    const { prepare } = await import('./prepare-article.ts');
    for await (const item of sources) yield prepare(item, times);
    return;
  }
  const chunkSize = options.chunkSize ?? 8;
  const workers = options.threads?.length ? options.threads : startExtractionThreads(options.workers, options.youngGenerationMb);
  const maxChunks = Math.max(2 * workers.length, Math.ceil((options.ahead ?? 256) / chunkSize));
  const waiting = new Map<number, { resolve: (r: Prepared[]) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  for (const w of workers) {
    w.on('message', (reply: WorkerReply) => {
      times.parseMs += reply.times.parseMs;
      times.extractMs += reply.times.extractMs;
      const entry = waiting.get(reply.seq);
      waiting.delete(reply.seq);
      entry?.resolve(reply.results);
    });
    w.on('error', (error) => fail(error));
    w.on('exit', (code) => {
      if (code !== 0) fail(new Error(`parse/extract worker exited with code ${code}`));
    });
  }
  const inFlight = new Map<number, Promise<Prepared[]>>();
  const iterator = (Symbol.asyncIterator in sources ? sources[Symbol.asyncIterator]() : (sources as Iterable<SourceItem>)[Symbol.iterator]()) as AsyncIterator<SourceItem> | Iterator<SourceItem>;
  let exhausted = false;
  let sent = 0;
  let next = 0;
  // Chunks go to the workers in turn; each worker answers its chunks in order.
  const submit = async () => {
    while (!exhausted && sent - next < maxChunks) {
      const items: SourceItem[] = [];
      while (items.length < chunkSize) {
        const r = await iterator.next();
        if (r.done) {
          exhausted = true;
          break;
        }
        items.push(r.value);
      }
      if (items.length === 0) break;
      const seq = sent++;
      const promise = new Promise<Prepared[]>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting.set(seq, { resolve, reject });
      });
      promise.catch(() => {});
      inFlight.set(seq, promise);
      workers[seq % workers.length].postMessage({ seq, items } satisfies WorkerRequest);
    }
  };
  try {
    await submit();
    while (next < sent) {
      const results = await inFlight.get(next)!;
      inFlight.delete(next);
      next++;
      await submit();
      for (const r of results) yield r;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
