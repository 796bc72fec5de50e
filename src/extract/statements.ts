import type { Sentence } from './sentences.ts';
import type { EntityIndexLocal } from './entities.ts';
import type { Span } from '../ingest/types.ts';
import { findQuotes } from './speech/quotes.ts';
import { tokenize } from './speech/tokens.ts';
import { attributionModel } from './speech/model.ts';
import { findReported, type Reported } from './speech/reported.ts';
import type { StatementDraft } from './speech/draft.ts';
import { StatementAssembly } from './speech/assembly.ts';
import { withoutNested } from './speech/nested.ts';
import { possessiveClaims } from './speech/possessive-claims.ts';
import { namedQuotations } from './speech/named-quotations.ts';

// The statements of an article: quotations and learned reported speech assembled in reading order
// with their speakers (speech/assembly.ts), statements nested in others dropped (speech/nested.ts),
// then claims written as someone's (speech/possessive-claims.ts) and quoted phrases naming a verb's object
// (speech/named-quotations.ts). The jobs live in src/extract/speech/.

export type { StatementDraft } from './speech/draft.ts';
export { recordSources } from './speech/assembly.ts';

/** Direct and indirect statements with their speakers, sentence by sentence. The dateline is no longer needed (the learned spans do not take it). */
export function findStatements(text: string, sentences: Sentence[], paragraphs: Span[], index: EntityIndexLocal, _dateline: string | null): StatementDraft[] {
  const quotes = findQuotes(text, paragraphs);
  const assembly = new StatementAssembly(text, sentences, paragraphs, index, quotes);
  // The learned step runs once over the article; its statements join the direct ones sentence by
  // sentence, so speakers resolve against the statements before them in reading order.
  const tokens = tokenize(text, sentences, quotes.map((q) => q.inner));
  const reportedBySentence = new Map<number, Reported[]>();
  for (const r of findReported(attributionModel(), text, tokens)) reportedBySentence.set(r.sentence, [...(reportedBySentence.get(r.sentence) ?? []), r]);
  for (const [si, sent] of sentences.entries()) {
    for (const q of quotes) if (q.start >= sent.start && q.start < sent.end) assembly.direct(sent, q);
    for (const r of reportedBySentence.get(si) ?? []) assembly.reported(si, sent, r);
  }
  const kept = withoutNested(assembly.out, assembly.ruleSpan);
  const claimed = possessiveClaims(text, sentences, index, quotes, kept, assembly.out);
  return namedQuotations(text, sentences, index, quotes, claimed, assembly);
}
