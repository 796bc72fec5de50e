import type { EntityDraft } from '../entity-drafts.ts';
import { opensWithGivenName } from '../given-names.ts';
import { FAMILY_FIRST } from '../lexicon.ts';

type Spanned = { start: number; end: number };

/** The first pronoun after a name, in the same sentence: "its" speaks for a thing, the others for a person. */
const NEXT_PRONOUN = /^[^.!?\n]*?\b(its|he|she|his|her|him|himself|herself)\b/i;
/**
 * Words between a name and its "its" that let "its" refer to something else: a clause boundary or a
 * verb of speech ("Air Deccan founder Gorur Gopinath said its fares …").
 */
export const ANOTHER_CLAUSE = /[,;:(“”"]|\b(?:said|says|say|told|tells|and|but|while|whose|which|that|who)\b/i;
/**
 * Words right after a name that only a firm has: its stock ("Bell shares", "Renault stock") and, after
 * a possessive, its shareholders, subsidiaries, board, chief executive, profits or market share
 * ("Bell's management", "Renault's core market" are not here: people have those too).
 */
const FIRM_WORDS_AFTER = /^(?:\s+(?:shares|stock|share\s+price|shareholders|stockholders)\b|['’]s\s+(?:shareholders|stockholders|share\s+price|subsidiary|subsidiaries|board\s+of\s+directors|chief\s+executive|headquarters|workforce|market\s+share|(?:net|pre-tax|pretax|operating|annual|quarterly|first-quarter|second-quarter|third-quarter|fourth-quarter)\s+(?:profits?|earnings|results))\b)/i;
/** How far after a mention its pronoun is looked for. */
const WINDOW = 160;

/**
 * People the recogniser read in names of firms, clubs and films ("Monsanto also agreed to close
 * monitoring of its business practices"): a person takes "he", "she", "his", "her", never "its",
 * and has no shares or shareholders. A name without a given name, title or role whose mentions are
 * followed, before any other name in their sentence, by "its" or by a firm's words (FIRM_WORDS_AFTER)
 * and never by a personal pronoun is the organisation the text treats it as. Returns those names, in
 * the order given.
 */
export function readAsOrganisations(text: string, people: EntityDraft[], personSpans: (Spanned & { person: EntityDraft })[], names: Spanned[]): EntityDraft[] {
  const starts = names.map((n) => n.start).sort((a, b) => a - b);
  const nextName = (from: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length ? starts[lo] : Infinity;
  };
  return people.filter((p) => {
    const words = p.name.split(' ');
    if (p.roles.size > 0 || opensWithGivenName(words) || FAMILY_FIRST.has(words[0])) return false;
    let its = 0;
    for (const s of personSpans) {
      if (s.person !== p) continue;
      if (FIRM_WORDS_AFTER.test(text.slice(s.end, s.end + 40))) its++;
      const to = Math.min(s.end + WINDOW, nextName(s.end));
      const found = NEXT_PRONOUN.exec(text.slice(s.end, to));
      const pronoun = found?.[1].toLowerCase();
      if (pronoun === 'its') {
        if (!ANOTHER_CLAUSE.test(found![0].slice(0, -3))) its++;
      } else if (pronoun) return false;
    }
    return its > 0;
  });
}
