/**
 * Reads fuzz cases with the pipeline's own reader (files and JSONL in a directory) and runs
 * parse → extract → resolve on each, in a process of its own so the test can kill it if a case
 * hangs. Reports one IPC message per case.
 */
import { extractArticle } from '../../../src/extract/extract-article.ts';
import { parseArticle } from '../../../src/ingest/parse-article.ts';
import { addToIndex, emptyIndex, resolveExtraction } from '../../../src/resolve/resolve-extraction.ts';
import { readSources } from '../../../src/pipeline/read-sources.ts';
import type { EntityIndex } from '../../../src/resolve/types.ts';
import { checkInvariants } from './article-invariants.ts';

export interface CaseReport {
  origin: string;
  ms: number;
  outcome: 'ok' | 'rejected' | 'crashed';
  message?: string;
  violations: string[];
  statements: number;
}

const index: EntityIndex = emptyIndex();

for await (const item of readSources(process.argv.slice(2))) {
  const started = performance.now();
  let report: CaseReport;
  if (!item.ok) {
    process.send!({ origin: item.origin, ms: 0, outcome: 'rejected', message: item.error, violations: [], statements: 0 } satisfies CaseReport);
    continue;
  }
  const origin = item.article.origin;
  try {
    const parsed = parseArticle(item.article);
    const extraction = extractArticle(parsed);
    const resolved = resolveExtraction(extraction, index);
    const violations = [...checkInvariants(parsed, extraction).map((v) => `extract: ${v}`), ...checkInvariants(parsed, resolved).map((v) => `resolve: ${v}`)];
    addToIndex(index, resolved);
    report = { origin, ms: performance.now() - started, outcome: 'ok', violations, statements: resolved.statements.length };
  } catch (error) {
    const e = error as Error;
    // A ParseError is the stage saying "this is not an article": the clear per-file error we want.
    const rejected = e?.name === 'ParseError';
    report = { origin, ms: performance.now() - started, outcome: rejected ? 'rejected' : 'crashed', message: rejected ? e.message : `${e?.name}: ${e?.message}\n${e?.stack?.split('\n').slice(1, 4).join('\n')}`, violations: [], statements: 0 };
  }
  process.send!(report);
}
process.disconnect();
