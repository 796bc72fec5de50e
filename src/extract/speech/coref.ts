import type { Span } from '../../ingest/types.ts';
import type { EntityDraft, EntityIndexLocal, OrgDraft } from '../entities.ts';
import { countryOf } from '../entities.ts';
import { genderOf } from '../given-names.ts';
import { itReferent } from './coref-it.ts';
import { appositionHost } from './apposition.ts';
import { documentAuthor, documentContinued, DOC_HEAD } from './coref-document.ts';
import type { Mention, OrganizationKind } from '../types.ts';
import type { StatementDraft } from './draft.ts';

// Coreference of a speaker written as a pronoun or a description ("he", "it", "the company", "the
// ministry", "the president", "who") to the person or organisation it stands for, by scored rules:
// the speakers of the statements before it first (a story quotes the same people in turn), then the
// names written before it, nearest first, filtered by what the words can refer to (given-name gender,
// organisation kind, the roles written with a name). Null when the text names no one it can be.

type Speaker = StatementDraft['speaker'];

const PERSON_HEADS = /^(?:president|chancellor|minister|secretary|senator|governor|chairman|chairwoman|chair|chief|executive|director|leader|coach|manager|boss|founder|mayor|judge|justice|prosecutor|ambassador|envoy|candidate|nominee|premier|prime minister|player|striker|midfielder|defender|keeper|goalkeeper|star|singer|actor|actress|frontman|economist|analyst|spokesman|spokeswoman|spokesperson|congressman|congresswoman|lawmaker|businessman|billionaire|tycoon|chancellor|commissioner|general|officer|lawyer|attorney|professor|doctor|author|writer|columnist|owner|head|champion)$/;
const ORG_KIND: [RegExp, OrganizationKind[] | null][] = [
  [/^(?:company|firm|group|retailer|carrier|airline|maker|bank|lender|insurer|studio|label|network|operator|giant|chain|business|manufacturer|broadcaster|publisher|producer|supplier|developer)$/, ['COMPANY', 'MEDIA', 'OTHER']],
  [/^(?:ministry|department|office|agency|treasury)$/, ['MINISTRY', 'GOVERNMENT']],
  [/^(?:government|administration|cabinet|executive|regime|authorities)$/, ['GOVERNMENT']],
  [/^(?:party|opposition)$/, ['PARTY']],
  [/^(?:newspaper|paper|broadcaster|magazine|channel|website)$/, ['MEDIA']],
  [/^(?:club|team|side|union|association|federation|body|organisation|organization|institute|commission|committee|council|board|court|regulator|watchdog|charity|foundation|league|alliance|campaign|embassy|police|army|military|un|eu)$/, null],
];

/** A speaker written as an unnamed spokesperson or official ("a spokesman for the Business Software Alliance", "The Ofcom spokesman"). */
const DESCRIBED_PERSON = /^(?:a|an|the|one)\s.*\b(?:spokesman|spokeswoman|spokesperson|official|aide|adviser|source|representative)(?:\s+(?:for|of|at|with)\s+.+)?$/i;

const before = <T extends Span>(spans: T[], at: number, within: number) => spans.filter((x) => x.end <= at && x.end >= at - within);

/** The entity a relative "who" or "which" stands for: the name just before it, past an apposition ("Gov. Phil Bryant of Mississippi, a former backer of …, who"). */
function antecedent(index: EntityIndexLocal, text: string, span: Span): Speaker {
  const people = before(index.personSpans, span.start, 160);
  const orgs = before(index.orgSpans, span.start, 160);
  const cands = [...people.map((p) => ({ start: p.start, end: p.end, s: { type: 'person' as const, entity: p.person } })), ...orgs.map((o) => ({ start: o.start, end: o.end, s: { type: 'organization' as const, entity: o.org } }))].sort((a, b) => b.end - a.end);
  for (const c of cands) {
    const gap = text.slice(c.end, span.start);
    if (/[.;:!?“”"]/.test(gap)) return null;
    // Only the apposition or qualifiers of the name may stand between it and the pronoun.
    if (/^\s*(?:\([^)]*\))?\s*(?:,[^,]*)?,?\s*$/.test(gap) || /^\s*(?:of|from|at)\s+[\p{Lu}][^,]*,\s*(?:[^,]*,\s*)?$/u.test(gap)) return c.s;
  }
  return null;
}

/**
 * Whether a name opens a sentence outside quotation marks (titles and capitalised words may come
 * before it) and is not a possessive: the sentence's subject. `from` is where counting quotation
 * marks starts (past the last quotation's closing mark).
 */
function opensSentence(text: string, from: number, x: Span): boolean {
  if (/^[’']/.test(text.slice(x.end, x.end + 1))) return false;
  // A quotation's closing mark right at its end is not counted.
  const at = /[”"]/.test(text[from] ?? '') ? from + 1 : from;
  const head = text.slice(Math.max(at, x.start - 80), x.start);
  // The slice's own start counts as a sentence start only when it is where the last quotation ended.
  if (!(at >= x.start - 80 ? OPENS : OPENS_AFTER_STOP).test(head)) return false;
  return ((text.slice(at, x.start).match(/[“”"]/g) ?? []).length) % 2 === 0;
}

/** A sentence's start, a connective and up to four capitalised words (titles) before a name. */
const LEAD = String.raw`(?:(?:The|But|And|So|Meanwhile|However|Now|Then|Still),?\s+)?(?:(?!(?:For|In|At|After|With|From|To|On|By|As|Of|When|While|If|Since|Before|During|Like|Unlike|Despite)\s)[\p{Lu}][\p{L}’'.-]*\s+){0,4}$`;
const OPENS = new RegExp(String.raw`(?:^\s*|[.!?][”"’]?\s+|\n\s*)${LEAD}`, 'u');
const OPENS_AFTER_STOP = new RegExp(String.raw`(?:[.!?][”"’]?\s+|\n\s*)${LEAD}`, 'u');

/**
 * The same subject pronoun opening the sentence before the pronoun's own, outside quotation marks
 * (a connective may come first): where "he"/"she" was last the subject.
 */
function previousPronoun(text: string, span: Span, pronoun: string): Span | null {
  const from = Math.max(0, span.start - 400);
  const starts = [...text.slice(from, span.start).matchAll(/[.!?][”"’]?\s+|\n\s*/g)].map((m) => from + m.index! + m[0].length);
  if (starts.length < 2) return null;
  const [prev, own] = starts.slice(-2);
  const m = /^(?:(?:But|And|So|Then|Now|Still|However|Meanwhile),?\s+)?(\p{L}+)\b/u.exec(text.slice(prev, own));
  if (!m || m[1].toLowerCase() !== pronoun || m[1][0] !== m[1][0].toUpperCase()) return null;
  // Not inside a quotation: an even number of marks between the last paragraph start and the pronoun.
  const at = prev + m[0].length - m[1].length;
  const para = text.lastIndexOf('\n', at) + 1;
  if (((text.slice(para, at).match(/[“”"]/g) ?? []).length) % 2 !== 0) return null;
  return { start: at, end: at + m[1].length };
}

/** The statements with a speaker written within 2,500 characters before `span`, latest first. */
function recentSpeakers(history: StatementDraft[], span: Span): StatementDraft[] {
  const out: StatementDraft[] = [];
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i];
    const at = h.speakerSpan?.start ?? h.start;
    if (h.speaker && at <= span.start && at >= span.start - 2500) out.push(h);
  }
  return out;
}

/** A sentence end (with a closing mark) and the space after it. */
const SENTENCE_END = /[.!?][”"’]?\s/;
const SENTENCE_ENDS = /[.!?][”"’]?\s/g;

/** How many sentence ends lie between a name and the pronoun. */
function sentencesBack(text: string, p: Span, span: Span): number {
  return (text.slice(p.end, span.start).match(SENTENCE_ENDS) ?? []).length;
}

/** Whether a name within 400 characters before the pronoun opens its sentence (opensSentence). */
function opensNear(text: string, p: Span, span: Span): boolean {
  return p.start >= span.start - 400 && opensSentence(text, Math.max(0, span.start - 400), p);
}

/** Genders by name (genderOf, and for one given name alone its gender as a full name's), kept per name: asked for every person before each pronoun. */
const GENDERS = new Map<string, 'male' | 'female' | null>();

/** A person's gender by given name, null when not known: a person known by one given name ("Melanie") has that name's gender too. */
function personGender(e: EntityDraft): 'male' | 'female' | null {
  let g = GENDERS.get(e.name);
  if (g === undefined) {
    g = genderOf(e.name) ?? (/\s/.test(e.name.trim()) ? null : genderOf(`${e.name.trim()} X`));
    // Bounded: names are the articles' own, so the table is cleared now and then (the value never depends on it).
    if (GENDERS.size >= 20000) GENDERS.clear();
    GENDERS.set(e.name, g);
  }
  return g;
}

/** The speaker a pronoun or description stands for; `head` is the description's last word, lower case. */
export function corefSpeaker(index: EntityIndexLocal, text: string, span: Span, phrase: string, history: StatementDraft[], depth = 0): Speaker {
  const lower = phrase.toLowerCase().replace(/^(?:the|this|that|its|his|her|their)\s+/, '');
  const speakers = recentSpeakers(history, span);
  if (lower === 'who' || lower === 'which') return antecedent(index, text, span);
  if (lower === 'he' || lower === 'she') {
    // "she" is not a man last quoted: people whose given name is listed for the other gender are skipped.
    const other = lower === 'he' ? 'female' : 'male';
    // A person known by one given name ("Melanie") has that name's gender too.
    // A name inside another person's apposition stands for that person ("Tim Dams, the news editor of
    // … Screen International. But he …"; apposition.ts).
    // (Only near the pronoun, where the rules below look: the host is found by a pattern.)
    const people = index.personSpans.filter((p) => p.end <= span.start).map((p) => (p.start >= span.start - 600 ? appositionHost(index, text, p) ?? p : p)).filter((p) => personGender(p.person) !== other);
    const lastSpeaker = speakers.find((h) => h.speaker?.type === 'person' && personGender(h.speaker.entity) !== other);
    const nearest = people[people.length - 1];
    // A person who opens a sentence after the last speaker's words is who "he" continues ("…,” admitted
    // Haas. Saulnier will move into the top 50. “It's taken …,” he revealed.").
    const after = lastSpeaker ? Math.max(lastSpeaker.end, lastSpeaker.speakerSpan?.end ?? 0) : -1;
    // Not a name in the pronoun's own sentence ("But Mr Blair had been “hurt”, he added").
    const opener = lastSpeaker && people.filter((p) => p.start > after && p.start >= span.start - 400 && SENTENCE_END.test(text.slice(p.end, span.start)) && opensSentence(text, after, p)).pop();
    if (opener && opener.person !== lastSpeaker.speaker!.entity) return { type: 'person', entity: opener.person };
    // A speaker described, not named, after every name and quoted speaker before ("A spokesman for the
    // Business Software Alliance said: “…” He said …"): the same speaker, or no one.
    const described = [...history].reverse().find((h) => h.speakerSpan && h.speakerSpan.end <= span.start && h.speakerSpan.start >= span.start - 600 && DESCRIBED_PERSON.test((h.speakerText ?? '').trim()));
    if (described && (!nearest || described.speakerSpan!.start > nearest.end) && (!lastSpeaker || described.speakerSpan!.start > (lastSpeaker.speakerSpan?.start ?? lastSpeaker.start))) return described.speaker;
    // The person quoted last is who "he said" continues, unless another person was named well after
    // (gold set: a window of 1,000 characters instead of 400 gave 2 wrong and 0 right more).
    if (lastSpeaker && (!nearest || lastSpeaker.start > nearest.start - 400)) return lastSpeaker.speaker;
    // Nobody quoted yet: the person the sentence before opens with (its subject), not a name later in
    // it ("Smith has yet to decide … for Meltdown. “I want …,” she said"). Only that one
    // sentence: a subject further back loses to a name nearer the pronoun (read on BBC).
    // The pronoun's own sentence first ("O'Leary has been in talks and he said"), unless a quotation
    // stands between them ("But Mr Blair had been “hurt”, he added").
    // Nor when another person is named between ("Sanders held a rally while Clinton hosted an event, during which she …").
    const near = lastSpeaker ? [] : people.filter((p) => p.start >= span.start - 400);
    const own = near.filter((p) => sentencesBack(text, p, span) === 0 && !/[“”"]/.test(text.slice(p.end, span.start)) && opensNear(text, p, span)).pop();
    const ownAlone = own && !index.personSpans.some((q) => q.start >= own.end && q.end <= span.start && q.person !== own.person);
    const subject = (ownAlone && own) || near.filter((p) => sentencesBack(text, p, span) === 1 && opensNear(text, p, span)).pop();
    if (subject) return { type: 'person', entity: subject.person };
    // The sentence before opens with the same pronoun ("He has worked on the Star Wars trilogy and
    // Finding Nemo. “…,” he told the BBC"): the chain goes on to whom that one stands for, not to
    // the nearest name, often an object or a title.
    const chained = !lastSpeaker && depth < 3 ? previousPronoun(text, span, lower) : null;
    if (chained) return corefSpeaker(index, text, chained, lower, history, depth + 1);
    return nearest ? { type: 'person', entity: nearest.person } : null;
  }
  if (lower === 'it' || lower === 'they') {
    // An organisation quoted before (or, for "it", named in the sentences before) speaks again.
    const last = speakers.find((h) => h.speaker?.type === 'organization');
    const documentAgain = lower === 'it' ? documentContinued(text, span, history) : undefined;
    if (documentAgain !== undefined) return documentAgain;
    if (lower === 'it' && !(last && speakers[0] === last)) {
      // Not the last speaker: the organisation the sentences before are about (coref-it.ts).
      const ref = itReferent(index, text, span);
      if (ref !== undefined) return ref && { type: 'organization', entity: ref.org };
    }
    if (last && (!speakers[0] || speakers[0] === last || lower === 'it')) return last.speaker;
    if (lower === 'it') {
      const org = before(index.orgSpans, span.start, 400).filter((o) => !/^[’']/.test(text.slice(o.end, o.end + 1))).pop();
      return org ? { type: 'organization', entity: org.org } : null;
    }
    return null;
  }
  const words = lower.split(/\s+/);
  const head = words[words.length - 1];
  // "The report said": who wrote it, if the article says (coref-document.ts).
  if (DOC_HEAD.test(head)) return documentAuthor(index, text, span, head);
  // "the spokesperson added": the last speaker described with that noun.
  const described = speakers.find((h) => h.speakerText && ` ${h.speakerText.toLowerCase()} `.includes(` ${lower} `) && h.speakerText.toLowerCase() !== lower);
  if (described && /^(?:spokesman|spokeswoman|spokesperson|official|source|aide|adviser)$/.test(head)) return described.speaker;
  for (const [re, kinds] of ORG_KIND) {
    if (!re.test(head)) continue;
    const fits = (o: OrgDraft) => (kinds ? kinds.includes(o.kind) : true) || o.name.toLowerCase().includes(head);
    const spoke = speakers.find((h) => h.speaker?.type === 'organization' && fits(h.speaker.entity as OrgDraft));
    if (spoke) return spoke.speaker;
    const named = index.orgSpans.filter((o) => o.end <= span.start && fits(o.org)).pop();
    if (named) return { type: 'organization', entity: named.org };
    if (head === 'government' || head === 'authorities') {
      // "the government" of a story about one country: that country's government.
      const counts = new Map<string, number>();
      for (const p of index.placeSpans) {
        const c = countryOf(text.slice(p.start, p.end));
        if (c && p.start < span.start) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      if (top) return { type: 'organization', entity: index.governmentFor(top[0], null as Mention | null) };
    }
    return null;
  }
  if (PERSON_HEADS.test(head) || PERSON_HEADS.test(words.slice(-2).join(' '))) {
    // "the president", "the chancellor": the person written with that role, a speaker first.
    // All of the description's words in a role written with a name ("the foreign secretary" is not
    // the home secretary), a speaker first; else the person quoted last ("the senator said then").
    const hasRole = (e: EntityDraft) => [...e.roles].some((r) => ` ${r.toLowerCase()} `.includes(` ${lower} `));
    const spoke = speakers.find((h) => h.speaker?.type === 'person' && hasRole(h.speaker.entity));
    if (spoke) return spoke.speaker;
    const named = index.personSpans.filter((p) => p.end <= span.start && p.end >= span.start - 2500 && hasRole(p.person)).pop();
    if (named) return { type: 'person', entity: named.person };
    if (described) return described.speaker;
    const last = speakers.find((h) => h.speaker?.type === 'person' && !/^(?:spokesman|spokeswoman|spokesperson|official|aide|adviser|source|analyst|economist|lawyer|attorney|doctor)$/.test(head));
    if (last && (last.speakerSpan?.start ?? last.start) >= span.start - 1500) return last.speaker;
  }
  return null;
}
