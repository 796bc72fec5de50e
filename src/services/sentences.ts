import { splitSentences } from '../extract/sentences.ts';
import type { Span } from '../ingest/types.ts';

/**
 * The paragraphs of a stored article body. Parsing joins paragraphs with one blank line ("\n\n"), so
 * splitting there gives back the paragraphs extraction saw (tests/evidence/sentences.test.ts checks it
 * over the seeds and corpus articles).
 */
export function paragraphsOf(body: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (;;) {
    const at = body.indexOf('\n\n', start);
    const end = at < 0 ? body.length : at;
    out.push({ start, end });
    if (at < 0) return out;
    start = at + 2;
  }
}

/**
 * The sentences of a stored article body, with the splitter extraction uses, so that the sentence a
 * mention is shown in is the one extraction read it in. Sentence bounds are not stored: splitting a
 * body is linear and takes well under a millisecond, and the loaders do it once per article and request.
 */
export function sentencesOf(body: string): Span[] {
  return splitSentences(body, paragraphsOf(body)).map((s) => ({ start: s.start, end: s.end }));
}

/**
 * The sentence holding `offset` (sentences in text order, as sentencesOf returns them): the last one
 * starting at or before it. An offset between sentences (the spaces after a full stop) belongs to the
 * one before.
 */
export function sentenceAt(sentences: readonly Span[], offset: number): Span | null {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? null : sentences[found];
}
