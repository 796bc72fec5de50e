import type { ParsedArticle, Span } from '../ingest/types.ts';
import { splitSentences } from '../extract/sentences.ts';
import type { EventActor, EventKind, Extraction } from '../extract/types.ts';
import { EVENT_TYPES as ONTOLOGY_TYPES } from '../extract/events/ontology.ts';

/**
 * Scoring extracted events against the events gold (tests/fixtures/events-gold/, issue 16).
 *
 * Matching rule. A predicted event matches a gold event of the same article when
 *  - the types are equal, and
 *  - every side the gold fills agrees: at least one gold source actor is among the predicted
 *    sources, and at least one gold target actor among the predicted targets. A side the gold leaves
 *    empty is not checked: one-sided events (ELECTION, DISASTER, a company's results or bankruptcy,
 *    an arrest by unnamed police) need only the side the gold names. For a `symmetric` gold event
 *    (a meeting, talks, a match) the two sides may be swapped.
 *  - A gold event with no actor at all (an election, a disaster, a protest by unnamed crowds) needs
 *    instead a predicted mention inside the sentence holding the gold trigger, or the same place.
 * Actors agree when one of the gold names (alternatives separated by `|`) equals, after
 * normalisation (case, accents, curly apostrophes, a leading "the", punctuation), the predicted
 * actor's name or one of its aliases.
 * Pairs are matched one-to-one, greedily: the pair with the most agreeing actors first, then the
 * one whose predicted mentions lie in the gold trigger's sentence, then by distance to the trigger.
 *
 * On the matched pairs: mode agreement (gold mode set: equal modes), date agreement (gold date set:
 * same precision and the same start and end; also reported: the precision alone), place agreement (gold place set: the predicted place's
 * name or an alias equals it, or all the words of the one are words of the other), statement-link
 * recall (gold statement links, matched event or not, whose span is half covered by a statement
 * the predicted event links).
 */

/** The ontology's types (src/extract/events/ontology.ts): the gold and the extractor share one list. */
export const EVENT_TYPES = ONTOLOGY_TYPES;
export type { EventType } from '../extract/events/ontology.ts';
import type { EventType } from '../extract/events/ontology.ts';
export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR', 'RANGE', 'ON_OR_BEFORE'] as const;
export type GoldPrecision = (typeof DATE_PRECISIONS)[number];

export interface EventDate {
  precision: GoldPrecision;
  /** ISO date; null for ON_OR_BEFORE. */
  start: string | null;
  end: string;
}

export interface GoldEvent {
  id: string;
  type: EventType;
  mode: string | null;
  /** Actor names; alternatives of one actor separated by `|`. */
  sources: string[];
  targets: string[];
  symmetric?: boolean;
  trigger: Span & { text: string };
  date: EventDate | null;
  place: string | null;
  statements: Span[];
}

export interface GoldDoc {
  doc: string;
  publishedAt: string | null;
  events: GoldEvent[];
}

export interface GoldFile {
  part: string;
  version: number;
  docs: GoldDoc[];
}

export interface Actor {
  name: string;
  aliases: string[];
}

/** An event as a system predicts it, in the gold's terms. */
export interface PredictedEvent {
  type: EventType;
  mode: string | null;
  sources: Actor[];
  targets: Actor[];
  date: EventDate | null;
  place: Actor | null;
  /** Evidence in the text (trigger or event mentions). */
  mentions: Span[];
  /** Content spans of the statements linked to the event. */
  statements: Span[];
}

/**
 * Today's eight kinds in the new ontology, the simplest honest way: the four diplomatic kinds are
 * CONSULT with that mode, a weapons test or a missile/rocket launch is MOBILIZE/weapons_test, and
 * ANNOUNCEMENT and OTHER have no type (an announcement is a statement, not an event) and are left out.
 */
export const BASELINE_KIND_MAP: Record<EventKind, { type: EventType; mode: string } | null> = {
  MEETING: { type: 'CONSULT', mode: 'meeting' },
  SUMMIT: { type: 'CONSULT', mode: 'summit' },
  TALKS: { type: 'CONSULT', mode: 'talks' },
  VISIT: { type: 'CONSULT', mode: 'visit' },
  WEAPONS_TEST: { type: 'MOBILIZE', mode: 'weapons_test' },
  LAUNCH: { type: 'MOBILIZE', mode: 'weapons_test' },
  ANNOUNCEMENT: null,
  OTHER: null,
};

/**
 * The extraction as predicted events: the typed events with their sources and targets (an actor's
 * name and aliases are those of the person or organisation it is, so "Pyongyang" can match North
 * Korea), their date and place, mentions, and the statements linked to them. Events without a type
 * (hand-built, or from an extractor before the ontology) are mapped by `BASELINE_KIND_MAP` with
 * every participant as a source.
 */
export function predictedFromExtraction(x: Extraction): PredictedEvent[] {
  const people = new Map(x.people.map((p) => [p.key, p]));
  const orgs = new Map(x.organizations.map((o) => [o.key, o]));
  const places = new Map(x.places.map((p) => [p.key, p]));
  const actorOf = (a: EventActor): Actor => {
    const e = a.key ? (a.type === 'person' ? people.get(a.key) : orgs.get(a.key)) : undefined;
    const written = a.written ? [a.written] : [];
    return e ? { name: e.name, aliases: [...e.aliases, ...written] } : { name: a.name, aliases: written };
  };
  const out: PredictedEvent[] = [];
  for (const e of x.events) {
    const mapped = e.type ? { type: e.type, mode: e.mode ?? null } : BASELINE_KIND_MAP[e.kind];
    if (!mapped) continue;
    let sources: Actor[];
    let targets: Actor[] = [];
    if (e.type && e.sources && e.targets) {
      sources = e.sources.map(actorOf);
      targets = e.targets.map(actorOf);
    } else {
      sources = [];
      for (const k of e.participantKeys) {
        const p = people.get(k);
        if (p) sources.push({ name: p.name, aliases: p.aliases });
      }
      for (const k of e.organizationKeys) {
        const o = orgs.get(k);
        if (o) sources.push({ name: o.name, aliases: o.aliases });
      }
    }
    const place = e.placeKey ? places.get(e.placeKey) : undefined;
    let date: EventDate | null = null;
    if (e.precision === 'ON_OR_BEFORE' && e.endDate) date = { precision: 'ON_OR_BEFORE', start: null, end: e.endDate };
    else if (e.precision && e.startDate) date = { precision: e.precision, start: e.startDate, end: e.endDate ?? e.startDate };
    const linked = e.statementIndexes ? e.statementIndexes.map((i) => x.statements[i]).filter(Boolean) : x.statements.filter((s) => s.eventKey === e.key);
    out.push({
      type: mapped.type,
      mode: mapped.mode,
      sources,
      targets,
      date,
      place: place ? { name: place.name, aliases: place.aliases } : null,
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end })),
      statements: linked.map((s) => ({ start: s.start, end: s.end })),
    });
  }
  return out;
}

/** Name normalisation for actor and place matching. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

const forms = (a: Actor): Set<string> => new Set([a.name, ...a.aliases].map(normaliseName).filter(Boolean));
const goldForms = (g: string): string[] => g.split('|').map(normaliseName).filter(Boolean);

/** Whether the gold actor (alternatives separated by `|`) is the predicted actor. */
export function actorMatches(gold: string, pred: Actor): boolean {
  const f = forms(pred);
  return goldForms(gold).some((g) => f.has(g));
}

function sideAgrees(gold: string[], pred: Actor[]): number {
  if (!gold.length) return 0;
  return gold.filter((g) => pred.some((p) => actorMatches(g, p))).length;
}

/** Number of agreeing gold actors when the pair matches on actors, or -1 when it does not. */
export function actorAgreement(g: Pick<GoldEvent, 'sources' | 'targets' | 'symmetric'>, p: Pick<PredictedEvent, 'sources' | 'targets'>): number {
  const orient = (src: string[], tgt: string[]) => {
    const s = sideAgrees(src, p.sources);
    const t = sideAgrees(tgt, p.targets);
    if ((src.length && !s) || (tgt.length && !t)) return -1;
    return s + t;
  };
  const straight = orient(g.sources, g.targets);
  return g.symmetric ? Math.max(straight, orient(g.targets, g.sources)) : straight;
}

export function placeMatches(gold: string, pred: Actor | null): boolean {
  if (!pred) return false;
  const words = (s: string) => s.split(' ').filter(Boolean);
  return goldForms(gold).some((g) =>
    [...forms(pred)].some((p) => {
      if (g === p) return true;
      const [a, b] = words(g).length <= words(p).length ? [words(g), new Set(words(p))] : [words(p), new Set(words(g))];
      return a.length > 0 && a.every((w) => b.has(w));
    }),
  );
}

export function datesAgree(gold: EventDate, pred: EventDate | null): boolean {
  if (!pred || pred.precision !== gold.precision) return false;
  return pred.end === gold.end && (gold.precision === 'ON_OR_BEFORE' || pred.start === gold.start);
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** A gold statement span counts as linked when one predicted span covers at least half of the shorter of the two. */
export function statementCovered(gold: Span, preds: Span[]): boolean {
  return preds.some((p) => overlap(gold, p) >= Math.min(gold.end - gold.start, p.end - p.start) / 2 && overlap(gold, p) > 0);
}

export interface Ratio {
  agree: number;
  of: number;
}

export interface DocScore {
  doc: string;
  gold: number;
  predicted: number;
  matched: number;
  mode: Ratio;
  date: Ratio;
  /** Gold-dated pairs whose predicted date has the gold's precision (whatever its value). */
  datePrecision: Ratio;
  place: Ratio;
  statements: Ratio;
  /** Of the statements linked to matched predicted events, those the paired gold event also links. */
  statementPrecision: Ratio;
  byType: Record<string, { gold: number; predicted: number; matched: number }>;
  pairs: { gold: GoldEvent; predicted: PredictedEvent }[];
  missed: GoldEvent[];
  spurious: PredictedEvent[];
}

/**
 * Role-blind agreement, a diagnostic only: at least one gold actor (of either side) among the
 * predicted actors (of either side), or -1.
 */
export function anyRoleAgreement(g: Pick<GoldEvent, 'sources' | 'targets'>, p: Pick<PredictedEvent, 'sources' | 'targets'>): number {
  const n = sideAgrees([...g.sources, ...g.targets], [...p.sources, ...p.targets]);
  return n > 0 ? n : -1;
}

/**
 * Scores one article's predicted events against its gold events. `article` locates the gold
 * trigger's sentence. `rule: 'any-role'` is the role-blind diagnostic (see `anyRoleAgreement`).
 */
export function scoreEventsDocument(gold: GoldDoc, predicted: PredictedEvent[], article?: Pick<ParsedArticle, 'text' | 'paragraphs'>, rule: 'roles' | 'any-role' = 'roles'): DocScore {
  const sentences = article ? splitSentences(article.text, article.paragraphs) : [];
  const sentenceOf = (s: Span): Span => sentences.find((x) => x.start <= s.start && s.start < x.end) ?? { start: s.start, end: s.end };
  type Cand = { gi: number; pi: number; actors: number; inSentence: boolean; distance: number };
  const cands: Cand[] = [];
  gold.events.forEach((g, gi) => {
    const sentence = sentenceOf(g.trigger);
    predicted.forEach((p, pi) => {
      if (p.type !== g.type) return;
      const inSentence = p.mentions.some((m) => overlap(m, sentence) > 0);
      const distance = p.mentions.length ? Math.min(...p.mentions.map((m) => Math.abs(m.start - g.trigger.start))) : Number.MAX_SAFE_INTEGER;
      let actors: number;
      if (!g.sources.length && !g.targets.length) {
        if (!inSentence && !(g.place && placeMatches(g.place, p.place))) return;
        actors = 0;
      } else {
        actors = rule === 'roles' ? actorAgreement(g, p) : anyRoleAgreement(g, p);
        if (actors < 0) return;
      }
      cands.push({ gi, pi, actors, inSentence, distance });
    });
  });
  cands.sort((a, b) => b.actors - a.actors || Number(b.inSentence) - Number(a.inSentence) || a.distance - b.distance || a.gi - b.gi || a.pi - b.pi);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: DocScore['pairs'] = [];
  for (const c of cands) {
    if (usedG.has(c.gi) || usedP.has(c.pi)) continue;
    usedG.add(c.gi);
    usedP.add(c.pi);
    pairs.push({ gold: gold.events[c.gi], predicted: predicted[c.pi] });
  }
  const mode: Ratio = { agree: 0, of: 0 };
  const date: Ratio = { agree: 0, of: 0 };
  const datePrecision: Ratio = { agree: 0, of: 0 };
  const place: Ratio = { agree: 0, of: 0 };
  for (const { gold: g, predicted: p } of pairs) {
    if (g.mode) {
      mode.of++;
      if (p.mode === g.mode) mode.agree++;
    }
    if (g.date) {
      date.of++;
      datePrecision.of++;
      if (datesAgree(g.date, p.date)) date.agree++;
      if (p.date?.precision === g.date.precision) datePrecision.agree++;
    }
    if (g.place) {
      place.of++;
      if (placeMatches(g.place, p.place)) place.agree++;
    }
  }
  const statements: Ratio = { agree: 0, of: 0 };
  for (const g of gold.events) {
    const p = pairs.find((x) => x.gold === g)?.predicted;
    for (const s of g.statements) {
      statements.of++;
      if (p && statementCovered(s, p.statements)) statements.agree++;
    }
  }
  const statementPrecision: Ratio = { agree: 0, of: 0 };
  for (const { gold: g, predicted: p } of pairs) {
    for (const s of p.statements) {
      statementPrecision.of++;
      if (statementCovered(s, g.statements)) statementPrecision.agree++;
    }
  }
  const byType: DocScore['byType'] = {};
  const bump = (t: string, k: 'gold' | 'predicted' | 'matched') => {
    byType[t] ??= { gold: 0, predicted: 0, matched: 0 };
    byType[t][k]++;
  };
  for (const g of gold.events) bump(g.type, 'gold');
  for (const p of predicted) bump(p.type, 'predicted');
  for (const x of pairs) bump(x.gold.type, 'matched');
  return {
    doc: gold.doc,
    gold: gold.events.length,
    predicted: predicted.length,
    matched: pairs.length,
    mode,
    date,
    datePrecision,
    place,
    statements,
    statementPrecision,
    byType,
    pairs,
    missed: gold.events.filter((_, i) => !usedG.has(i)),
    spurious: predicted.filter((_, i) => !usedP.has(i)),
  };
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export function prf(matched: number, predicted: number, gold: number): Prf {
  const p = predicted ? matched / predicted : gold ? 0 : 1;
  const r = gold ? matched / gold : predicted ? 0 : 1;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f1 };
}

const ratio = (r: Ratio): number | null => (r.of ? r.agree / r.of : null);
const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

export interface EventsResult {
  docs: number;
  part: string;
  events: Prf;
  /** Agreement on matched pairs where the gold has a value; null when there is none. */
  mode: number | null;
  /** Value and precision; `datePrecision`, the precision alone. */
  date: number | null;
  datePrecision: number | null;
  place: number | null;
  /** Recall of the gold's statement links. */
  statements: number | null;
  /** Precision of the statement links of matched events. */
  statementPrecision: number | null;
}

export function sumScores(scores: DocScore[]) {
  const add = (k: 'mode' | 'date' | 'datePrecision' | 'place' | 'statements' | 'statementPrecision'): Ratio => ({ agree: scores.reduce((s, x) => s + x[k].agree, 0), of: scores.reduce((s, x) => s + x[k].of, 0) });
  return {
    gold: scores.reduce((s, x) => s + x.gold, 0),
    predicted: scores.reduce((s, x) => s + x.predicted, 0),
    matched: scores.reduce((s, x) => s + x.matched, 0),
    mode: add('mode'),
    date: add('date'),
    datePrecision: add('datePrecision'),
    place: add('place'),
    statements: add('statements'),
    statementPrecision: add('statementPrecision'),
  };
}

export function eventsResult(scores: DocScore[], part: string): EventsResult {
  const t = sumScores(scores);
  const e = prf(t.matched, t.predicted, t.gold);
  return {
    docs: scores.length,
    part,
    events: { p: round(e.p)!, r: round(e.r)!, f1: round(e.f1)! },
    mode: round(ratio(t.mode)),
    date: round(ratio(t.date)),
    datePrecision: round(ratio(t.datePrecision)),
    place: round(ratio(t.place)),
    statements: round(ratio(t.statements)),
    statementPrecision: round(ratio(t.statementPrecision)),
  };
}

const pct = (r: Ratio) => (r.of ? `${(r.agree / r.of).toFixed(3)} (${r.agree}/${r.of})` : '-');

/** The human-readable report: by corpus, by type, then agreement on matched events. */
export function eventsTable(scores: DocScore[]): string[] {
  const lines: string[] = [];
  const row = (label: string, s: DocScore[]) => {
    const t = sumScores(s);
    const e = prf(t.matched, t.predicted, t.gold);
    return `  ${label.padEnd(12)} ${String(s.length).padStart(4)} ${String(t.gold).padStart(5)} ${String(t.predicted).padStart(5)} ${String(t.matched).padStart(7)}   ${e.p.toFixed(3)} ${e.r.toFixed(3)} ${e.f1.toFixed(3)}`;
  };
  lines.push(`  ${'corpus'.padEnd(12)} ${'docs'.padStart(4)} ${'gold'.padStart(5)} ${'pred'.padStart(5)} ${'matched'.padStart(7)}   P     R     F1`);
  const corpora = [...new Set(scores.map((s) => s.doc.slice(0, s.doc.indexOf(':'))))];
  for (const c of corpora) lines.push(row(c, scores.filter((s) => s.doc.startsWith(`${c}:`))));
  lines.push(row('all', scores));
  lines.push('');
  lines.push(`  ${'type'.padEnd(12)} ${'gold'.padStart(5)} ${'pred'.padStart(5)} ${'matched'.padStart(7)}`);
  const types = new Map<string, { gold: number; predicted: number; matched: number }>();
  for (const s of scores)
    for (const [t, v] of Object.entries(s.byType)) {
      const x = types.get(t) ?? { gold: 0, predicted: 0, matched: 0 };
      types.set(t, { gold: x.gold + v.gold, predicted: x.predicted + v.predicted, matched: x.matched + v.matched });
    }
  for (const t of [...types.keys()].sort()) {
    const v = types.get(t)!;
    lines.push(`  ${t.padEnd(12)} ${String(v.gold).padStart(5)} ${String(v.predicted).padStart(5)} ${String(v.matched).padStart(7)}`);
  }
  const t = sumScores(scores);
  lines.push('');
  lines.push(`  on matched events: mode ${pct(t.mode)}, date ${pct(t.date)} (precision alone ${pct(t.datePrecision)}), place ${pct(t.place)}`);
  lines.push(`  statement links: recall ${pct(t.statements)}, precision on matched events ${pct(t.statementPrecision)}`);
  return lines;
}

/** Problems in a gold file against its articles (offsets outside the text, trigger text not at its offsets, unknown values). */
export function goldProblems(gold: GoldFile, articles: Map<string, Pick<ParsedArticle, 'text'>>): string[] {
  const problems: string[] = [];
  const types = new Set<string>(EVENT_TYPES);
  const precisions = new Set<string>(DATE_PRECISIONS);
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  for (const d of gold.docs) {
    const a = articles.get(d.doc);
    if (!a) {
      problems.push(`${d.doc}: article not found`);
      continue;
    }
    const inside = (s: Span) => Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= a.text.length;
    for (const e of d.events) {
      const where = `${d.doc} ${e.id}`;
      if (!types.has(e.type)) problems.push(`${where}: unknown type ${e.type}`);
      if (!inside(e.trigger)) problems.push(`${where}: trigger offsets outside the article`);
      else if (a.text.slice(e.trigger.start, e.trigger.end) !== e.trigger.text) problems.push(`${where}: trigger text "${e.trigger.text}" is not the article's text at its offsets`);
      if (e.trigger.text.trim().split(/\s+/).length > 5) problems.push(`${where}: trigger longer than five words`);
      for (const s of e.statements) if (!inside(s)) problems.push(`${where}: statement offsets outside the article`);
      if (e.date) {
        if (!precisions.has(e.date.precision)) problems.push(`${where}: unknown date precision ${e.date.precision}`);
        if (!iso.test(e.date.end) || (e.date.precision === 'ON_OR_BEFORE' ? e.date.start !== null : !iso.test(e.date.start ?? '') || e.date.start! > e.date.end)) problems.push(`${where}: bad date`);
      }
      if (![...e.sources, ...e.targets].every((x) => typeof x === 'string' && x.trim())) problems.push(`${where}: empty actor name`);
    }
  }
  return problems;
}
