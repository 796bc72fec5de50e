import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import type { StatementDraft } from './draft.ts';

// A role written with the organisation it belongs to ("the Lib Dem chief executive", "Arsenal boss",
// "the Treasury secretary") names a person, not the organisation: the person whose name follows the
// words at once ("Arsenal boss Arsene Wenger", a span cut before the name), else the person the
// article gives that role, else no one. Read on BBC and PolNeAR train: such speakers went to the
// organisation ("Labour", "Arsenal", "Treasury").

/** Role nouns that name one person. Spokespeople, officials and sources speak for their organisation and are not here. */
const ROLE = /\b(?:president|chancellor|minister|secretary|senator|governor|chairman|chairwoman|chair|chief|executive|director|leader|coach|manager|boss|founder|mayor|judge|ambassador|economist|analyst|lawyer|attorney|professor|head|editor|correspondent|commissioner|captain|owner)$/i;

/** Whether a description ends in a role noun naming one person. */
export const namesRole = (phrase: string): boolean => ROLE.test(phrase.trim());

/** The person holding the role a description names, or null. */
export function roleHolder(index: EntityIndexLocal, text: string, span: Span, phrase: string): StatementDraft['speaker'] {
  const next = index.personSpans.find((p) => p.start >= span.end && p.start <= span.end + 2 && /^\s*$/.test(text.slice(span.end, p.start)));
  if (next) return { type: 'person', entity: next.person };
  const role = phrase.toLowerCase().replace(/^(?:(?:the|a|an|that|this)\s+)?(?:(?:former|ex-|then|interim|acting|new)\s+)?/, '').replace(/[’']s\b/g, '').trim();
  const holds = (roles: Set<string>) => [...roles].some((r) => ` ${r.toLowerCase().replace(/[’']s\b/g, '')} `.includes(` ${role} `));
  const before = index.personSpans.filter((p) => p.end <= span.start && holds(p.person.roles)).pop();
  const holder = before?.person ?? index.people.find((p) => holds(p.roles));
  return holder ? { type: 'person', entity: holder } : null;
}
