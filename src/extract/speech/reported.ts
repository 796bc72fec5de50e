import type { Span } from '../../ingest/types.ts';
import { findCues } from './cues.ts';
import { boundsOf, contentOf, type Direction } from './content.ts';
import type { AttributionModel } from './model.ts';
import type { Token } from './tokens.ts';
import { trimSpan } from './draft.ts';

/** A statement as the learned parts find it: the cue, its content and where the content lies. */
export interface Reported {
  cue: Span;
  content: Span;
  direction: Direction;
  /** Index of the cue's sentence. */
  sentence: number;
}

const WHEN_ONLY = /^(?:on|last|this|late|early|earlier|later)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|night|week|month|year|morning|afternoon|evening)\b[\s,.]*(?:(?:morning|afternoon|evening|night)\b)?[\s,.]*$/i;

/** ", adding that …": the speaker's next cue, whose content is a statement of its own. */
const NEXT_CUE = /(?:,[”"]?|[”"],)\s+(?:and\s+)?(?:adding|saying|noting|arguing|insisting|warning|stressing|explaining|claiming|telling)\b/;

const TRAILING_ACT = /,?\s+(?:but|and)\s+(?:also\s+)?(?:did not|didn’t|didn't|provided|gave|declined|refused|would not|wouldn’t|offered no|made no|has not|had not)\b/;

/** The content span as the article shows it: trimmed, without "that", without the speaker's next act. */
function contentSpan(text: string, tokens: Token[], span: { s: number; e: number }): Span {
  let content = trimSpan(text, { start: tokens[span.s].start, end: tokens[span.e].end });
  // "said that the talks …": PolNeAR counts the complementiser as content; a reader does not.
  const that = /^that\s+(?=\S)/i.exec(text.slice(content.start, Math.min(content.end, content.start + 8)));
  if (that) content = { start: content.start + that[0].length, end: content.end };
  // "… would take place in April but provided no further details": the speaker's next act, not
  // what was said (the end ranker keeps such tails when they look like one clause).
  const tail = TRAILING_ACT.exec(text.slice(content.start, content.end));
  if (tail && tail.index > 0) content = trimSpan(text, { start: content.start, end: content.start + tail.index });
  const next = NEXT_CUE.exec(text.slice(content.start, content.end));
  // The closing mark stays with the words it closes (",” adding that …", "“…”, adding that …").
  const closing = next && /^,?[”"]/.exec(next[0]);
  if (next && next.index > 0) content = trimSpan(text, { start: content.start, end: content.start + next.index + (closing?.[0].length ?? 0) });
  return content;
}

/** Every cue the tagger finds, with the content span the rankers choose for it (exact article offsets). */
export function findReported(model: AttributionModel, text: string, tokens: Token[]): Reported[] {
  const bounds = boundsOf(tokens);
  const out: Reported[] = [];
  for (const c of findCues(tokens, model.cue, model.cueStarts)) {
    let span = contentOf(model, tokens, bounds, c);
    let content = span && contentSpan(text, tokens, span);
    // Words after a cue that only say when ("it said in a statement on Thursday", also once the
    // speaker's next act is cut off: "… on Thursday but gave no further details") are no content:
    // the content is then before the cue.
    if (span?.direction === 'AFTER' && content && WHEN_ONLY.test(text.slice(content.start, content.end))) {
      span = contentOf(model, tokens, bounds, c, 'BEFORE');
      content = span && contentSpan(text, tokens, span);
    }
    if (!span || !content || content.end - content.start < 2) continue;
    out.push({ cue: { start: tokens[c.a].start, end: tokens[c.b].end }, content, direction: span.direction, sentence: tokens[c.a].sentence });
  }
  return out;
}
