import type { Span } from '../../ingest/types.ts';
import type { StatementDraft } from '../speech/draft.ts';
import { actorId, resolveAnaphor, type ActorRef, type ActorSpan } from './actors.ts';

// Words that make a statement about someone an attack on them ("Trump is reduced to taunts and
// insults", "the enforcement has been disastrous"): PLOVER codes such speech as ACCUSE. The words are
// the common vocabulary of political invective, not any article's.
const DISPARAGING = /(?<![-\w])(?:disastrous|hypocri(?:sy|tical|te)|insults?|taunts?|disrespect(?:ing|ed|ful)?|unfit|unqualified|reckless|fraud|liar|lies(?! (?:in|with|at|behind|ahead|within|on)\b)|lying|dishonest|incompeten(?:t|ce)|corrupt(?:ion)?|ploy|shameful|disgrace(?:ful)?|outrageous|irresponsible|scam|con artist|racist|bigot(?:ed|ry)?|trigger-happy|unstable|pathetic|betray(?:ed|al)?|gangster-like|hate(?! to\b)|crooked|shameless|appalling|deplorables?|disgusting|demagogue(?:ry)?|bull(?:y|ying|ied)|sexist|misogyn(?:ist|istic|y)|smears?|slander(?:ous)?|arrogan(?:t|ce)|dangerous)\b/i;

const DISPARAGING_ALL = new RegExp(DISPARAGING.source, 'gi');
const NEAR = 80;
// A denial is no accusation ("Donald is not a racist", "no-one felt Aragones was a racist", "neither corrupt nor unfair").
const DENIED = /(?:\b(?:not|never|no|neither|nor|no-one|nobody)|n[’']t)\s+(?!(?:just|only|merely)\b)(?:\S+\s+){0,4}$/i;
// Fraud and corruption named as a matter ("cases of reported fraud", "corruption in major sports") accuse nobody;
// a person called "a fraud" is accused.
const TOPIC = /^(?:fraud|corruption)$/i;
const PLACE_PREP = new Set(['in', 'of', 'at', 'near', 'from', 'across', 'throughout', 'inside']);

export interface SpeechAccusation {
  trigger: Span;
  sentence: StatementDraft['sentence'];
  source: ActorRef;
  target: ActorRef;
}

/** The statements, with a speaker, whose words disparage a named party other than the speaker. */
export function disparagingStatements(text: string, statements: StatementDraft[]): StatementDraft[] {
  return statements.filter((s) => s.speaker && s.spans.some((p) => DISPARAGING.test(text.slice(p.start, p.end))));
}

/**
 * Speech coded as an accusation: the speaker is the source; the target is the party the words
 * name nearest the disparaging word (a pronoun resolved as elsewhere), never the speaker. The trigger is the disparaging word.
 */
export function accusationOf(text: string, s: StatementDraft, spans: ActorSpan[]): SpeechAccusation | null {
  const speaker: ActorRef = s.speaker!.type === 'person' ? { kind: 'person', entity: s.speaker!.entity } : { kind: 'org', entity: s.speaker!.entity };
  let trigger: Span | null = null;
  for (const p of s.spans) {
    const part = text.slice(p.start, p.end);
    const re = DISPARAGING_ALL;
    re.lastIndex = 0;
    for (let m = re.exec(part); m && !trigger; m = re.exec(part)) {
      const lead = part.slice(Math.max(0, m.index - 40), m.index);
      if (DENIED.test(lead) || (TOPIC.test(m[0]) && !/\ba\s+$/i.test(lead))) continue;
      trigger = { start: p.start + m.index, end: p.start + m.index + m[0].length };
    }
  }
  if (!trigger) return null;
  // The party nearest the disparaging word ("North Korea claims were … gangster-like demands by the US": the US).
  let target: ActorRef | null = null;
  let distance = Infinity;
  for (const p of s.spans) {
    for (let i = 0; i < spans.length; i++) {
      const a = spans[i];
      if (a.start < p.start || a.end > p.end || a.modifier || a.placeOnly) continue;
      // "the disastrous war in Iraq", "unfit to be president of the United States": a country after a preposition is a place.
      if (a.ref.kind === 'country' && PLACE_PREP.has(a.prep)) continue;
      const ref = a.anaphor ? (a.anaphor === 'person' ? resolveAnaphor(spans, i, s.sentence.start, true) : null) : a.ref;
      const d = a.start >= trigger.end ? a.start - trigger.end : trigger.start - a.end;
      // A name far from the word is rarely whom it disparages ("power lies behind the camera … TV").
      if (ref && actorId(ref) !== actorId(speaker) && d < distance && d <= NEAR) {
        target = ref;
        distance = d;
      }
    }
  }
  return target ? { trigger, sentence: s.sentence, source: speaker, target } : null;
}
