import type { Span } from '../../ingest/types.ts';
import type { EntityIndexLocal } from '../entities.ts';
import { SPEECH_VERBS } from '../lexicon.ts';
import type { Sentence } from '../sentences.ts';
import type { Quote } from './quotes.ts';
import { trimSpan } from './draft.ts';
import { NOT_AFTER_TITLE } from './title-stops.ts';
import { NOT_A_SPEAKER, NP_HEADS, plausibleSpeaker, subjectSpanBefore, subjectWords } from './speaker.ts';

// Quotations are found and attributed by rules: marks pair reliably, and the layouts around them
// ("…,” said Kwon. / Kwon said: “…” / “…” ― Name) are few. PolNeAR dev direct content F1 0.92 with them.

/**
 * Verbs that attribute a quotation next to it, beyond the learned step's lexicon (features.ts uses
 * SPEECH_VERBS, so it stays as trained): "…,” Oliver barked; “…?” Hannity pressed; “…,” it read.
 */
const QUOTE_VERBS = 'sings|sang|chanted|chants|surmised|riffed|remembered|conclude|write|chided|bragged|sneered|groaned|sniffed|intoned|advised|reasoned|theorized|speculated|confided|deadpanned|huffed|exulted|crowed|barked|assured|reacted|questioned|started|elaborated|demurred|mocked|mocks|pressed|fumed|opined|retaliated|interjected|whispered|yelled|reiterated|repeated|chimed in|cut in|snapped|gushed|marveled|teased|texted|emailed|griped|grumbled|insisted|offered|replies|scolded|sighed|laughed|cracked|vowed|ventured|wrote back|shouted back';
const VERB = `(?:${SPEECH_VERBS}|${QUOTE_VERBS})`;
/** After a quotation's subject only: "…,” the sign read (before one, "a sign that read" names no one; "Read" is also a name). */
const VERB_AFTER_SUBJECT = `(?:${SPEECH_VERBS}|${QUOTE_VERBS}|read|reads)`;



const ATTRIBUTED_AFTER = new RegExp(`^[,.!?]?\\s*(?:[\\p{L}][\\p{L}\\d’'.\\-, ]{0,80}?\\s+)?(?:${VERB})\\b`, 'iu');
/** An attribution right after a quotation's closing mark: "…," said Kunin / "…,” he said (a subject pronoun or a capitalised name). */
const ATTRIBUTED_RIGHT_AFTER = new RegExp(`^[”"’']?\\s*(?:(?:${VERB})\\s+(?:the\\s+)?\\p{Lu}|(?:he|she|they|we|I|[\\p{Lu}][\\p{L}’'.-]*(?:\\s+[\\p{Lu}][\\p{L}’'.-]*){0,2})\\s+(?:${VERB})\\b)`, 'u');
const ADVERBIAL = String.raw`(?:\s+(?:on|in|at|last|this|late|early|earlier|later)\s+[\p{L}\d’' ]{1,30}?|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently|repeatedly|again|publicly|previously|also))?`;
// Compiled once (they were rebuilt per sentence and quote); the global ones are reset before each use.
const INTRODUCED_BEFORE = new RegExp(`(?:${VERB})${ADVERBIAL}[,:]?\\s*$`, 'u');
const VERB_BEFORE = new RegExp(`(${VERB})${ADVERBIAL}\\s*[:,]?\\s*$`, 'iu');
const VERB_COLON_TAIL = new RegExp(`(${VERB})${ADVERBIAL}[^.:;!?]{0,40}:\\s*$`, 'iu');
const INVERTED_CLAUSE = new RegExp(`^(${VERB})\\s+([\\p{Lu}][\\p{L}.’' -]{1,40}?)\\s*:\\s*$`, 'iu');
/** “…” ― Name (to the end of the line, or before a full stop, comma or another quotation). */
const DASH_ATTRIBUTION = /^[,.]?\s*[―—–]\s*((?:[\p{Lu}][\p{L}\p{M}’'.-]*)(?:\s+[\p{Lu}][\p{L}\p{M}’'.-]*){0,3})\s*(?:[.,]?\s*$|[.,]?\s*[“"])/u;
/** A determiner right before a word: the word is a noun, not the verb it can also be ("the remarks", "her comments"). */
const DETERMINER_BEFORE = /(?:\b(?:the|a|an|his|her|their|its|this|these|those|my|our|your|whose)|\p{L}[’']s?)\s+$/iu;
/**
 * A quotation naming something in its sentence's predicate ("Moore called Mr. Obama's remarks “a true
 * wake-up call”", "what she described as a “rant”"): the verb's subject speaks.
 */
const NAMING_VERB_BEFORE = /\b(called|calling|calls|dubbed|dubbing|dubs|branded|branding|brands|labell?ed|labell?ing|described|describing|describes|termed|terming|terms)\b[^.!?;:“”"\n]{0,80}$/;
/** "was called", "had been described": the subject is what is named, not who names it. */
const PASSIVE_BEFORE = /\b(?:is|are|was|were|be|been|being|get|gets|got|gotten)\s+(?:\p{Ll}+ly\s+)?$/u;
/** A speaker's name in capitals opening a quoted transcript turn ("PENCE: …", "MR. WALLACE: …"). */
const TRANSCRIPT_LABEL = /^\s*((?:[A-Z][A-Z'’.-]+)(?: [A-Z][A-Z'’.-]+){0,2}):\s+/;
/** Capitalised labels that name no one: "VIDEO: …", "UPDATE: …". */
const NOT_A_LABEL = /^(?:VIDEO|AUDIO|UPDATE|UPDATED|NOTE|EDITOR'S NOTE|WATCH|READ|BREAKING|CROSSTALK|LAUGHTER|APPLAUSE|TRANSCRIPT|PHOTO|PHOTOS|SOURCE|SOURCES|CORRECTION|EXCLUSIVE|ALERT|WARNING|NEWS|LIVE|Q|A)$/;
/** A clause opening with its subject: a pronoun or a described speaker ("The spokesman said …"). */
const CLAUSE_OPENER = new RegExp(`^(?:(?:And|But|So|Yet|Then|Later|Still|Now)\\s+)?((?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)|(?:The|A|An)\\s+(?:[\\p{L}’'-]+\\s+){0,4}?${NP_HEADS.source.replace(/^\\b|\\b$/g, '')}|(?:[Hh]is|[Hh]er|[Tt]heir|[\\p{Lu}][\\p{L}.-]*(?:\\s+[\\p{Lu}][\\p{L}.-]*){0,3}[’']s?)\\s+(?:[\\p{Ll}-]+\\s+){0,2}?[\\p{Ll}-]+)(?:[’'](?:s|d|ve))?\\s+(?:(?:also|then|later|again|once|[a-z]{3,}ly)\\s+)?(?:[a-z]+(?:s|ed)|told|said|wrote|spoke|sent|gave|put it|had this to say)\\b`, 'du');
/** CLAUSE_OPENER's subject and where it starts (past a connective: "And he", "Then she"; the group's own offset). */
function clauseSubject(clause: string): { 1: string; index: number } | null {
  const m = CLAUSE_OPENER.exec(clause);
  return m ? { 1: m[1], index: m.indices![1][0] } : null;
}
/** A sentence end, or a quotation closing before its attribution (“…,” he said, adding:): the introducing clause starts after the last one. */
const CLAUSE_BREAK = /[.!?][”"’]?(?:\s+|[—–]\s*)|[,.!?][”"]\s*(?=(?:he|she|they|we|I|said|says|added|adds|wrote|writes|told)\b)|\n\s*/g;
/** A leading subordinate clause before the subject. */
const LEAD_CLAUSE = /^\s*(?:(?:And|But|So|Yet)\s+)?(?:(?:Even|Ever|Just|Only|Shortly|Soon|Long)\s+)?(?:When|As|After|In|Since|Because|If|While|Although|Though|Following|Before|During|With|On)\b[^,]{0,120},\s*|^\s*(?:And|But|So|Yet|Then|Later|Still)\s+[^,“”"]{1,80},\s*(?=(?:he|she|they|we|I)\s)/;
/** A clause coordinated with a pronoun subject ("…, but he gave", "and she is sure"): the last one speaks. */
const COORDINATED_PRONOUN = /(?:^|,\s*|\s)(?:and|but|yet|so|And|But|Yet|So)\s+(he|she|they|He|She|They)(?:[’'](?:s|d|ve))?\s+\p{Ll}/gu;
/** The attribution after a quotation, `verb` opening it ("…,” said X) or following its subject ("…,” X said). */
const verbAfterQuote = (verb: string) => new RegExp(`^[,.!?]?[”"’']?\\s*(?:(${verb})\\s+((?:the |a |an )?[\\p{L}\\d’'./\\- ]{1,60}?(?:\\s\\([\\p{L}.\\- ]{1,12}\\))?)${NOT_AFTER_TITLE}(?=[,.;]|$|\\s+(?:on|in|at|who|after|before|when|adding|told|during|while|as|last|earlier|later|yesterday|today)\\b)|((?:the |a |an )?[\\p{L}\\d’'.()&\\- ]{1,80}?)(?:,[^,]{1,180},)?\\s+(?:(was|were) quoted as saying|(${VERB_AFTER_SUBJECT})))`, 'iu');
const VERB_AFTER_QUOTE = verbAfterQuote(`${VERB}|reads|read`);
const VERB_AFTER_QUOTE_NO_READ = verbAfterQuote(VERB);

/**
 * The attribution closing a sentence that goes on past its quotation in the writer's words: “…”
 * for the victory, Sanders said. / “…” that Sanders can catch Clinton, said Steve Elmendorf, … /
 * “…” would be appropriate, Republican candidate Ben Carson said after ….
 */
const CLOSING_CLAUSE = new RegExp(`,\\s+(?:(${VERB})\\s+((?:the |a |an )?[\\p{L}\\d’'.\\- ]{1,60}?)(?:,.*)?|((?:the |a |an )?[\\p{L}\\d’'.()&\\- ]{1,80}?)(?:,[^,]{1,120},)?\\s+(?:[a-z]+ly\\s+)?(${VERB_AFTER_SUBJECT})(?:\\s+[^,]{0,80})?)\\s*[.!?]?\\s*$`, 'u');
/** Titles and abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /\b(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr|St|Lt|Gen|Col|Sgt|Jr|Sr|Prof|Rev|Gen|Capt|Cmdr|Adm|No|Inc|Co|Corp|Ltd|U\.S|[A-Z])\.$/;

/** The rest of a quotation's sentence, in the writer's words (to its full stop, the next quotation or the paragraph's end). */
function sentenceRest(after: string): string {
  const cut = after.search(/[“"\n]/);
  const rest = after.slice(0, cut < 0 ? after.length : cut);
  for (const m of rest.matchAll(/[.!?](?=\s|$)/g)) if (!ABBREVIATION.test(rest.slice(0, m.index! + 1))) return rest.slice(0, m.index! + 1);
  return cut < 0 ? '' : rest;
}

/**
 * After a quotation that ends its sentence, "Name verb" opens the next sentence rather than
 * attributing it when the verb goes on to a colon ("Arsenal keeper Jens Lehmann said: “…”") or to a
 * clause of its own ("Birmingham manager Steve Bruce insists he does not want …"); a closing
 * attribution ends after the verb, a time or place ("… missing.” Trump said on Monday.").
 */
function opensNextSentence(quoted: string, rest: string, verb: string): boolean {
  if (!/[.!?]\s*$/.test(quoted)) return false;
  if (/^\s*:/.test(rest)) return true;
  // A comma after the verb ends the attribution ("…?” Clinton remarked, alluding to …).
  if (/^\s*,\s*[^\s“"]/.test(rest)) return false;
  if (/^(?:told|tells|telling)$/i.test(verb)) return false;
  const clause = /^\s*([^.!?“”"]*)/.exec(rest)![1];
  const words = clause.trim().split(/\s+/).filter(Boolean);
  // A clause opens with its subject (a pronoun, a determiner, a name, "that"); an adverb, a preposition
  // or an object noun goes on with the attribution ("…?” Sanders asked rhetorically, …", "…?” Lichtman
  // said about McCain's effort …", "…?” Trump asked reporters during a news conference").
  return words.length >= 4 && (/^(?:he|she|they|it|we|i|you|that|the|a|an|his|her|their|its|our|this|these|those|there|no|not|to|both|all|some|many|most|each|every|several|neither|either)$/i.test(words[0]) || /^[\p{Lu}]/u.test(words[0]));
}

/**
 * The subject a sentence opens with, before `to`: a subject pronoun, or a person or organisation after
 * at most a connective and four capitalised words (titles); null when it opens otherwise.
 */
function sentenceOpener(text: string, index: EntityIndexLocal, from: number, to: number): Span | null {
  const lead = /^\s*(?:(?:And|But|So|Yet|Still|Then|Later|Earlier),?\s+)?/.exec(text.slice(from, to))![0].length;
  const at = from + lead;
  const pronoun = /^(?:He|She|They|We|I)\b/.exec(text.slice(at, to));
  if (pronoun) return { start: at, end: at + pronoun[0].length };
  // The last name of the capitalised run the sentence opens with ("Retired Army Col. Lawrence Wilkerson").
  const named = [...index.personSpans, ...index.orgSpans].filter((x) => x.start >= at && x.end <= to && x.start <= at + 60 && /^(?:(?:The|the)\s+)?(?:[\p{Lu}][\p{L}’'.-]*\s+){0,4}$/u.test(text.slice(at, x.start))).sort((a, b) => b.end - a.end)[0];
  if (!named || /^[’']/.test(text.slice(named.end, named.end + 1))) return null;
  return { start: named.start, end: named.end };
}

/**
 * Verbs naming or describing something in the writer's sentence with a quoted phrase: "Merkel heralded
 * the deal as a “breakthrough”", "calling him, among other things, “a failed candidate”", "Sullivan
 * proclaims the article a “terrific piece …”". AS_VERBS only with "as" right before the quotation;
 * NAMING_VERBS with or without it (not "brand", "terms", "labels": mostly nouns).
 */
const AS_VERBS = 'describ(?:ed|es|ing|e)|characteri[sz](?:ed|es|ing|e)|portray(?:ed|s|ing)?|herald(?:ed|s|ing)?|hail(?:ed|s|ing)?|refer(?:red|s|ring)? to|prais(?:ed|es|ing|e)|denounc(?:ed|es|ing|e)|derid(?:ed|es|ing|e)|dismiss(?:ed|es|ing)?|tout(?:ed|s|ing)?|blast(?:ed|s|ing)?|slamm?(?:ed|s|ing)?|criticiz(?:ed|es|ing|e)|criticis(?:ed|es|ing|e)|mock(?:ed|s|ing)?|attack(?:ed|s|ing)?|ridicul(?:ed|es|ing|e)|condemn(?:ed|s|ing)?|defend(?:ed|s|ing)?';
const NAMING_VERBS = 'call(?:ed|s|ing)?|dubb?(?:ed|s|ing)?|brand(?:ed|ing)|label(?:l?ed|l?ing)|term(?:ed|ing)|proclaim(?:ed|s|ing)?';
const NAMED_AS_BEFORE = new RegExp(String.raw`(?<![\p{L}-])(?:(${AS_VERBS})\s+([^.!?;:“”"\n]{1,80}?)\s+as|(${NAMING_VERBS})\s+((?!(?:for|on|in|out|up|off|to|back|it quits|upon|into|of|from|with|by|at|about|over|through|via|using|between|during)\b)[^.!?;:“”"\n]{1,60}?)(?:\s+as)?)\s+(?:(?:a|an|the|his|her|their|its)\s+)?$`, 'u');
/** Words that open a clause of their own between the verb and the quotation: the quotation is not the verb's object. */
const CLAUSE_WORD = /[()\u2013\u2014]|(?:^|\s)-(?:\s|$)|\bsuch as\b|\b(?:that|which|who|whom|whose|when|where|because|if|while|after|before|since|although|though|said|says|is|are|was|were|has|have|had|will|would)\b/;

/** A modal before the verb: a naming supposed, not made ("the media would call him a “chicken”"). */
const MODAL_BEFORE = /\b(?:would|could|might|may|should|will|can|must)(?:\s+not|n[’']t)?\s+(?:\p{Ll}+ly\s+)?$/u;

/**
 * A quoted phrase inside the writer's sentence naming or describing the object of a verb of calling or
 * describing: its cue is the verb, and what was said runs from the verb's object to the quotation's
 * end. Null when the quotation is not such a phrase.
 */
export function namingVerbCue(text: string, sent: Sentence, q: Quote): { cue: Span; contentStart: number } | null {
  const before = text.slice(sent.start, q.start).replace(/\u00a0/g, ' ');
  const m = NAMED_AS_BEFORE.exec(before);
  if (!m) return null;
  const verb = m[1] ?? m[3];
  const object = m[2] ?? m[4];
  if (CLAUSE_WORD.test(m[0]) || object.split(/\s+/).length > 12) return null;
  const verbAt = m.index + m[0].indexOf(verb);
  const head = before.slice(0, verbAt);
  if (PASSIVE_BEFORE.test(head) || DETERMINER_BEFORE.test(head) || MODAL_BEFORE.test(head)) return null;
  const contentStart = sent.start + verbAt + verb.length + /^\s*/.exec(before.slice(verbAt + verb.length))![0].length;
  return { cue: { start: sent.start + verbAt, end: sent.start + verbAt + verb.length }, contentStart };
}

/**
 * A finite verb and "that" opening a clause with a quoted phrase in the writer's sentence ("The Sanders
 * campaign projects that “imposing a tax …” on …", "Trump did post … that his claims
 * were “sarcasm”"): the verb, a few words after it, and the clause up to the quotation.
 */
const VERB_THAT_BEFORE = /(?<![\p{L}’'-])((?:did|does|do)\s+\p{Ll}{3,}|\p{Ll}{2,}(?:ed|es|ts|ds|ks|ys|ns|ls|rs|ms|ps)|told|wrote|thought|knew|found|felt|held|saw|made clear)((?:\s+[^\s.!?;:“”"]+){0,5}?)\s+that\s+([^.!?;:“”"\n]{1,150})$/u;
/** Words ending like a verb that are not one before "that" ("the fact that", "so that", "reports that" as a noun is left to the subject test). */
const NOT_A_VERB_THAT = /^(?:is|was|has|does|this|thus|its|his|hers|yes|less|unless|as|us|plus|across|always|perhaps|news|times|years|days|weeks|months|means|words|ones|others|lines|terms|grounds|fears|hopes|claims|reports|concerns|suggestions|comments|remarks|charges|allegations|assurances|signs|views|indications|odds|chances|doubts|questions|rumors|rumours|needs|feelings|states|points|sounds|seems|seemed|appears|appeared|happens|happened|ensures|ensured|sees|considered|provided|noted|expects|expected|needed|proved|turned|argued|asked|added|reported|stated|claimed|insisted|warned|believed|explained|suggested|acknowledged|admitted|announced|declared|confirmed|denied|predicted|promised|vowed|estimated|stressed|maintained|revealed|recalled|conceded|agreed|complained|concluded|observed|remarked|contended|asserted|boasted|lamented|cautioned|emphasized|emphasised|pledged|demanded|testified|worried|feared|hoped|indicated|allies|aides|advisers|officials|critics|supporters|voters|members|leaders|analysts|experts|sources|documents|records|polls|results|surveys|studies|emails|ads|articles|papers|editorials)$/;

export function thatClauseCue(text: string, sent: Sentence, q: Quote): { cue: Span; contentStart: number } | null {
  const before = text.slice(sent.start, q.start).replace(/\u00a0/g, ' ');
  const m = VERB_THAT_BEFORE.exec(before);
  if (!m) return null;
  const verb = m[1];
  const last = verb.split(/\s+/).pop()!;
  // "an article … that included the line “…”": a relative clause, not what was said.
  if (NOT_A_VERB_THAT.test(last) || /[,()“”"—–]|\b(?:which|who|whom|whose|that|and|but|or|when|where|because|if|while)\b/.test(m[2]) || /^(?:\p{Ll}+ed|had|has|was|were|is|are|will|would|could|can|may|might|read|reads|includes|says|said|shows|showed)\b/u.test(m[3])) return null;
  const verbAt = m.index;
  const head = before.slice(0, verbAt);
  if (PASSIVE_BEFORE.test(head) || DETERMINER_BEFORE.test(head) || MODAL_BEFORE.test(head)) return null;
  const contentStart = sent.start + before.lastIndexOf('that', m.index + m[0].length - m[3].length);
  return { cue: { start: sent.start + verbAt, end: sent.start + verbAt + verb.length }, contentStart };
}

/** Who the rules say said a quotation, and with which cue (either may be null: a quotation standing alone). */
export interface QuoteAttribution {
  speakerSpan: Span | null;
  cue: string | null;
  /** Where the words said start when not at the quotation's start: past a transcript turn's label ("PENCE: "). */
  contentStart?: number;
}

/**
 * Where the verb group ending in a cue starts, past adverbs and a verb it completes: "O'Malley
 * interjected to say:", "Trump went on to say", "Clinton, exasperated, famously responded:".
 */
function verbGroupStart(before: string, at: number): number {
  for (let k = 0; k < 3; k++) {
    const head = before.slice(0, at);
    const m = /\s(?:[a-z]+ed|[a-z]+s|went on|goes on|rose|began)\s+to\s*$/.exec(head) ?? /\s(?:[a-z]{3,}ly|once|then|later|again)\s*$/.exec(head);
    if (!m || m.index === 0) break;
    // The space before the group stays: subjectBefore counts a word only once it has passed one.
    at = m.index + 1;
  }
  return at;
}

/**
 * A quotation that is a statement of its own (it opens its sentence, follows a colon or an
 * introducing verb) with the attribution around it; null for a quotation inside reported speech,
 * which the learned step reads as part of its content.
 */
export function attributeQuote(text: string, sent: Sentence, q: Quote, paragraphs: Span[], index: EntityIndexLocal): QuoteAttribution | null {
  // The attribution may sit in the next sentence of the paragraph ("… missing.” Trump said.").
  const paraEnd = paragraphs[sent.paragraph]?.end ?? sent.end;
  // No-break spaces read as spaces (one character for one: offsets hold); the patterns' noun
  // phrases allow plain spaces only ("said Cruz constituent\u00a0Dan Golvach").
  const after = text.slice(q.end, Math.min(paraEnd, q.end + 260)).replace(/\u00a0/g, ' ');
  const before = text.slice(sent.start, q.start).replace(/\u00a0/g, ' ');
  // A quotation after the end of a sentence the splitter did not cut before a mark (`… leadership. "His …`).
  const startsSentence = before.trim() === '' || /[:]\s*$/.test(before) || /[.?!]\s+$/.test(before);
  const introduced = INTRODUCED_BEFORE.test(before) || /:\s*$/.test(before);
  // A quotation set off by commas inside the writer's sentence and attributed right after it ("But
  // despite the tone, "I think he will do it," said Kunin"; "…, telling Mic on Monday, “…,” he said").
  const setOff = /,\s*$/.test(before) && q.words >= 3 && /,\s*$/.test(text.slice(q.inner.start, q.inner.end)) && ATTRIBUTED_RIGHT_AFTER.test(after);
  // A short quotation right after another's closing attribution goes on with it ("“You got the names
  // …?” Sanders said. “Okay, great!”").
  const paraStart = paragraphs[sent.paragraph]?.start ?? sent.start;
  const afterAttribution = startsSentence && /[”"][,.!?]?\s+[^.!?“”"\n]{1,60}\.\s*$/.test(text.slice(Math.max(paraStart, q.start - 80), q.start));
  // (The attribution after is only looked for when the rest does not decide: the pattern is costly.)
  const full = ((startsSentence || introduced) && (q.words >= 4 || ATTRIBUTED_AFTER.test(after.replace(/^[”"’']/, '')) || introduced || afterAttribution)) || setOff;
  if (!full) return null;
  // A transcript's turn, quoted whole: “PENCE: Well, look, …” is Pence's.
  const label = TRANSCRIPT_LABEL.exec(text.slice(q.inner.start, q.inner.start + 40));
  if (label && !NOT_A_LABEL.test(label[1])) {
    const at = q.inner.start + label[0].indexOf(label[1]);
    return { speakerSpan: { start: at, end: at + label[1].length }, cue: ':', contentStart: q.inner.start + label[0].length };
  }
  let speakerSpan: Span | null = null;
  let cue: string | null = null;
  // An attribution after the quotation wins over the clause introducing it when the quotation ends
  // in a comma ("… posted a message: “Men, you will not …,” she wrote.").
  const continues = /,\s*$/.test(text.slice(q.inner.start, q.inner.end)) || /^,/.test(after);
  const found = introduced && !continues ? null : VERB_AFTER_QUOTE.exec(after);
  // “…” reads a Wednesday editorial: "read" in lower case only ("Read said" is Mr Read).
  const m = found && found[1] && /^Reads?$/.test(found[1]) ? VERB_AFTER_QUOTE_NO_READ.exec(after) : found;
  if (m && /^[,.!?”"’'\s]/.test(after) && q.inner.end - q.inner.start > 0) {
    // A capitalised verb after a quotation that ends its sentence opens the next one ("….” Asked what
    // that might look like, she said: “…”); an inverted attribution follows a comma ("…,” said Kwon).
    const opensNext = m[1] && /^\p{Lu}/u.test(m[1]) && /[.!?]\s*$/.test(text.slice(q.inner.start, q.inner.end));
    if (m[1] && opensNext) {
      // Left to the rules below: the quotation stands alone or continues its speaker.
    } else if (m[1]) {
      const off = q.end + m.index + m[0].indexOf(m[2], m[0].indexOf(m[1]) + m[1].length);
      speakerSpan = { start: off, end: off + m[2].trim().length };
      cue = m[1];
    } else if (m[3] && (/^(?:he|she|they|it|the|a|an)\s*$|^(?:the|a|an)\s/.test(m[3]) || !opensNextSentence(text.slice(q.inner.start, q.inner.end), after.slice(m.index + m[0].length), m[5] ?? ''))) {
      // A lower-case subject cannot open a sentence: “…?” he urged them, as he explained how …
      const off = q.end + m[0].indexOf(m[3]);
      speakerSpan = { start: off, end: off + m[3].trim().length };
      cue = m[4] ? `${m[4]} quoted as saying` : m[5];
    }
  }
  if (!speakerSpan && (!introduced || continues) && !m) {
    // The quotation's sentence goes on in the writer's words before its attribution.
    const tail = sentenceRest(after.replace(/^[”"’']/, ' '));
    const c = tail && CLOSING_CLAUSE.exec(tail);
    const words = c ? (c[2] ?? c[3]).trim() : '';
    if (c && words && plausibleSpeaker(words)) {
      const off = q.end + c.index + c[0].indexOf(words, c[1] ? c[0].indexOf(c[1]) + c[1].length : 0);
      speakerSpan = { start: off, end: off + words.length };
      cue = c[1] ?? c[4];
    }
    // “…” according to CNN. — the source named right after the quotation, when no one else is.
    const according = !speakerSpan && /^(\s*,?\s*according to\s+)([^,.;:!?]{2,120}?)\s*[.,]?\s*$/i.exec(tail);
    if (according) {
      const off = q.end + (after.length - after.replace(/^[”"’']/, ' ').length) + according[1].length;
      speakerSpan = { start: off, end: off + according[2].length };
      cue = 'according to';
    }
  }
  if (!speakerSpan) {
    // “…” ― Carlos Raúl: a name after a dash closing the quotation's line (testimonials, epigraphs).
    const dm = DASH_ATTRIBUTION.exec(text.slice(q.end, paraEnd));
    if (dm && plausibleSpeaker(dm[1])) {
      const off = q.end + dm[0].indexOf(dm[1]);
      // A full stop after the name ends the line; one after an initial ("Oscar P.") is the name's.
      const name = /\s\p{Lu}\.$|^\p{Lu}\.$/u.test(dm[1]) ? dm[1] : dm[1].replace(/\.$/, '');
      speakerSpan = { start: off, end: off + name.length };
      cue = dm[0].trim()[0];
    }
  }
  if (!speakerSpan && /^\s*$/.test(text.slice(q.end, paraEnd))) {
    // A quotation closing its paragraph, signed in the next one: "“…” ⏎ - Sanders." (fact checks).
    const next = paragraphs[sent.paragraph + 1];
    const line = next ? text.slice(next.start, next.end) : '';
    const dm = /^\s*[-―—–]\s*((?:[\p{Lu}][\p{L}’'.-]*)(?:\s+[\p{Lu}][\p{L}’'.-]*){0,3}?)\.?\s*$/u.exec(line);
    if (dm && next && plausibleSpeaker(dm[1])) {
      const off = next.start + dm[0].indexOf(dm[1]);
      const name = /\s\p{Lu}\.$|^\p{Lu}\.$/u.test(dm[1]) ? dm[1] : dm[1].replace(/\.$/, '');
      speakerSpan = { start: off, end: off + name.length };
      cue = dm[0].trim()[0];
    }
  }
  if (!speakerSpan) {
    const verbBefore = VERB_BEFORE.exec(before);
    // After a determiner the word is a noun ("called the remarks “…”", "his comments “…”"): no cue.
    const bm = verbBefore && !DETERMINER_BEFORE.test(before.slice(0, verbBefore.index)) ? verbBefore : NAMING_VERB_BEFORE.exec(before);
    if (bm && (bm === verbBefore || !PASSIVE_BEFORE.test(before.slice(0, bm.index)))) {
      const group = verbGroupStart(before, bm.index);
      const subj = subjectSpanBefore(before, group);
      const words = subjectWords(before.slice(subj.start, subj.end)).replace(/^(?:and|but|so)\s+/i, '');
      const at = words ? before.indexOf(words, subj.start) : -1;
      speakerSpan = at >= 0 ? { start: sent.start + at, end: sent.start + at + words.length } : trimSpan(text, { start: sent.start + subj.start, end: sent.start + subj.end });
      // A second predicate ("Suu Kyi, 70, said it was too early … but added,", "He praised those who
      // left but said,") whose subject the words before it do not hold: the subject the sentence opens
      // with, a name or a pronoun.
      if (/\s(?:but|and)\s+(?:also\s+|then\s+|later\s+)?$/.test(before.slice(0, group)) && !plausibleSpeaker(text.slice(speakerSpan.start, speakerSpan.end))) speakerSpan = sentenceOpener(text, index, sent.start, sent.start + group) ?? speakerSpan;
      // A subject with a relative clause ("a White House official who spoke anonymously … said"): the
      // words before the cue are the clause's; the subject is the noun phrase before "who".
      const relative = /\s(who|which)\s+$/.exec(before.slice(0, subj.start));
      if (relative && speakerSpan && !plausibleSpeaker(text.slice(speakerSpan.start, speakerSpan.end))) {
        const at = subj.start - relative[0].length;
        const head = subjectSpanBefore(before, at);
        const np = subjectWords(before.slice(head.start, head.end));
        const from = np ? before.indexOf(np, head.start) : -1;
        if (from >= 0 && plausibleSpeaker(np)) speakerSpan = { start: sent.start + from, end: sent.start + from + np.length };
      }
      cue = bm[1];
      if (speakerSpan && speakerSpan.end <= speakerSpan.start) speakerSpan = null;
    }
  }
  // A quotation opening a paragraph after "Cruz continued:" is introduced by the previous paragraph.
  if (!speakerSpan && before.trim() === '' && sent.paragraph > 0 && sent.start === paragraphs[sent.paragraph].start) {
    const prevPara = paragraphs[sent.paragraph - 1];
    const tail = text.slice(Math.max(prevPara.start, prevPara.end - 300), prevPara.end);
    if (/:\s*$/.test(tail)) {
      const vm = VERB_COLON_TAIL.exec(tail);
      if (vm) {
        const base = prevPara.end - tail.length;
        const subj = subjectSpanBefore(tail, vm.index);
        // Within the clause of the verb: not back past a full stop ("… in the first place. McCrummen reports:").
        const stop = [...tail.slice(subj.start, subj.end).matchAll(/[.!?]["”’]?\s+(?=\p{Lu})/gu)].pop();
        const from = stop ? subj.start + stop.index! + stop[0].length : subj.start;
        const span = trimSpan(text, { start: base + from, end: base + subj.end });
        if (span.end > span.start) {
          speakerSpan = span;
          cue = vm[1];
        }
      }
    }
  }
  if (!speakerSpan) {
    // "Cruz called them on it:", "pollster Daron Shaw: “…”": the first named entity of the introducing clause.
    const introStart = before.trim() === '' && sent.paragraph > 0 && sent.start === paragraphs[sent.paragraph].start ? paragraphs[sent.paragraph - 1].start : sent.start;
    const intro = text.slice(introStart, q.start);
    if (/:\s*$/.test(intro)) {
      // Past the full stop and the space after it: the patterns below are anchored at the clause's first word.
      // Past the last sentence end ("…, Lordy!— Cruz called them on it:") or closing quotation mark
      // ("“…,” he said, adding:"): names before it, or quoted, are not the clause's subject.
      let stop = -1;
      for (const m of intro.slice(0, Math.max(0, intro.length - 3)).matchAll(CLAUSE_BREAK)) stop = m.index! + m[0].length;
      const clauseStart = introStart + Math.max(0, stop);
      // Skip a leading subordinate clause ("When Wallace died in 1998, …", "Ever since Sanders
      // announced …, he's said …") and possessives ("Sanders’ surge").
      const lead = LEAD_CLAUSE.exec(text.slice(clauseStart, q.start));
      const from = clauseStart + (lead ? lead[0].length : 0);
      // A clause opening with a pronoun or a described speaker ("He told Hannity:", "The spokesman
      // said of Cameron:") has its subject there, not in a name later in the clause; so has a clause
      // coordinated after it ("Reid said both are … but he gave the Texan a compliment:").
      const coordinated = [...text.slice(from, q.start).matchAll(COORDINATED_PRONOUN)].pop();
      const opener = coordinated ? { 1: coordinated[1], index: coordinated.index! + coordinated[0].lastIndexOf(coordinated[1]) } : clauseSubject(text.slice(from, q.start));
      const named = opener ? { start: from + opener.index, end: from + opener.index + opener[1].length } : [...index.personSpans.map((x) => ({ start: x.start, end: x.end })), ...index.orgSpans.map((x) => ({ start: x.start, end: x.end }))]
        .filter((x) => x.start >= from && x.end <= q.start && !/^[’']/.test(text.slice(x.end, x.end + 1)))
        .sort((a, b) => a.start - b.start)[0];
      if (named) {
        speakerSpan = named;
        cue = ':';
      } else {
        // No named entity: the clause's own subject ("He tells the crowd:", "Continued Stone:").
        const clause = text.slice(from, q.start);
        const inverted = INVERTED_CLAUSE.exec(clause);
        // A described subject too ("The Vermont senator emailed supporters saying:").
        const subject = /^((?:He|She|They|It|I|We)|(?:(?:the|The|a|A|an|An|[\p{Lu}][\p{L}’'.-]*)\s+){1,5}?|(?:The|A|An)\s+(?:[\p{L}’'-]+\s+){0,3}?[\p{Ll}]+\s+)(?:[a-z]+(?:s|ed)|told|said|wrote|sent|gave)\b/u.exec(clause);
        if (inverted) {
          const off = from + clause.indexOf(inverted[2], inverted[1].length);
          speakerSpan = { start: off, end: off + inverted[2].trim().length };
          cue = inverted[1];
        } else if (subject && subject[1].trim()) {
          speakerSpan = trimSpan(text, { start: from, end: from + subject[1].length });
          cue = ':';
        }
      }
    }
  }
  // A cue found but no noun phrase before it ("… but described his skills as …"): no speaker span.
  if (speakerSpan && NOT_A_SPEAKER.test(text.slice(speakerSpan.start, speakerSpan.end).trim())) speakerSpan = null;
  return { speakerSpan, cue };
}
