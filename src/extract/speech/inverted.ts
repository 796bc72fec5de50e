import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import { nameEndingAt } from './named-spans.ts';
import type { Reported } from './reported.ts';

/**
 * "It was no good Mr Blair claiming …, argued Mr Howard.": content read after the cue that is only a
 * name closing the sentence is the speaker of an inverted attribution; what was said is the clause
 * before the comma, and the name speaks.
 */
export function invertedAttribution(text: string, sent: Sentence, r: Reported, index: EntityIndexLocal): { reported: Reported; speaker: Span } | null {
  if (r.content.start < r.cue.end) return null;
  if (!/^\s*[.!?]?\s*$/.test(text.slice(r.content.end, sent.end))) return null;
  const named = invertedName(text, r.content, index);
  if (!named) return null;
  const comma = /,\s*$/.exec(text.slice(sent.start, r.cue.start));
  if (!comma) return null;
  const end = sent.start + comma.index;
  const start = sent.start + /^\s*/.exec(sent.text)![0].length;
  return end - start > 10 ? { reported: { ...r, content: { start, end }, direction: 'BEFORE' }, speaker: { start: named.start, end: named.end } } : null;
}

/** Lower-case words a description of the speaker may hold before the name ("Ohio State University professor Paul Beck"). */
const DESCRIPTOR_WORD = /^(?:of|at|for|the|a|an|and|in|on|with|former|senior|deputy|chief|vice|assistant|associate|political|economic|foreign|state|party|campaign|press|communications|professor|scientist|strategist|consultant|expert|lawyer|attorney|historian|researcher|pollster|activist|author|analyst|economist|spokesman|spokeswoman|spokesperson|director|chairman|chairwoman|president|secretary|executive|official|adviser|advisor|aide|manager|editor|founder|leader|member|senator|governor|representative|congressman|congresswoman)$/;

/**
 * The name an inverted attribution's words after the cue consist of: the name alone, after a title
 * or a description of capitalised words and role nouns ("…, said Ohio State University professor
 * Paul Beck."), or the name followed by an apposition ("…, said Larry Noble, an attorney with …").
 */
function invertedName(text: string, content: Span, index: EntityIndexLocal): Span | null {
  const last = nameEndingAt(index, 'speakers', content.end, content.start);
  if (last) {
    const words = text.slice(content.start, last.start).split(/\s+/).filter(Boolean);
    const described = words.length <= 8 && words.every((w) => /^\p{Lu}/u.test(w) || DESCRIPTOR_WORD.test(w) || /^(?:Mr|Mrs|Ms|Dr)\.$/.test(w));
    if (described) return last;
  }
  const first = index.personSpans.find((x) => x.start >= content.start && /^(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?\s+)?$/.test(text.slice(content.start, x.start)));
  if (first && /^,\s+(?:a|an|the|who|whose|one of)\s[^“”"]*$/.test(text.slice(first.end, content.end))) return first;
  return null;
}
