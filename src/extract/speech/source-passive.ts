import type { Span } from '../../ingest/types.ts';
import type { Sentence } from '../sentences.ts';
import type { Reported } from './reported.ts';

// A cue in the passive ("Activision is said to be …", "The government has been accused of …",
// "Mr Blair was asked …") names as its subject who is talked about, not who speaks: the speaker is the
// agent after "by", if the text gives one, else no one. So is the subject "it" of "it is expected
// that …". On PolNeAR train 182 of 222 passive cues have no gold source and 26 have one after the cue;
// the 14 written before it are stances ("is likely to", "is set to"), which are not listed here.

const PARTICIPLE = 'said|thought|believed|understood|named|accused|reported|known|seen|considered|described|told|asked|urged|criticised|criticized|called|rumoured|rumored|tipped|alleged|estimated|forecast|projected|viewed|regarded|deemed|charged|blamed|credited|praised|cited|warned|invited|pressed|questioned|challenged|quoted';
const PASSIVE = new RegExp(`\\b(?:is|are|was|were|be|been|being)\\s+(?:[a-z]+ly\\s+)?(?:${PARTICIPLE})\\b(?!\\s+as\\s+say)`, 'i');
/** "It is expected/thought/likely that …": no one is the subject. */
const EXPLETIVE = /\b[Ii]t\s+(?:(?:is|was|has\s+been|had\s+been|will\s+be)\s+(?:[a-z]+ly\s+)?(?:expected|thought|believed|understood|likely|unlikely|possible|clear|said|reported|known|feared|hoped|rumoured|rumored|suggested|claimed|estimated|argued|alleged|announced|revealed|confirmed|decided|agreed|stated)|(?:seems|seemed|appears|appeared|emerged|transpired|turns\s+out|turned\s+out|remains|remained))\b/;
const BY = /^\s*(?:[a-z]+ly\s+)?by\s+(?:the\s+)?/i;

/**
 * Cues that report an act, not a statement ("BA currently operates four flights", "Profits rose",
 * "Chelsea beat Barcelona"): read on BBC, where the learned cue tagger finds them among statements;
 * their subject is not a speaker. Acts PolNeAR counts as speech ("went on to", "made clear", "took
 * issue with", "began his speech", "posted on Twitter", "launched an attack") are not listed: on
 * held-out train they cost 47 right speakers, and 10-fold cross-validation 0.006 all speaker F1.
 */
const ACT = /^(?:starred|starring|won|wins|sacked|produced|quit|dropped|died|secured|awarded|collaborated|worked|performed|scheduled|operates|operate|operated|beat|scored|sold|acquired|merged|lost|fell|slipped|climbed|bid)$/;
const NOT_HEAD = /^(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|should|do|does|did|not|also|still|just|now|then|already|never|always|only|even|again|currently|once|often|later|earlier|recently|to)$/;

/** Whether the cue's first word that is not an auxiliary or adverb names an act (ACT). */
export function actCue(cue: string): boolean {
  for (const w of cue.toLowerCase().match(/[a-z’'-]+/g) ?? []) if (!NOT_HEAD.test(w) && !w.endsWith('ly')) return ACT.test(w);
  return false;
}

/** Where the `n` words before `to` start (a scan, not an end-anchored pattern: this runs per statement). */
function wordsBack(text: string, from: number, to: number, n: number): number {
  let i = to;
  for (let k = 0; k < n && i > from; k++) {
    while (i > from && /\s/.test(text[i - 1])) i--;
    while (i > from && !/\s/.test(text[i - 1])) i--;
  }
  return i;
}

/**
 * undefined when the cue is active; else the agent of the passive ("was named by Forbes": Forbes), or
 * null. `namedIn` finds the name opening a stretch of text (statements.ts).
 */
export function passiveSource(text: string, sent: Sentence, r: Reported, namedIn: (from: number, to: number) => Span | null): Span | null | undefined {
  // The cue and the three words before it: the auxiliary may lie outside the learned cue.
  const lead = text.slice(wordsBack(text, Math.max(sent.start, r.cue.start - 60), r.cue.start, 3), r.cue.start);
  const phrase = lead + text.slice(r.cue.start, r.cue.end);
  if (actCue(text.slice(r.cue.start, r.cue.end))) return null;
  const m = PASSIVE.exec(phrase) ?? EXPLETIVE.exec(phrase);
  // The participle must be the cue's ("was accused" of a cue "accused"), not a word before it.
  if (!m || m.index + m[0].length <= lead.length) return undefined;
  const cueText = text.slice(r.cue.start, r.cue.end);
  const by = / by$/i.test(cueText) ? r.cue.end : (() => {
    const b = BY.exec(text.slice(r.cue.end, Math.min(sent.end, r.cue.end + 30)));
    return b ? r.cue.end + b[0].length : -1;
  })();
  if (by < 0) return null;
  // The noun phrase after "by" ("by many Wall Street players", "by the United States Anti-Doping
  // Agency": the resolver finds the name inside it), else a name opening what follows.
  const np = AGENT.exec(text.slice(by, sent.end));
  if (np && np[0].split(/\s+/).length <= 8) return { start: by, end: by + np[0].replace(/[.]+$/, '').length };
  return namedIn(by, sent.end);
}

/** An agent's words: up to punctuation or a word that opens what follows it. */
const AGENT = /^[\p{L}\d’'&.-]+(?:\s+(?!(?:for|over|after|to|in|at|on|because|as|than|that|who|which|when|while|and|but|with|of|why|what|how|whether|if)\b)[\p{L}\d’'&.-]+)*/u;
