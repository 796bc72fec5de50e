import { prepare } from './prepare-article.ts';
import { WARM_UP_ARTICLES } from './warm-up-articles.ts';

/**
 * Rounds over the warm-up articles. The first decodes the models; the later ones let V8 compile the
 * per-token code optimised (measured with bench/ingest-article-latency.ts: a cold process grew
 * ~85 MB of RSS over its first 200 ingestArticle calls, ~30 MB of it the models, and took ~500 ms for
 * its first call).
 */
export const WARM_UP_ROUNDS = 20;

/**
 * Parses and extracts invented articles, storing nothing, so that a process that serves ingests (the
 * API, a queue worker) pays for loading extraction's models and compiling its hot code at start-up,
 * before it reports ready, instead of in its first requests. Extraction loads its models lazily on
 * first use; this is that first use.
 */
export function warmUpExtraction(rounds = WARM_UP_ROUNDS): { ms: number } {
  const started = performance.now();
  const times = { parseMs: 0, extractMs: 0 };
  for (let round = 0; round < rounds; round++) {
    for (const article of WARM_UP_ARTICLES) {
      const result = prepare({ ok: true, article }, times);
      // A warm-up article that fails would leave the models unloaded: that is a bug, not a soft failure.
      if (result.kind === 'failed' || result.extractError !== null) throw new Error(`warm-up article ${article.origin} failed: ${result.kind === 'failed' ? result.error : result.extractError}`);
    }
  }
  return { ms: performance.now() - started };
}
