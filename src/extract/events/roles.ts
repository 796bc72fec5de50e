import type { Span } from '../../ingest/types.ts';
import { countryOf } from '../entities.ts';
import { actorId, describedPerson, pairBefore, withStates, resolveAnaphor, type ActorRef, type ActorSpan } from './actors.ts';
import type { TriggerEntry } from './trigger.ts';

export interface Roles {
  sources: ActorRef[];
  targets: ActorRef[];
}

// Prepositions that make a name a place or circumstance rather than a party, unless the entry lists them.
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'during', 'across', 'inside', 'outside', 'throughout', 'around', 'before', 'after', 'under', 'about', 'than', 'over', 'among', 'by', 'of', 'on', 'into', 'for', 'to', 'toward', 'towards']);
const DEFAULT_TARGET_PREPS = new Set(['', 'with', 'against', 'to', 'between', 'and', 'v', 'vs']);
// A clause boundary: a name past it is no longer the trigger's object.
const CLAUSE_BREAK = /[;:]|,\s+(?:which|who|while|but|as|because|although|after|before|when|where|and|with)\b|\b(?:said|says|told|added|according|reported|after|before|since|while|because|although|whereas|when|that)\b|[—–]|\s--\s/;
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did)\b/;
const SPEAKER_AFTER = /^[\s,]*(?:[’']s\s+\S+\s+)?(?:said|says|told|added|reported|wrote|announced)\b/;
// Where the trigger's clause opens: after a semicolon, a relative pronoun (group 1: the subject is
// the name before it), a subordinating word or a reporting verb.
// A reporting verb opens its complement ("Figueroa said the campaign planned … a protest": Figueroa only reports).
const CLAUSE_OPEN = /(?:,\s+(who|which)\b|[;:]\s*|,\s+(?:but|while|whereas|although|because|as|and)\s+|\b(?:after|before|when|while|because|since|that|although|whereas|if|until|said|says|added|argued|claimed|insisted|noted|wrote)\s+)/g;
// A name inside the object of a demand: after a preposition that is not the one right after the verb ("for a ban on").
const INNER_OBJECT = /^\s+(?:(?:for|on|to)\s+)?\S.*?\b(?:on|of|against|from|into|over|about|in|at)\s+(?:the\s+)?$/;
// A name followed by "said" reports the clause; it is not the subject of a later one.
const REPORTER = /^[\s,]*(?:said|says)\b/;
// "Reagan and Soviet leader Mikhail Gorbachev": a title (with a nationality) may stand before the second name.
const COORD = /^\s*(?:,|and|, and|&|or|, or|\/)\s*(?:the\s+)?(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Prime Minister|Chancellor|Senator)\.?\s+|(?:[A-Z][a-z]+\s+)?(?:[Ll]eader|[Pp]resident|[Pp]rime [Mm]inister|[Pp]remier|[Cc]hancellor|(?:[Ff]oreign |[Dd]efen[cs]e |[Tt]rade |[Ff]inance )?[Mm]inister|[Ss]ecretary of [Ss]tate|[Kk]ing|[Qq]ueen|counterpart)\s+)?$/;
// Words that may stand between a verb-less subject and the clause start ("North Korea’s leader Kim").
const NOT_VERB = /^(?:the|a|an|and|or|but|then|also|for|of|in|at|on|to|with|from|by|leader|president|minister|secretary|chairman|chief|envoy|official|spokesman|spokeswoman|director|nominee|candidate|senator|governor|rival|star|coach|manager|boss|former|new|both|its|his|her|their)$/i;

// A lower-case word after a name that is no function word, verb form or time word: the name modifies a noun.
const NOUN_AFTER = /^ (?!(?:and|or|but|of|to|in|on|at|for|from|with|by|as|over|into|about|against|after|before|during|since|until|that|which|who|whom|whose|when|where|while|because|if|than|the|a|an|his|her|its|their|this|these|those|last|next|earlier|later|again|twice|once|also|too|yesterday|today|tonight|said|says|has|have|had|is|are|was|were|will|would|could|should|may|might|can|did|does|do|around|across|through|throughout|near|without|within|under|among|between|behind|beyond|toward|towards|via|per|amid|despite|like|unlike|off|up|down|out|back|away|here|there|now|then|still|already|just|only|even|ever|never|not|so|such|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|all|both|each)\b)(?![a-z]+ing\b)[a-z]{3,}\b(?!['’])/;
// Event nouns read as a circumstance after a preposition and a determiner ("in the San Bernardino shooting", "after a bombing").
const CIRCUMSTANTIAL_TYPES = new Set(['ASSAULT', 'LEGAL', 'PROTEST', 'DISASTER']);
const NOMINAL = /^(?:[a-z]+(?:ing|tion|sion|ment)s?|attacks?|trials?|protests?|raids?|strikes?|crash|arrests?|lawsuits?|suits?|probes?|ruling|verdict|invasion|bombings?|airstrikes?)$/i;
const CIRCUMSTANCE = /\b(?:in|at|by|after|before|during|since|following|amid|despite|over|about|of|to|for|from|with|on|until)\s+(?:the|a|an|this|that|last|last year's|last year’s)\s+(?:[\p{L}’'-]+\s+){0,3}$/iu;
const circumstanceOf = (entry: TriggerEntry, text: string, sentence: Span, trigger: Span) =>
  CIRCUMSTANTIAL_TYPES.has(entry.type) && NOMINAL.test(text.slice(trigger.start, trigger.end).split(/\s/)[0]) && CIRCUMSTANCE.test(text.slice(Math.max(sentence.start, trigger.start - 60), trigger.start));
// An apposition opened after a name by a comma and a determiner or a description ("X, the parents of …", "X, a former aide to …")
// and closed by a comma right before the verb (only auxiliaries and adverbs between).
const APPOSITION_OPEN = /[\p{L}.)],\s+(?:the|a|an|one of|both|who|whose|which|then|now|once|formerly)\s[^,;:()]*$/u;
const APPOSITION_CLOSE = /^[^,;:()]*,\s+(?:(?:has|have|had|is|are|was|were|will|would|also|now|then|not|\w+ly)\s+)*$/;
const INDEFINITE_OBJECT = /\b(?:in|at|on|of|to|for|from|with|against|into|over|about|after|before|during|near)\s+an?\s+$/i;
// What may stand between a subject and its verb: a name's remainder ("for the 6th Circuit"), an apposition, auxiliaries, adverbs, a time.
const ADJACENT_SUBJECT = /^(?:\s+(?:for|of) the [\w ]{1,30}?)?(?:\s*,[^,;]{1,60},)?\s+(?:(?:has|have|had|also|then|later|unanimously|on \w+|in \w+|last \w+|this \w+|\w+ly)\s+){0,3}$/;
// "after the Supreme Court struck down": a word after a name that may be its verb (no preposition, conjunction or determiner).
const VERB_NEXT = /^\s+(?!(?:about|of|to|in|on|at|for|with|by|from|and|or|over|into|that|the|a|an|as|than)\b)[a-z]/;
// An occasion opening the sentence ("After a meeting with", "During his talks with", "At a White House meeting with").
const FRONTED_OCCASION = /^[\s“"‘]*(?:After|Before|During|At|In|Following|Ahead of|Since)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w’'-]+\s+){0,3}$/;
// A reporting verb followed by the occasion it speaks after ("said after a meeting with", "told reporters following talks with").
const SAID_AT_OCCASION = /\b(?:said|says|told reporters|announced|added)\s+(?:(?:on|late|early)\s+)?(?:\w+day\s+)?(?:after|before|following|during|at|ahead of)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w’'-]+\s+){0,3}$/;
// A verb between the occasion and its comma makes it a clause of its own ("After the meeting of Nevada Democrats … ended in mayhem").
const OCCASION_CLAUSE = /\b(?:is|are|was|were|has|have|had|will|would|ended|began|started|broke|collapsed|failed|finished|concluded|took place)\b/;
// The name of a competition, a tournament or a league ("Uefa Cup", "Six Nations", "Australian Open", "Celtic League").
const COMPETITION = /(?:Cup|League|Premiership|Championships?|Open|Trophy|Indoors|Series|Games|Olympics|Nations|Shield|Classic|Masters|Grand Prix|Conference|Tests?)$/;
// A share of voters right before the verb ("15 percent backed", "78 percent of Sanders voters backing"), not a stake ("a 15% stake").
const POLL_SHARE = /(?<!\b(?:a|an|the|its|his|her|their|[’']s)\s)\b\d+(?:\.\d+)?\s*(?:percent|per cent|%)(?:\s+of\s+[^,;]{1,40}?)?\s+(?:\w+ly\s+)?$/i;
const SUBORDINATOR = /^(?:after|before|when|while|because|since|although|whereas|if|until)$/;
// An object written as a common noun and then named in apposition: "charged two Vermont developers, Ariel Quiros and
// another, with …", "arrested a man, John Smith": the names after the comma are the object (a name followed by "said" is not usable).
// Not after a possessive: "met his wife, Ana" names a relative, no party.
const OBJECT_NAMED = /^\s+(?:the|a|an|two|three|four|five|six|several|\d+)\s+(?:[\p{L}’'-]+\s+){0,3}\p{Ll}[\p{L}-]*,\s+$/u;
// A clause closed by a comma with only auxiliaries and adverbs between it and the verb.
const CLOSED_BEFORE_VERB = /,\s+(?:(?:has|have|had|is|are|was|were|will|would|also|now|then|later|\w+ly)\s+)*$/;
// A verb of a subordinate clause: an auxiliary or a past form ("after Mr Shevardnadze was toppled", "after David Blunkett quit").
const OWN_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|[a-z]{2,}ed|quit|left|won|lost|took|went|came|said|told|met|made|became|fell|got)\b/;
const AUX_ONLY = /^\s+(?:(?:has|have|had|is|are|was|were|will|would|also|already|just|now|then|\w+ly)\s+)*$/;

/**
 * Source and target of a trigger in its sentence, in the manner of the PETRARCH coders but with
 * a shallow reading: the source is the nearest name before the trigger that is not the object of
 * a preposition (the subject, or an owner: "Russia’s invasion"), the target the first name after
 * it within its clause ("denounced Mike Pompeo", "talks with Putin", "invasion of Ukraine");
 * "between A and B" gives both; names joined by "and" share their side; passives swap the sides
 * ("was sacked by Spurs").
 */
/** What the role tests of one trigger read (see assignRoles). */
interface RoleCx {
  text: string;
  sentence: Span;
  trigger: Span;
  entry: TriggerEntry;
  spans: ActorSpan[];
  lo: number;
  /** Where the trigger's clause starts, for subjectOk: the sentence's start until the clause is read. */
  clauseStartRef: number;
  /** A subordinate clause skipped (see assignRoles), if any. */
  closed: Span | null;
  clauseStart: number;
}

/** The actor of span i, a pronoun or description resolved. */
const resolve = (cx: RoleCx, i: number): ActorRef | null => (cx.spans[i].anaphor ? resolveAnaphor(cx.spans, i, cx.sentence.start, i >= cx.lo && cx.spans[i].start >= cx.trigger.end, cx.text) : cx.spans[i].ref);
// "the … Scottish Cup win over Queen of the South", "the World Cup qualifier against Israel": a competition plays nobody.
const competition = (cx: RoleCx, s: ActorSpan) => cx.entry.type === 'SPORT' && COMPETITION.test(cx.text.slice(s.start, s.end));
const usable = (cx: RoleCx, s: ActorSpan) => !s.modifier && !competition(cx, s) && !SPEAKER_AFTER.test(cx.text.slice(s.end, s.end + 24));
// A name right after the clause opener is its subject even when the opener is a preposition ("after Pyongyang’s ministry denounced").
const isHim = (cx: RoleCx, s: ActorSpan) => s.anaphor === 'person' && s.end - s.start === 3 && cx.text.slice(s.start, s.end).toLowerCase() === 'him';
// "killed in the attacks on a U.S. diplomatic compound": a name after a preposition and "a" qualifies that object.
function subjectOk(cx: RoleCx, s: ActorSpan): boolean {
  const { text, sentence } = cx;
  const clauseStartRef = cx.clauseStartRef;
  return !s.modifier && !s.placeOnly && !competition(cx, s) && !isHim(cx, s) && (s.start === clauseStartRef || (s.start > clauseStartRef && /^the\s+$/i.test(text.slice(clauseStartRef, s.start)) && VERB_NEXT.test(text.slice(s.end, s.end + 16))) || (!(s.prep && LOCATIVE.has(s.prep)) && s.prep !== 'with' && s.prep !== 'against' && !INDEFINITE_OBJECT.test(text.slice(Math.max(sentence.start, s.start - 16), s.start))));
}
// An object: the name (with its modifiers) follows a lower-case word that is not a determiner or a title ("visit Russia").
function objectLike(cx: RoleCx, i: number): boolean {
  const { text, sentence, trigger, spans, lo } = cx;
  // A name the trigger follows with only auxiliaries between is its subject ("the investment bank Export & Finance Bank has bought").
  if (spans[i].end <= trigger.start && AUX_ONLY.test(text.slice(spans[i].end, trigger.start))) return false;
  let start = spans[i].start;
  for (let j = i - 1; j >= lo && spans[j].modifier && start - spans[j].end < 60; j--) start = spans[j].start;
  const w = /([a-z][a-z-]*)\s+$/.exec(text.slice(Math.max(sentence.start, start - 20), start));
  return !!w && !NOT_VERB.test(w[1]) && !spans[i].prep;
}
const outsideClosed = (cx: RoleCx, s: ActorSpan) => !cx.closed || s.end <= cx.closed.start || s.start >= cx.closed.end;
// "an Upper House by-election", "the Hanoi summit": a name compounded into the trigger noun is no subject.
const compound = (cx: RoleCx, i: number) => cx.trigger.start - cx.spans[i].end <= 1 && /\b(?:a|an|the|its|his|her|their)\s+$/i.test(cx.text.slice(Math.max(cx.sentence.start, cx.spans[i].start - 8), cx.spans[i].start));
// "Patricia Smith, the mother of a Marine killed in Iraq, has filed": a name inside an apposition set off by commas
// before the verb describes the subject; it is not the subject.
const inApposition = (cx: RoleCx, i: number) =>
  APPOSITION_CLOSE.test(cx.text.slice(cx.spans[i].end, cx.trigger.start)) && APPOSITION_OPEN.test(cx.text.slice(Math.max(cx.clauseStart, cx.spans[i].start - 120), cx.spans[i].start));
/** The antecedent a relative pronoun takes: "who" a person, "which" an organisation or country. */
const antecedentFits = (x: ActorSpan, relativeWord: string) => !x.modifier && !x.placeOnly && !x.anaphor && (relativeWord === 'who') === (x.ref.kind === 'person');
// (A noun: after a determiner, or plural talks; "After Clinton testified" and "After the meeting … ended in mayhem" are clauses.)
const occasionNoun = (cx: RoleCx, lead: string) => /\b(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}$/i.test(lead) || /^(?:talks|negotiations|discussions|consultations|meetings)\b/i.test(cx.text.slice(cx.trigger.start, cx.trigger.end));

export function assignRoles(text: string, sentence: Span, trigger: Span, entry: TriggerEntry, spans: ActorSpan[], lo: number, hi: number): Roles {
  // The reading's state, for the tests below (module functions: closures made per trigger were a share of the cost).
  // Left: the subject of the trigger's clause, else of the sentence (a participle: "…, demanding").
  const cx: RoleCx = { text, sentence, trigger, entry, spans, lo, clauseStartRef: sentence.start, closed: null, clauseStart: sentence.start };
  const before = text.slice(sentence.start, trigger.start);
  let clauseStart = sentence.start;
  let relative = false;
  let relativeAt = sentence.start;
  let relativeWord = '';
  let outer = { start: sentence.start, relative: false, word: '', at: sentence.start };
  let opener = '';
  let outerOpener = '';
  for (const m of before.matchAll(CLAUSE_OPEN)) {
    outer = { start: clauseStart, relative, word: relativeWord, at: relativeAt };
    outerOpener = opener;
    clauseStart = sentence.start + m.index + m[0].length;
    relative = !!m[1];
    relativeWord = m[1] ?? '';
    relativeAt = sentence.start + m.index;
    opener = m[0].trim().toLowerCase();
  }
  // "Mr Saakashvili, elected president in January after … was toppled, has urged": a subordinate clause
  // inside the sentence, with a verb of its own and closed by a comma right before the verb, is skipped; the verb's subject
  // is before it: the sentence's subject or a relative clause's antecedent. (Not an apposition inside the clause: "after IBM,
  // a pioneer of the PC business, sold"; nor a participle continuing it: "after North Korea launched an attack on Pompeo, demanding".)
  let closed: Span | null = null;
  const tail = text.slice(clauseStart, trigger.start);
  const comma = tail.lastIndexOf(',');
  const outerOk = !outerOpener || outer.relative;
  if (SUBORDINATOR.test(opener) && outerOk && relativeAt > sentence.start && CLOSED_BEFORE_VERB.test(tail) && !/ing$/i.test(text.slice(trigger.start, trigger.end).split(/\s/)[0]) && OWN_VERB.test(tail.slice(0, comma)) && !tail.slice(0, comma).includes(',')) {
    closed = { start: relativeAt, end: clauseStart + comma };
    ({ start: clauseStart, relative, word: relativeWord, at: relativeAt } = outer);
  }
  cx.closed = closed;
  // "Mr Khodorkovsky, who had funded opposition groups, was arrested": a closed relative clause
  // is skipped; the trigger's subject is the name before it.
  let antecedent = -1;
  if (relative && !circumstanceOf(entry, text, sentence, trigger) && text.slice(clauseStart, trigger.start).includes(',')) {
    for (let i = hi - 1; i >= lo && antecedent < 0; i--) if (spans[i].end <= relativeAt && !spans[i].modifier && !spans[i].placeOnly) antecedent = i;
    relative = false;
  }
  cx.clauseStartRef = clauseStart;
  let srcAt = antecedent;
  // An owner right before a nominal trigger is its source ("Russia’s invasion of Ukraine").
  for (let i = hi - 1; i >= lo && srcAt < 0; i--) {
    if (spans[i].end > trigger.start) continue;
    // A score or a competition's name may stand between ("Real Madrid's 4-0 win over Espanyol", "their 3-0 FA Cup victory over").
    if (/^[’']s?\s+(?:[a-z][a-z-]*\s+){0,2}$|^[’']s?\s+\d+-\d+\s+(?:(?:[a-z][a-z-]*|[A-Z][A-Za-z-]*)\s+){0,3}$/.test(text.slice(spans[i].end, trigger.start)) && !spans[i].modifier) srcAt = i;
    break;
  }
  // "X has criticised … and called for …": a second verb shares the first one's subject, the clause's first.
  // So does a participle after a comma ("North Korea launched an attack on Pompeo, demanding he be removed"): the names
  // between are the first verb's objects.
  const secondVerb = /\band\s+(?:\w+ly\s+)?$|,\s+$/.test(text.slice(Math.max(sentence.start, trigger.start - 20), trigger.start)) && (!/,\s+$/.test(text.slice(trigger.start - 3, trigger.start)) || /^[a-z]+ing\b/.test(text.slice(trigger.start, trigger.end)));
  // "the iPhone of one of the terrorists in the San Bernardino shooting", "giving evidence at the trial of his ex-boss":
  // an attack, a legal step or a protest named as a circumstance is no act of the clause's subject (only an owner or a "by" agent names its doer).
  const circumstance = srcAt < 0 && circumstanceOf(entry, text, sentence, trigger);
  // (compound and inApposition below read the clause as it now stands.)
  cx.clauseStart = clauseStart;
  for (const allowObject of [false, true]) {
    if (srcAt >= 0 || circumstance) break;
    for (let i = hi - 1; i >= lo && (srcAt < 0 || secondVerb); i--) {
      if (spans[i].start < clauseStart) break;
      if (spans[i].end <= trigger.start && outsideClosed(cx, spans[i]) && subjectOk(cx, spans[i]) && !compound(cx, i) && !inApposition(cx, i) && (allowObject || !objectLike(cx, i))) srcAt = i;
    }
    if (srcAt >= 0) break;
  }
  // "the president of the Communications Workers …, which endorsed Mr. Sanders": "which" takes the
  // nearest organisation or country before it, "who" the nearest person, even after a preposition.
  // "Edward G. Rendell, a former … governor, who supports Mrs. Clinton": "who" skips the apposition's names
  // to the person; with no person just before it ("the ex-finance chief who stepped down") the clause has no named subject.
  let unnamedWho = false;
  if (srcAt < 0 && relative && !circumstance) {
    for (let i = hi - 1; i >= lo && spans[i].start >= sentence.start; i--) {
      if (spans[i].end > relativeAt) continue;
      if (relativeWord === 'who' && relativeAt - spans[i].end > 100) break;
      if (antecedentFits(spans[i], relativeWord)) srcAt = i;
      if (srcAt >= 0 || relativeWord !== 'who') break;
    }
    unnamedWho = srcAt < 0 && relativeWord === 'who';
  }
  if (srcAt < 0 && relative && !unnamedWho && !circumstance) {
    for (let i = hi - 1; i >= lo; i--) {
      if (spans[i].end <= clauseStart && subjectOk(cx, spans[i])) {
        srcAt = i;
        break;
      }
    }
  }
  // A meeting, talks or a visit named as the time of the clause's act is the act's subject's: "After a meeting with
  // Xi Jinping, Obama said …" (the subject after the adverbial's comma), "Francisco Gros said after a meeting with a
  // … committee that …" (the one who speaks right before "after").
  let occasionSubject = false;
  if (srcAt < 0 && !circumstance && entry.type === 'CONSULT') {
    const lead = text.slice(sentence.start, trigger.start);
    const comma = text.indexOf(',', trigger.end);
    if (FRONTED_OCCASION.test(lead) && occasionNoun(cx, lead) && comma >= 0 && !OCCASION_CLAUSE.test(text.slice(trigger.end, comma))) {
      for (let i = lo; i < hi && comma >= 0 && comma < sentence.end && srcAt < 0; i++) {
        if (spans[i].start <= comma) continue;
        if (/^,\s*(?:[A-Z][a-z]+\.?\s+)?$/.test(text.slice(comma, spans[i].start)) && !spans[i].modifier && !spans[i].placeOnly) [srcAt, occasionSubject] = [i, true];
        else break;
      }
    } else {
      const said = SAID_AT_OCCASION.exec(lead);
      if (said && occasionNoun(cx, lead)) {
        const verbAt = sentence.start + said.index;
        for (let i = hi - 1; i >= lo && srcAt < 0; i--) {
          if (spans[i].end > verbAt) continue;
          if (/^\s*$/.test(text.slice(spans[i].end, verbAt)) && !spans[i].modifier && !spans[i].placeOnly) srcAt = i;
          break;
        }
      }
    }
  }
  // A clause without a named subject ("…, demanding he be removed", "after being sacked") takes the
  // sentence's, except a reported one: in "X reported that preparations were under way for a summit" X is only the reporter.
  // Nor a reported clause with a common-noun subject ("and said chancellors had resigned over leaks").
  // ("claimed to have tested" keeps its subject).
  const reported = /\b(?:that|said|says|added|argued|claimed|insisted|noted|wrote)\s+$/.test(text.slice(clauseStart - 9, clauseStart)) && !/^to\s/.test(text.slice(clauseStart, clauseStart + 3));
  if (srcAt < 0 && !unnamedWho && !reported && !circumstance) {
    for (let i = lo; i < hi && spans[i].end <= trigger.start; i++) {
      if (subjectOk(cx, spans[i]) && !REPORTER.test(text.slice(spans[i].end, spans[i].end + 12))) {
        srcAt = i;
        break;
      }
    }
  }
  // "Campaigning against Mitt Romney in 2012, he barely mentioned …": an opening participle's subject follows its comma.
  if (srcAt < 0 && trigger.start === sentence.start && /ing\b/.test(text.slice(trigger.start, trigger.end))) {
    const comma = text.indexOf(',', trigger.end);
    for (let i = lo; i < hi && comma >= 0 && comma < sentence.end && srcAt < 0; i++) if (spans[i].start > comma && !spans[i].modifier && !spans[i].placeOnly) srcAt = i;
  }
  // The name right before the verb, past an apposition ("Judge Jordan, in the same Jackson courthouse, voided"), or none.
  if (entry.adjacentSource) {
    srcAt = -1;
    for (let i = hi - 1; i >= lo && srcAt < 0; i--) {
      if (spans[i].end > trigger.start || spans[i].start < sentence.start) continue;
      if (ADJACENT_SUBJECT.test(text.slice(spans[i].end, trigger.start)) && !spans[i].modifier && !spans[i].placeOnly) srcAt = i;
    }
  }
  // "… favored Mr. Cruz and 15 percent backed Senator … Rubio": a poll's share of voters backs someone,
  // not the name before it.
  if (entry.type === 'SUPPORT' && POLL_SHARE.test(text.slice(Math.max(sentence.start, trigger.start - 60), trigger.start))) srcAt = -1;
  const sources: number[] = srcAt >= 0 ? [srcAt] : [];
  // (The subject after a fronted occasion has no co-subject before its comma: that is the occasion's other party.)
  for (let i = srcAt - 1; i >= lo && sources.length && !occasionSubject; i--) {
    // "in Hangzhou, China, Mr. Obama and Mr. Xi": people join people, not the place before them.
    // "At a town hall hosted by Fox News …, Cruz praised Pence": a name after a preposition is no co-subject.
    if (!COORD.test(text.slice(spans[i].end, spans[sources[sources.length - 1]].start)) || (spans[i].ref.kind === 'country' && spans[srcAt].ref.kind === 'person') || isHim(cx, spans[i]) || (spans[i].prep && spans[i].prep !== 'and')) break;
    sources.push(i);
  }
  // Right: the first name after the trigger in its clause that a target preposition introduces.
  const preps = entry.targetPreps ? new Set(['', 'and', ...entry.targetPreps]) : DEFAULT_TARGET_PREPS;
  const targets: number[] = [];
  let by = -1;
  for (let i = lo; i < hi; i++) {
    const s = spans[i];
    if (s.start < trigger.end) continue;
    const gap = text.slice(trigger.end, s.start);
    if (gap.length > 140 || CLAUSE_BREAK.test(gap)) break;
    // "the terrorist attacks in Paris … is another potential hazard Rubio is navigating": past a finite verb a bare
    // name belongs to the next clause, not to the trigger.
    if (!s.prep && FINITE_VERB.test(gap)) break;
    if (s.prep === 'by' && by < 0 && usable(cx, s)) by = i;
    // Pronouns are subjects; "the country", "the company" can be objects too.
    // "accused him of", "urged him to": an object pronoun is a target ("her" is left out: as often an owner, "her opponents").
    const him = isHim(cx, s);
    // "demanding he be removed", "urged that she step down": the subject right after a request is the one asked of.
    const asked = entry.type === 'REQUEST' && s.anaphor === 'person' && /^\s+(?:that\s+)?$/.test(gap);
    if (!usable(cx, s) || (s.anaphor && !him && !asked && s.anaphor !== 'description' && !/^the /i.test(text.slice(s.start, s.start + 4)))) continue;
    // "pleaded not guilty to the charges brought against him": the subject again is no other party.
    if (him && sources.some((j) => sameActor(resolve(cx, i), resolve(cx, j)))) continue;
    // "a New Jersey company", "a former Patriot mountaintop mine": a name before a noun describes the object, it is not one.
    if (!s.prep && !s.anaphor && NOUN_AFTER.test(text.slice(s.end, s.end + 24))) continue;
    // "bought a forest preserve in Belize": a country after "in" is where, not whom (but a visit's or summit's destination).
    if ((s.placeOnly || (s.prep === 'in' && s.ref.kind === 'country')) && entry.mode !== 'visit' && entry.mode !== 'summit') continue;
    // "bought a forest preserve in Belize", "acquired 650 video centers … located in Circle K Corp stores": what is bought "in" a
    // name is bought from it only as a stake, shares or an interest in it ("bought a 20% stake in Sina").
    if (s.prep === 'in' && entry.mode === 'acquisition' && !STAKE_IN.test(text.slice(Math.max(sentence.start, s.start - 30), s.start))) continue;
    // A visit goes to a country, a body or a person: an unrecognised name there is a town or a venue ("Turf Moor",
    // "Leicester South"), its country the one written after it ("Basra in southern Iraq"), if any.
    if (s.backoff && entry.mode === 'visit') {
      const next = spans[i + 1];
      if (!targets.length && i + 1 < hi && next.ref.kind === 'country' && /^(?:,\s*|\s+in\s+(?:(?:north|south|east|west)(?:ern)?\s+)?)$/i.test(text.slice(s.end, next.start))) targets.push(i + 1);
      if (targets.length) break;
      continue;
    }
    if (targets.length) {
      // "Cote d'Or SA, Belgium's leading producer …": a possessor after a comma opens an apposition about the
      // target, it is no second target.
      if (COORD.test(text.slice(spans[targets[targets.length - 1]].end, s.start)) && !(/^\s*,\s*$/.test(text.slice(spans[targets[targets.length - 1]].end, s.start)) && /^[’']s?\s/.test(text.slice(s.end, s.end + 3)))) targets.push(i);
      else break;
    } else if (!s.prep && gap.includes(',') && !OBJECT_NAMED.test(gap)) {
      break; // an apposition ("resigned in July, her successor, Brazile"), not an object
    } else if (entry.type === 'REQUEST' && INNER_OBJECT.test(gap)) {
      break; // "called for a ban … entering the United States": the name is what is asked for, not who is asked
    } else if (s.prep === 'and') {
      break; // "charged the officer with murder and Emanuel fired …": a name after "and" with no object before it opens a new clause
    } else if (preps.has(s.prep) || (s.prep === 'of' && /^\s+(?:\S+\s+){0,3}(?:of)\s+(?:the\s+)?$/.test(gap) && entry.targetPreps?.includes('of'))) targets.push(i);
  }
  // "Ginsburg was appointed to the Supreme Court by … Bill Clinton": a passive's agent may follow its object.
  for (let i = lo; i < hi && by < 0 && targets.length; i++) {
    const s = spans[i];
    if (s.start <= spans[targets[targets.length - 1]].start) continue;
    const gap = text.slice(trigger.end, s.start);
    if (gap.length > 140 || CLAUSE_BREAK.test(gap)) break;
    if (s.prep === 'by' && usable(cx, s)) by = i;
  }
  // "the pair held talks": a mutual event of the two people named last.
  const pair = entry.symmetric && sources.length === 1 && spans[sources[0]].anaphor === 'pair' ? pairBefore(spans, sources[0]) : null;
  let src = pair ? pair : sources.map((i) => resolve(cx, i)).filter((r): r is ActorRef => !!r);
  // A description after the trigger ("attacked her opponent") is someone other than the source.
  let tgt = targets.map((i) => (spans[i].anaphor === 'description' ? describedPerson(spans, i, src) : resolve(cx, i))).filter((r): r is ActorRef => !!r);
  const word = text.slice(trigger.start, trigger.end).split(/\s/)[0].toLowerCase();
  const participle = entry.passive || /(?:ed|en|ld|ght|ot|et|own|uit)$/.test(word);
  const passive = participle && /\b(?:was|were|been|being|be|is|are|get|got)\s+(?:\w+ly\s+)?$/i.test(text.slice(Math.max(sentence.start, trigger.start - 20), trigger.start));
  if (passive && entry.passiveObjectSource) [src, tgt] = [tgt, src];
  // "Mutu, 25, sacked by Chelsea", "Bondi, the turnaround specialist appointed by the Italian government": a participle
  // followed by its "by" agent is a passive without its auxiliary.
  // What it was done to is the name it follows (with an apposition between, "Mutu, 25,"); after a common noun ("fighters backed
  // by the C.I.A.", "a practice criticized by Miller") that noun, no party.
  else if (participle && !passive && by >= 0 && entry.type !== 'ELECTION' && BY_RIGHT_AFTER.test(text.slice(trigger.end, spans[by].start))) {
    const agent = resolve(cx, by);
    const before = findLastIndex(spans, lo, hi, (x) => x.end <= trigger.start);
    const patient = before >= 0 && spans[before].start >= sentence.start && PARTICIPLE_AFTER_NAME.test(text.slice(spans[before].end, trigger.start)) ? resolve(cx, before) : null;
    if (agent) [src, tgt] = [[agent], patient ? [patient] : []];
  } else if (passive && entry.type !== 'ELECTION') {
    const agent = by >= 0 ? resolve(cx, by) : null;
    // Without a "by" agent the doer is unnamed, unless the entry says where it stands ("sacked at Spurs").
    [src, tgt] = [agent ? [agent] : entry.passive ? tgt : entry.conferred ? giverOf(text, sentence, trigger, spans, lo, hi, (i) => resolve(cx, i)) : [], src];
  }
  // A noun's agent follows it: "a visit by Merkel to China", "an attack by rebels on the town".
  // Also past the noun's object: "the purchase of Yukos' key production unit by Rosneft" (not a participle's agent: "centers previously owned by CVS").
  else if (!participle && by >= 0 && /^\s+(?:of\s+[^,;:()]{1,80}?(?<![a-z](?:ed|en|wn))\s+)?by\s+(?:the\s+)?$/.test(`${/\bof$/i.test(text.slice(trigger.start, trigger.end)) ? ' of' : ''}${text.slice(trigger.end, spans[by].start)}`)) {
    const agent = resolve(cx, by);
    // The owner before the noun is then what it is done to ("P&O's takeover by Carnival", "a Trump endorsement by Le Pen").
    if (agent) [src, tgt] = [[agent], tgt.length ? tgt : src];
  }
  // "The BBC won two Bafta awards", "Goodrem scooped a prize at the MTV Music Awards": the winner receives, the awarding body gives.
  // "cited his own endorsements from 88 generals": a conferred noun followed by "from" names its giver there, whatever the clause's verb.
  else if (entry.conferred && !participle && (WON.test(text.slice(clauseStart, trigger.start)) || giverFollows(text, trigger))) [src, tgt] = [giverOf(text, sentence, trigger, spans, lo, hi, (i) => resolve(cx, i)), src];
  if (entry.inverse) [src, tgt] = [tgt, src];
  // "Pizza Inn … received a buyout proposal from Concept Development Inc", "… it had received a fresh
  // takeover approach from … Malcolm Glazer": who receives the bid, proposal or letter is its target; who sent it follows "from".
  // (A dividend is the company's, whoever receives it.)
  else if (!entry.conferred && entry.mode !== 'dividend' && !participle && !passive && RECEIVED.test(text.slice(clauseStart, trigger.start))) {
    const from = senderAfter(text, trigger, spans, lo, hi);
    [src, tgt] = [from >= 0 ? [resolve(cx, from)].filter((r): r is ActorRef => !!r) : [], src];
  }
  if (entry.innerSource) {
    const inner = spans.slice(lo, hi).findIndex((x) => x.start > trigger.start && x.end <= trigger.end && !x.anaphor);
    const ref = inner >= 0 ? resolve(cx, lo + inner) : null;
    if (ref) src = [ref];
  }
  // "the US-China trade talks", "the Trump-Kim summit": a hyphenated pair before a mutual trigger are its parties.
  if (entry.symmetric && !tgt.length) {
    const pair = PAIR_BEFORE.exec(text.slice(Math.max(sentence.start, trigger.start - 60), trigger.start));
    const a = pair ? pairedActor(pair[1], spans) : null;
    const b = pair ? pairedActor(pair[2], spans) : null;
    if (a && b && actorId(a) !== actorId(b)) [src, tgt] = [[a], [b]];
  }
  // "summit between Trump and Kim": the pair after "between" are the parties, whoever the subject is.
  if (entry.symmetric && tgt.length >= 2 && targets.length && /\bbetween\s/.test(text.slice(trigger.end, spans[targets[0]].start))) src = tgt.splice(0, 1);
  if (entry.symmetric && src.length >= 2 && !tgt.length) tgt = src.splice(1);
  if (entry.symmetric && !src.length && tgt.length >= 2) src = tgt.splice(0, 1);
  // An official acts for a state: the state is a party beside them, as ICEWS codes "Mike Pompeo (United States)".
  const srcOut = dedupe(withStates(src));
  return { sources: srcOut, targets: dedupe(withStates(tgt)).filter((t) => !srcOut.some((s) => actorId(s) === actorId(t))) };
}

// A share of a company right before "in": "a 20% stake in", "1.5 mln shares in", "its interest in".
const STAKE_IN = /\b(?:stakes?|shares?|holdings?|shareholding|interests?|equity|pct|percent|per cent|%)\s+in\s+(?:the\s+)?$/i;

const sameActor = (a: ActorRef | null, b: ActorRef | null) => !!a && !!b && actorId(a) === actorId(b);

// "US-China", "Trump-Kim" right before the trigger, with at most two lower-case words between ("trade talks").
const PAIR_BEFORE = /\b([A-Z][\p{L}.]*[\p{L}])[-–]([A-Z][\p{L}.]*[\p{L}])\s+(?:[a-z]+\s+){0,2}$/u;

/** A name of a hyphenated pair: a country (its government), else a person or organisation of the article known by that name or surname. */
function pairedActor(name: string, spans: ActorSpan[]): ActorRef | null {
  const country = countryOf(name);
  if (country) return { kind: 'country', country, ...(name !== country ? { written: name } : {}) };
  for (const x of spans) {
    if (x.anaphor || (x.ref.kind !== 'person' && x.ref.kind !== 'org')) continue;
    const full = x.ref.entity.name;
    if (full === name || full.endsWith(` ${name}`)) return x.ref;
  }
  return null;
}

// A clause in which its subject wins or receives what the trigger names.
const FROM_AFTER = /^\s+from\s/;
/** Whether "from" follows the conferred noun, naming its giver ("endorsements from …", "the … award from …"). */
const giverFollows = (text: string, trigger: Span) => FROM_AFTER.test(text.slice(trigger.end, trigger.end + 7));
const WON = /\b(?:won|wins|win|winning|scooped|picked up|collected|received|receives|took home|landed|claimed|bagged|secured|secures|earned|garnered|gained|locked up|(?:was|were) (?:given|handed|presented with))\b/i;

const CEREMONY = /\b(?:Awards?|Festival|Academy|Prizes?|Oscars|Globes?|Baftas?|Grammys?|Emmys?|Brits)\b/;

/** Who confers an award: a name compounded right before the noun ("the Brit award", "Interactive Bafta awards"), else the first after "at" or "from" in the sentence. */
function giverOf(text: string, sentence: Span, trigger: Span, spans: ActorSpan[], lo: number, hi: number, resolve: (i: number) => ActorRef | null): ActorRef[] {
  // "the Golden Acorn award from the National Forest Fund": a giver written after "from" right after the noun is the giver,
  // whatever names the prize before it.
  const fromAfter = giverFollows(text, trigger);
  for (let i = hi - 1; i >= lo && !fromAfter; i--) {
    if (spans[i].end > trigger.start) continue;
    if (/^(?:[’']s)?(?:\s+[A-Z][\p{L}’'-]*)*\s+$/u.test(text.slice(spans[i].end, trigger.start))) {
      const r = resolve(i);
      return r ? [r] : [];
    }
    break;
  }
  for (let i = lo; i < hi; i++) {
    if (spans[i].start < trigger.end || spans[i].start >= sentence.end) continue;
    // "from" names the giver; "at" a ceremony ("at the Golden Globe Awards"), not a venue ("at the Roosevelt Hotel");
    // "of" right after the noun its maker ("secured the endorsement of Arizona's Sheriff Joe Arpaio").
    const ofMaker = /^\s+of\s+(?:[^\s,;]+\s+){0,4}$/.test(text.slice(trigger.end, spans[i].start)) && !spans[i].placeOnly && !spans[i].modifier;
    if (spans[i].prep === 'from' || ofMaker || (spans[i].prep === 'at' && CEREMONY.test(text.slice(spans[i].start, spans[i].end)))) {
      const r = resolve(i);
      return r ? [r] : [];
    }
  }
  return [];
}

// A participle's agent right after it, past at most four words of description ("acquired by state-owned energy giant Rosneft").
const BY_RIGHT_AFTER = /^\s+by\s+(?:[^\s,;:]+\s+){0,4}$/;

// Between a name and the participle that follows it: nothing, an age, or an apposition ("Bondi, the turnaround specialist appointed").
const PARTICIPLE_AFTER_NAME = /^(?:,\s+(?:\d+,\s+)?|,\s+(?:the|a|an|one of)\s[^,;:()]{0,60}\s|\s+)(?:(?:recently|later|since|then|now|already|\w+ly)\s+)?$/;

function findLastIndex(spans: ActorSpan[], lo: number, hi: number, f: (x: ActorSpan) => boolean): number {
  for (let i = hi - 1; i >= lo; i--) if (f(spans[i])) return i;
  return -1;
}

// The verb that receives the trigger noun, with at most four words between ("received a detailed proposal").
const RECEIVED = /\breceiv(?:e|es|ed|ing)\s+(?:[^\s,;:.]+\s+){0,4}$/i;

// "from" and at most four words of the sender's description ("from US business tycoon Malcolm Glazer").
const FROM_BEFORE = /\bfrom\s+(?:[^\s,;:]+\s+){0,4}$/;

/** The first name after "from" in the trigger's clause, or -1. */
function senderAfter(text: string, trigger: Span, spans: ActorSpan[], lo: number, hi: number): number {
  for (let i = lo; i < hi; i++) {
    if (spans[i].start < trigger.end) continue;
    if (CLAUSE_BREAK.test(text.slice(trigger.end, spans[i].start)) || spans[i].start - trigger.end > 100) break;
    // ("from the US entrepreneur": a name before a noun describes the sender.)
    if (FROM_BEFORE.test(text.slice(trigger.end, spans[i].start)) && !spans[i].modifier && !spans[i].placeOnly && !NOUN_AFTER.test(text.slice(spans[i].end, spans[i].end + 24))) return i;
  }
  return -1;
}

function dedupe(list: ActorRef[]): ActorRef[] {
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(actorId(r)) && seen.add(actorId(r)));
}
