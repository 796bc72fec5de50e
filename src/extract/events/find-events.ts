import type { DateRange } from '../dates.ts';
import type { EntityIndexLocal, PlaceDraft } from '../entities.ts';
import type { Sentence } from '../sentences.ts';
import type { Span } from '../../ingest/types.ts';
import type { Mention } from '../types.ts';
import type { StatementDraft } from '../speech/draft.ts';
import { accusationOf, disparagingStatements } from './accusations.ts';
import { actorId, actorSpans, isKindPlural, refName, withStates, type ActorRef, type ActorSpan } from './actors.ts';
import { eventPlace } from './event-place.ts';
import { datesCompatible, eventDate, placesCompatible, preciserDate, sentenceDates } from './event-setting.ts';
import { headlineCompany } from './headline-company.ts';
import { mergeEvents, SPEECH_ACTS } from './merge-events.ts';
import type { TypedEventDraft } from './event-draft.ts';
import { SPORT_WORDS } from './lexicon-political.ts';
import { assignRoles } from './roles.ts';
import { findTriggers, type TriggerHit } from './trigger-index.ts';
import { firstEndingAfter } from '../sorted-spans.ts';


export interface EventInput {
  text: string;
  title?: string | null;
  sentences: Sentence[];
  index: EntityIndexLocal;
  published: string | null;
  /** Direct quotations: events named inside them are the speaker's words, not reported facts. */
  quoted?: Span[];
  /** The article's statements: a disparaging one is an accusation by its speaker. */
  statements?: StatementDraft[];
}

export type { TypedEventDraft };

const DOCUMENT = /\b(?:Agreement|Treaty|Accord|Act|Protocol|Convention|Constitution|Charter|Law|Bill|Amendment)$/;
const NEGATED = /\b(?:not|never|n[’']t|unable to|avoids?|avoided|avoiding|fail(?:s|ed)? to|stop(?:s|ped)? short of|without|refus(?:es|ed|ing) to|declin(?:es|ed|ing) to)\s+(?:\w+\s+)?$/i;
const NOT = /\b(?:not|never|n[’']t)\s+(?:\w+\s+)?$/i;
const MAYBE = /\b(?:if|unless|whether)\b/i;
const CONDITIONAL = /\b(?:if|unless|whether)\s+(?:\S+\s+){0,4}$/i;
// What only might, should or would happen ("Blunkett should quit if", "Obama said he would have vetoed",
// "their right to sue"): a modal or a right/chance before the trigger. Threats and demands are made in
// those words ("would impose tariffs", "must resign"), so they keep them.
const MODAL = /\b(?:should|would|could|might|may|must|(?:right|chance|power|ability|freedom) to)\s+(?:(?:not|have|be|been|also|still|never|even|well|\w+ly)\s+){0,2}$/i;
const MODAL_EXEMPT = new Set(['THREATEN', 'REQUEST', 'ACCUSE']);
// An option or warrants to buy are not a purchase ("the option to acquire more aircraft", "warrants to
// acquire an additional one mln shares"); exercising the option is ("exercising an option to acquire up to 65 pct").
const OPTION_TO = /\b(?:option|warrants?)\s+to\s+$/i;
const EXERCISED = /\bexercis(?:e|es|ed|ing)\s+(?:its|an|the|their|his|her)\s+option\s+to\s+$/i;
// What is called or pushed for has not happened ("a call for “providing lethal defensive weapons” to Ukraine",
// "calling for the deployment of"): the request is the event (its own trigger), not what it asks for.
const CALLED_FOR = /\b(?:call(?:s|ed|ing)?|push(?:es|ed|ing)?|press(?:es|ed|ing)?|appeal(?:s|ed|ing)?) for\s+(?:(?:the|a|an|more|new|further)\s+)?[“"‘]?$/i;
// Nor what someone is called on or urged to do ("called for Clinton to be prosecuted", "urged Mr Pande to withdraw the
// film", "a call for the United States to accept more refugees"): the addressee, then "to" and the act asked for.
const CALLED_ON = /\b(?:(?:call(?:s|ed|ing)?|push(?:es|ed|ing)?|press(?:es|ed|ing)?|appeal(?:s|ed|ing)?) for|urg(?:es|ed|ing)|ask(?:s|ed|ing))\s+(?:[^\s,;.]+\s+){1,5}to\s+(?:be\s+)?(?:[a-z]+\s+(?:(?:the|a|an|more|new|further)\s+)?(?:[A-Za-z-]+\s+)?)?$/;
/** Whether text[from, to) ends in a call on someone to do something (CALLED_ON); most leads hold no " to " at all. */
function calledOn(text: string, from: number, to: number): boolean {
  const lead = text.slice(from, to);
  return lead.includes(' to ') && CALLED_ON.test(lead);
}

// A mutual event named as the setting of another: "during the debate", "at their meeting".
const OCCASION_OF = /\b(?:during|at|in)\s+(?:the|a|an|their|his|her|this|[A-Z][a-z]+day[’']s)\s+(?:[\w-]+\s+){0,3}$/;
const DEFINITE = /\b(?:the|this|that|their|its)\s+(?:[\p{L}’'-]+\s+)?$/iu;

// A place written right after a disaster's name: "the flooding in Louisiana", "the earthquake in Chile".
const PLACED_AFTER = /^\s+(?:in|on|off|across|of)\s+(?:the\s+)?[A-Z]/;

// Bodies that investigate, charge or rule by office: a government department or service, police, a regulator, a prosecutor, a court, a legislature.
const AUTHORITY = /\b(?:Department|Ministry|Commission|Service|[Pp]olice|FBI|Bureau|Agency|Authority|Justice|[Pp]rosecutors?|Inspector|Committee|Congress|Senate|House|Parliament|[Gg]overnment|Court|court|Regulators?|regulators?|SEC|FSA|Office|Board)\b/;

const NEWS_AGENCY = /^(?:Reuters|AFP|UPI|AP|Associated Press|Agence France-Presse|United Press International)$/;

/** Whether `short` is the first word or words of the longer name `full` ("Schult" of "Schult Homes Corp"). */
function namesLeadOf(short: string, full: string): boolean {
  return full.length > short.length && full.startsWith(short) && full.charCodeAt(short.length) === 32;
}

function findLast<T>(list: T[], f: (x: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (f(list[i])) return list[i];
  return undefined;
}

/** A later mention of an event: its sentence, and a more precise date or a city the first lacked. */
function attachMention(e: TypedEventDraft, m: Mention, sentence: Sentence, date: DateRange | null, place: PlaceDraft | null): void {
  e.mentions.push(m);
  if (!e.sentences.includes(sentence)) e.sentences.push(sentence);
  e.date = preciserDate(e.date, date);
  if (place && (!e.place || (e.place.kind !== 'CITY' && place.kind === 'CITY'))) e.place = place;
}

const isUpper = (c: number) => c >= 65 && c <= 90;

const ELECTORAL = /\b(?:primary|primaries|caucus(?:es)?|elections?|by-elections?|nomination|ballot|run-?off|referendum|polling day)\b/i;

// (Offerings and bankruptcies are left out: the recogniser reads some companies as people, "Hydro Quebec", "Peabody Energy".)
const COMPANY_MODES = new Set(['results', 'bid', 'product']);

// Wire copy's company names: "<Sundor Group Inc>", "Stars to Go Inc", "BASF AG".
const COMPANY_SUFFIX = /\b(?:Inc|Corp|Corporation|Co|Cos|Ltd|Plc|plc|PLC|AG|SA|NV|BV|GmbH|SpA|LP|L\.P|Group|Holdings?|Industries|Bancorp|Airlines|Motors)\.?$/;

/** Both sides named and every party a company: a recognised company or a name with a company suffix. */
function isCompanyDeal(sources: ActorRef[], targets: ActorRef[]): boolean {
  const company = (r: ActorRef) => (r.kind === 'org' && r.entity.kind === 'COMPANY') || ((r.kind === 'org' || r.kind === 'group') && COMPANY_SUFFIX.test(refName(r)));
  return sources.length > 0 && targets.length > 0 && [...sources, ...targets].every(company);
}

/** The company that opens the sentence as its reporter ("<Org> said …"), before the trigger, or null. */
function announcingCompany(text: string, sentence: Sentence, spans: ActorSpan[], lo: number, hi: number, before: number): ActorRef | null {
  for (let i = lo; i < hi && spans[i].end <= before; i++) {
    const s = spans[i];
    if (s.start < sentence.start || s.anaphor || s.modifier) continue;
    const company = (s.ref.kind === 'org' && s.ref.entity.kind === 'COMPANY') || ((s.ref.kind === 'org' || s.ref.kind === 'group') && COMPANY_SUFFIX.test(refName(s.ref)));
    return company && /^[\s,>]*(?:said|says|announced)\b/.test(text.slice(s.end, s.end + 14)) ? s.ref : null;
  }
  return null;
}

function accepted(hit: TriggerHit, sources: ActorRef[], targets: ActorRef[]): boolean {
  // An accusation nobody makes ("France have been criticised") is a mood, not an act PLOVER codes.
  if (hit.entry.type === 'ACCUSE' && !sources.length) return false;
  switch (hit.entry.needs) {
    case 'none':
      return true;
    case 'source':
      return sources.length > 0;
    case 'target':
      return targets.length > 0;
    case 'both':
      return sources.length > 0 && targets.length > 0;
    default:
      return sources.length > 0 || targets.length > 0;
  }
}

/** A visit whose sentence writes no place ("heads to China for a summit") happens in the country visited, when one is. */
function visitedCountry(index: EntityIndexLocal, targets: ActorRef[]): PlaceDraft | null {
  const countries = targets.filter((t) => t.kind === 'country');
  if (countries.length !== 1) return null;
  const name = (countries[0] as { country: string }).country;
  return index.places.find((p) => p.kind === 'COUNTRY' && p.name === name) ?? null;
}

/** Triggers with their sentence, minus those the text rules out before any role is read. */
function triggersInSentences(input: EventInput): { hit: TriggerHit; sentence: Sentence }[] {
  const { text, sentences } = input;
  const out: { hit: TriggerHit; sentence: Sentence }[] = [];
  // One trigger per word: the first of its entries that the sentence does not rule out.
  let taken = -1;
  for (const hit of findTriggers(text)) {
    if (hit.start === taken) continue;
    const sentence = sentences[firstEndingAfter(sentences, hit.start)];
    if (!sentence || sentence.start > hit.start) continue;
    const e = hit.entry;
    // The cheapest and most selective tests first: most hits of common heads ("against") fail their context.
    if (e.context && !e.context.test(sentence.text)) continue;
    if (e.notContext && e.notContext.test(sentence.text)) continue;
    // (A disaster a speaker names with its place happened all the same: "events … like the flooding in Louisiana";
    // "an information-age tsunami out there" is a figure of speech.)
    if (input.quoted?.some((q) => hit.start >= q.start && hit.start < q.end) && !(e.type === 'DISASTER' && PLACED_AFTER.test(text.slice(hit.end, hit.end + 40)))) continue;
    // A capitalised trigger inside a sentence is part of a name ("Commission on Presidential Debates").
    if (hit.start > sentence.start && !e.nameEnd && isUpper(text.charCodeAt(hit.start)) && !/[“"‘(]\s*$/.test(text.slice(hit.start - 2, hit.start))) continue;
    const lead = text.slice(Math.max(sentence.start, hit.start - 40), hit.start);
    if (e.notBefore && e.notBefore.test(lead)) continue;
    // What did not happen is no event ("she did not meet the threshold", "avoids condemning").
    // (A decision not to prosecute is itself the event its entry reads: mode no_charge.)
    if (e.type !== 'REJECT' && e.mode !== 'no_charge' && NEGATED.test(lead)) continue;
    // A refusal is itself a negation ("refused to"), but one that did not happen is none ("has not ruled out").
    if (e.type === 'REJECT' && NOT.test(lead)) continue;
    // Nor what might happen ("if Trump is elected").
    if (MAYBE.test(lead) && CONDITIONAL.test(lead)) continue;
    if (!MODAL_EXEMPT.has(e.type) && (MODAL.test(lead) || (OPTION_TO.test(lead) && !EXERCISED.test(lead)))) continue;
    if (e.type !== 'REQUEST' && CALLED_FOR.test(lead)) continue;
    if (e.type !== 'REQUEST' && calledOn(text, Math.max(sentence.start, hit.start - 90), hit.start)) continue;
    // "the Supreme Court blocked": the name is the source, the verb after it the trigger.
    taken = hit.start;
    if (e.nameEnd) {
      const verb = text.indexOf(' ', hit.start) + 1;
      out.push({ hit: { ...hit, start: verb }, sentence });
    } else out.push({ hit, sentence });
  }
  return out;
}

/**
 * Typed events with who did what to whom: trigger words from the lexicons (lexicon-*.ts), their
 * source and target read around the trigger (roles.ts), date and place from the sentence, then
 * repeated mentions of one event merged (merge-events.ts).
 */
export function findTypedEvents(input: EventInput): TypedEventDraft[] {
  const { text, sentences, index } = input;
  const found = triggersInSentences(input);
  const speech = disparagingStatements(text, input.statements ?? []);
  if (!found.length && !speech.length) return [];
  const ranges = [...new Set([...found.map((f) => f.sentence), ...speech.map((s) => s.sentence)])].sort((a, b) => a.start - b.start);
  const spans: ActorSpan[] = actorSpans(text, index, ranges);
  const datesOf = sentenceDates(text, input.published);
  const company = headlineCompany(input.title);
  const out: TypedEventDraft[] = [];
  let lastEnd = -1;
  for (const { hit, sentence } of found) {
    if (hit.start < lastEnd) continue;
    const e = hit.entry;
    const lo = firstEndingAfter(spans, sentence.start);
    let hi = lo;
    while (hi < spans.length && spans[hi].start < sentence.end) hi++;
    const roles = assignRoles(text, sentence, hit, e, spans, lo, hi);
    // A kind of thing or body is no party ("railed against super PACs", "the two DJs were sacked", "SUVs … sold"): the
    // side it held is unnamed, and an event needing that side is none (actors.ts).
    if (roles.sources.some(isKindPlural) || roles.targets.some(isKindPlural)) {
      roles.sources = roles.sources.filter((r) => !isKindPlural(r));
      roles.targets = roles.targets.filter((r) => !isKindPlural(r));
    }
    // Nature is nobody: the name before "the Asian tsunami" is whoever the sentence is about ("Gordon Brown … tsunami
    // relief"), not a doer (what it hits, "the earthquake in Chile", stays its target).
    if (e.type === 'DISASTER') roles.sources = [];
    // Words attack people and bodies; "criticized … the North American Free Trade Agreement" criticises a policy, which PLOVER does not code.
    if (e.type === 'ACCUSE') roles.targets = roles.targets.filter((t) => !DOCUMENT.test(refName(t)));
    // A news agency reports, it does not act: "New York (AFP) – Vice President Joe Biden … accusing", "He told Reuters
    // proposals … were unacceptable", "exit polls conducted for the Associated Press"; it is a party only to its own
    // lawsuits ("documents the AP got after suing the State Department").
    if (e.mode !== 'lawsuit') {
      roles.sources = roles.sources.filter((r) => !NEWS_AGENCY.test(refName(r)));
      roles.targets = roles.targets.filter((r) => !NEWS_AGENCY.test(refName(r)));
    }
    // A target named by the first words of a source's name is that source again ("Schult Homes Corp … the acquisition of
    // Schult", "Piedmont Aviation Inc said its board meeting … to combine Piedmont"): no one acts on themselves.
    roles.targets = roles.targets.filter((t) => !roles.sources.some((r) => namesLeadOf(refName(t), refName(r))));
    // A country reports no company's results or bids ("India's biggest carmaker Maruti has reported …", "It added its bid",
    // an "it" read as the country most named): its name is the company's setting, not the company.
    if (e.companySource || (e.mode && (COMPANY_MODES.has(e.mode) || e.mode === 'dividend'))) roles.sources = roles.sources.filter((r) => r.kind !== 'country');
    if ((e.mode === 'results' || e.mode === 'dividend') && !roles.sources.length && company) roles.sources.push({ kind: 'group', name: company });
    // Results are a company's ("Trump had claimed a loss of $916 million" is his tax return, not a company's results).
    // So are bids and products: a person's "bid" is for office ("Rubio … ended his
    // bid"), a person's "takeover" a figure of speech, a person's "version" of a plan a policy.
    if ((e.companySource || (e.mode && COMPANY_MODES.has(e.mode))) && roles.sources.some((r) => r.kind === 'person')) continue;
    // A person who "bought" land, a property or "a forest preserve in Belize" made a private purchase; a
    // person's acquisition is a company deal only when what they bought is a company.
    if (e.mode === 'acquisition' && e.type === 'BUSINESS' && roles.sources.length && roles.sources.every((r) => r.kind === 'person') && roles.targets.every((t) => t.kind === 'country')) continue;
    // "Calny Inc said M. Hal Taylor has been named president": wire copy's company announcing its own officer appoints them.
    if (e.type === 'APPOINTMENT' && !roles.sources.length) {
      const announcer = announcingCompany(text, sentence, spans, lo, hi, hit.start);
      if (announcer && !roles.targets.some((t) => actorId(t) === actorId(announcer))) roles.sources.push(announcer);
    }
    if (e.type === 'RESIGNATION') {
      // "accepted the resignation of President James Phalan": who resigns follows "of"; the clause's subject is the body left.
      if (/^(?:resignation|retirement)$/i.test(text.slice(hit.start, hit.end)) && /^\s+of\s/.test(text.slice(hit.end, hit.end + 5)) && roles.targets.some((t) => t.kind === 'person')) {
        const resigner = roles.targets.filter((t) => t.kind === 'person');
        [roles.sources, roles.targets] = [resigner, roles.sources.filter((r) => r.kind !== 'person')];
      }
      // "P.A.M. Transportation Services Inc said president … Robert Weaver resigned": wire copy's company
      // announcing its own officer's resignation is the body left, as it is the one appointing for an appointment.
      if (!roles.targets.length && roles.sources.length) {
        const announcer = announcingCompany(text, sentence, spans, lo, hi, hit.start);
        if (announcer && !roles.sources.some((r) => actorId(r) === actorId(announcer))) roles.targets.push(announcer);
      }
    }
    const trigger: Mention = { start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end) };
    // "The meeting will be …", "the Hanoi summit": a definite meeting without its two parties is the
    // article's last one (of the same mode if there is one), named again.
    if (e.type === 'CONSULT' && !roles.targets.length && DEFINITE.test(text.slice(Math.max(sentence.start, hit.start - 30), hit.start))) {
      const date = eventDate(text, datesOf(sentence), sentence, hit);
      const place = eventPlace(text, index, sentence, hit);
      const fits = (x: TypedEventDraft) => x.type === 'CONSULT' && placesCompatible(x.place?.name ?? null, place?.name ?? null) && datesCompatible(x.date, date);
      // An apposition ("the Hanoi summit, the second meeting of its kind") names the event just before it.
      const prev = findLast(out, (x) => fits(x) && x.sentences.includes(sentence)) ?? findLast(out, (x) => fits(x) && x.mode === e.mode) ?? findLast(out, fits);
      if (prev) {
        attachMention(prev, trigger, sentence, date, place);
        continue;
      }
    }
    // "the downgrade", "the contempt citation": other definite events without a target name the last one of their type
    // in the same sentence, or of their type and mode before (speech acts are each their own).
    else if (!SPEECH_ACTS.has(e.type) && e.type !== 'CONSULT' && !roles.targets.length && DEFINITE.test(text.slice(Math.max(sentence.start, hit.start - 30), hit.start))) {
      const prev = findLast(out, (x) => x.type === e.type && x.sentences.includes(sentence)) ?? findLast(out, (x) => x.type === e.type && x.mode === e.mode);
      if (prev) {
        attachMention(prev, trigger, sentence, eventDate(text, datesOf(sentence), sentence, hit), eventPlace(text, index, sentence, hit));
        continue;
      }
    }
    // "attacked her opponent … during the first presidential debate": a mutual occasion named as the setting of an act
    // done to someone is held between the act's parties, when its own sentence names no other.
    if (e.symmetric && roles.sources.length && !roles.targets.length && OCCASION_OF.test(text.slice(Math.max(sentence.start, hit.start - 40), hit.start))) {
      const ids = new Set(roles.sources.map(actorId));
      // (Not an office left or given: "accepted the resignation of President James Phalan" is the board's.)
      const act = findLast(out, (x) => x.sentence === sentence && x.type !== 'RESIGNATION' && x.type !== 'APPOINTMENT' && x.targets.length > 0 && x.sources.some((r) => ids.has(actorId(r))));
      if (act) roles.targets = act.targets.filter((t) => !ids.has(actorId(t)));
    }
    if (e.authoritySource && !roles.sources.every((r) => r.kind === 'country' || AUTHORITY.test(refName(r)))) continue;
    if (!accepted(hit, roles.sources, roles.targets)) continue;
    lastEnd = hit.end;
    // An agreement between companies is a company deal (the ontology's BUSINESS), not PLOVER's AGREE between governments.
    // A contest won or lost at the polls is an election, not a match ("Clinton defeated Sanders … in the Arizona
    // primary", "Mr. Trump was defeated in the Iowa caucuses"), when nothing in the sentence is sport.
    const [type, mode] =
      e.type === 'AGREE' && isCompanyDeal(roles.sources, roles.targets) ? (['BUSINESS', 'deal'] as const)
      : e.type === 'SPORT' && ELECTORAL.test(sentence.text) && !SPORT_WORDS.test(sentence.text) ? (['ELECTION', null] as const)
      : [e.type, e.mode];
    const both = roles.sources.length > 0 && roles.targets.length > 0;
    out.push({
      type,
      mode,
      symmetric: !!e.symmetric,
      sources: roles.sources,
      targets: roles.targets,
      trigger,
      sentence,
      mentions: [trigger],
      sentences: [sentence],
      date: eventDate(text, datesOf(sentence), sentence, hit),
      place: eventPlace(text, index, sentence, hit) ?? (e.mode === 'visit' ? visitedCountry(index, roles.targets) : null),
      confidence: Math.min(0.9, (e.confidence ?? 0.6) + (both ? 0.15 : 0)),
    });
  }
  for (const s of speech) {
    const a = accusationOf(text, s, spans);
    if (!a || out.some((e) => e.type === 'ACCUSE' && e.sentence === a.sentence)) continue;
    const trigger: Mention = { ...a.trigger, text: text.slice(a.trigger.start, a.trigger.end) };
    const [sources, targets] = [withStates([a.source]), withStates([a.target])];
    out.push({ type: 'ACCUSE', mode: null, symmetric: false, sources, targets: targets.filter((t) => !sources.some((x) => actorId(x) === actorId(t))), trigger, sentence: a.sentence, mentions: [trigger], sentences: [a.sentence], date: eventDate(text, datesOf(a.sentence), a.sentence, trigger), place: null, confidence: 0.5 });
  }
  out.sort((x, y) => x.trigger.start - y.trigger.start);
  return mergeEvents(out);
}
