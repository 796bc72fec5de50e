import type { Span } from '../../ingest/types.ts';
import type { StatementKind } from '../types.ts';
import type { Quote } from './quotes.ts';

/** Whether a quotation opens with a double mark (single marks are mostly scare quotes and titles: kindOf). */
export const inDoubleMarks = (text: string, q: Span) => /[“"]/.test(text[q.start]);

/**
 * Reported content holding a quotation in double marks is mixed speech. Single marks inside it are
 * mostly scare quotes and titles in the US press ('wrong track'), which PolNeAR does not count as
 * quoting either; they stay indirect.
 */
export function kindOf(content: Span, quotes: Quote[], text: string): StatementKind {
  if (quotes.some((q) => q.start >= content.start && q.end <= content.end && inDoubleMarks(text, q))) return 'MIXED';
  // A double mark the pairing left unpaired (“abhorrent“ with a left mark closing, a quotation
  // opened by a right mark, one closing after the content's end) still quotes.
  return /[“”"]\p{L}|\p{L}[.,!?]?[“”"]/u.test(text.slice(content.start, content.end)) ? 'MIXED' : 'INDIRECT';
}
