import { expect } from 'vitest';
import { loadGoldArticles } from '../../src/eval/events-sample.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import type { Extraction, ExtractedStatement } from '../../src/extract/types.ts';

/** The extraction of a short article written for a test: a headline, then `body`. */
export function extractTestArticle(body: string, publishedAt = '2019-04-19'): Extraction {
  return extractArticle(parseArticle({ raw: `Test story\n\n${body}`, meta: { source: 'Test Wire', publishedAt }, origin: 'test' } as Parameters<typeof parseArticle>[0]));
}

/** The name of the person or organisation a statement is attributed to (null: nobody). */
export function speakerName(ex: Extraction, statement: ExtractedStatement): string | null {
  return [...ex.people, ...ex.organizations].find((e) => e.key === statement.speaker?.key)?.name ?? null;
}

/**
 * Who said the statement holding `words` in a test article: a name, null for nobody, undefined when
 * no statement holds them. `direct` looks at quotations only.
 */
export function speakerOf(body: string, words: string, options: { publishedAt?: string; direct?: boolean } = {}): string | null | undefined {
  const ex = extractTestArticle(body, options.publishedAt);
  const statement = ex.statements.find((s) => (!options.direct || s.kind === 'DIRECT') && s.text.includes(words));
  return statement ? speakerName(ex, statement) : undefined;
}

/** Events of a one-paragraph article (headline "Test article", no metadata), as "TYPE/mode source → target". */
export function eventSummaries(body: string): string[] {
  const x = extractArticle(parseArticle({ raw: `Test article\n\n${body}`, origin: 'test' }));
  return x.events.map((e) => `${e.type}${e.mode ? `/${e.mode}` : ''} ${e.sources!.map((a) => a.name).join('+') || '-'} → ${e.targets!.map((a) => a.name).join('+') || '-'}`);
}

/** eventSummaries() of one type ("LEGAL", "SUPPORT"). */
export const eventSummariesOfType = (body: string, type: string) => eventSummaries(body).filter((e) => e.startsWith(type));

/** The extraction of one PolNeAR article, by doc_id (needs the shared corpus). */
export const extractPolnear = (id: string): Extraction => extractArticle(loadGoldArticles([`polnear:${id}`]).get(`polnear:${id}`)!);

/** The statement whose text holds `words`; fails the test when there is none. */
export function statementWith(x: Extraction, words: string): ExtractedStatement {
  const s = x.statements.find((st) => st.text.includes(words));
  expect(s, `no statement with “${words}”`).toBeDefined();
  return s!;
}
