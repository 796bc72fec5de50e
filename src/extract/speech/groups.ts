import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import type { Mention } from '../types.ts';
import type { StatementDraft } from './draft.ts';

// Organisations the text names only through a person or through their members: a candidate's
// campaign ("Clinton’s campaign said", "the Trump campaign", "Fiorina's team" in a campaign story)
// and a US party's members written bare ("Republicans said"). An editor names the campaign or the
// party's members as the speaker, not the candidate and not no one (read on PolNeAR train: 55
// "X's campaign" statements had no speaker, "the Clinton campaign" went to Hillary Clinton).

type Speaker = StatementDraft['speaker'];

const PARTY_MEMBERS = /^(?:the\s+)?(Republicans|Democrats)$/i;

/** The speaker phrase as the group's mention. */
const mentionOf = (text: string, span: Span): Mention => ({ start: span.start, end: span.end, text: text.slice(span.start, span.end) }) as Mention;

/** The campaign or group a speaker phrase names, else undefined (the other speaker rules decide). */
export function groupSpeaker(index: EntityIndexLocal, text: string, span: Span): Speaker | undefined {
  const phrase = text.slice(span.start, span.end).trim();
  const party = PARTY_MEMBERS.exec(phrase);
  if (party) {
    const name = party[1][0].toUpperCase() + party[1].slice(1).toLowerCase();
    return { type: 'organization', entity: index.organizationFor(name, 'PARTY', mentionOf(text, span)) };
  }
  // The candidate's name ends right before "’s campaign" / " campaign", at the end of the phrase.
  const word = /(?:[’']s?)?\s+(?:presidential\s+)?(campaign|camp|team)$/i.exec(phrase);
  if (!word) return undefined;
  // "Team" is a campaign only in a campaign story (not "Mr Ebbers' legal team").
  if (word[1].toLowerCase() === 'team' && !/\bcampaign\b/i.test(text)) return undefined;
  const end = span.start + (text.slice(span.start, span.end).length - text.slice(span.start, span.end).trimStart().length) + word.index;
  const person = index.personSpans.find((p) => p.end === end && p.start >= span.start);
  return person ? { type: 'organization', entity: index.organizationFor(`${person.person.name} campaign`, 'OTHER', mentionOf(text, span)) } : undefined;
}
