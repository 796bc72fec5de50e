import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal, OrgDraft } from '../entities.ts';
import { genderOf } from '../given-names.ts';

// "It said" names the organisation the sentences before are about: the one that opens a sentence
// (their subject), nearest first, past sentences about it ("It", "The company …") and about people.
// A sentence opening with a name the entity index does not hold ("Delta has been hit by …",
// "Contrack said …") is about something we cannot name, and then "it" is no one rather than the
// last organisation mentioned in passing (read on BBC: "It has said it needs to cut 6,000 jobs" went
// to the film "Queen of the Sky" named in the sentence before Delta's).

/** Up to five words without punctuation before a name ("Anglo-Dutch consumer goods giant"). */
const DESCRIBED = /^(?:[\p{L}\d&’'-]+\s+){0,5}$/u;

/** Words that open a sentence without being its subject's name. */
const FUNCTION = /^(?:The|A|An|But|And|So|Or|Yet|In|On|At|After|Before|With|Without|For|From|By|As|Of|To|Since|While|When|If|Although|Though|Despite|During|Under|Over|Earlier|Later|Meanwhile|However|Now|Then|Still|Also|Last|This|That|These|Those|There|Here|It|Its|He|She|They|We|I|You|His|Her|Their|Our|My|Your|Some|Many|Most|All|Both|Each|Other|Another|Such|One|Two|Three|According|Mr|Ms|Mrs|Dr|Sir|Lord|Lady|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Analysts?|Shares|Sales|Profits?)$/;

const LEAD = /^\s*(?:(?:But|And|So|Meanwhile|However|Now|Then|Still|Also),?\s+)?(?:(?:Earlier|Later|Last|This|On|In|At|After|Before|During|Since)\b[^,.;:!?“”"]{0,40},\s*)?(?:(?:the|The)\s+)?/;

/** The organisation "it" stands for by the sentences before it; undefined when they name none. */
export function itReferent(index: EntityIndexLocal, text: string, span: Span, window = 400): { org: OrgDraft } | null | undefined {
  const from = Math.max(0, span.start - window);
  const starts: number[] = [from === 0 ? 0 : -1];
  for (const m of text.slice(from, span.start).matchAll(/[.!?][”"’]?\s+|\n\s*/g)) starts.push(from + m.index! + m[0].length);
  // Nearest first; the pronoun's own sentence too when the pronoun is not its first word.
  for (const s of starts.filter((x) => x >= 0 && x < span.start).reverse()) {
    const lead = LEAD.exec(text.slice(s, s + 40))![0].length;
    const at = s + lead;
    if (at >= span.start) continue;
    // The organisation may follow its description ("accountancy firm Ernst & Young said").
    const org = index.orgSpans.find((o) => o.start >= at && o.end <= span.start && o.start <= at + 60 && DESCRIBED.test(text.slice(at, o.start)));
    if (org && !/^[’']/.test(text.slice(org.end, org.end + 1))) return { org: org.org };
    const word = /^[\p{Lu}][\p{L}\d&’'.-]*/u.exec(text.slice(at, at + 40))?.[0];
    if (!word || FUNCTION.test(word)) continue;
    const named = [index.personSpans, index.placeSpans, index.orgSpans].some((list) => list.some((x) => x.start <= at && x.end > at));
    // An unknown name opens the sentence: its subject is something the index does not hold. So is a
    // "person" known by one word no given-name list knows ("Yukos said it would …"): likely a firm.
    const oneWord = index.personSpans.find((x) => x.start <= at && x.end > at && !/\s/.test(x.person.name.trim()) && genderOf(`${x.person.name.trim()} X`) === null && genderOf(x.person.name) === null);
    if (!named || oneWord) return null;
  }
  return undefined;
}
