import { firstFieldProblem, textProblem } from '../ingest/field-limits.ts';
import { parseArticle } from '../ingest/parse-article.ts';
import type { RawArticle } from '../ingest/types.ts';
import { AppError } from './app-error.ts';

/** An article as a client sends it: raw text plus metadata that overrides what parsing finds. */
export interface ArticleInput {
  text: string;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  dateline?: string | null;
}

/**
 * Checks a client's article the way the parse stage would, naming the input field at fault
 * (`path` + field), and returns it as the pipeline's input.
 */
export function rawArticleOf(input: ArticleInput, origin: string, path: (string | number)[] = ['input']): RawArticle {
  const refuse = (field: string, message: string) => new AppError('BAD_USER_INPUT', message, { field: [...path, field].map(String) });
  if (!input.text.trim()) throw refuse('text', 'The article text is empty');
  const tooLarge = textProblem(input.text);
  if (tooLarge) throw refuse('text', tooLarge);
  const meta: NonNullable<RawArticle['meta']> = {};
  for (const k of ['title', 'source', 'url', 'publishedAt', 'dateline'] as const) {
    const v = input[k]?.trim();
    if (v) meta[k] = v;
  }
  const bad = firstFieldProblem({ url: meta.url, title: meta.title, source: meta.source, dateline: meta.dateline });
  if (bad) throw refuse(bad.field, bad.message);
  const raw: RawArticle = { raw: input.text, origin, meta };
  try {
    parseArticle(raw);
  } catch (error) {
    throw refuse('text', `The article cannot be parsed: ${(error as Error).message}`);
  }
  return raw;
}
