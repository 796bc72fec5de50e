import type { Span } from '../ingest/types.ts';

export interface Sentence extends Span {
  text: string;
  paragraph: number;
}

const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Rev|St|Sen|Rep|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|Inc|Ltd|Co|Corp|Jr|Sr)|\b[A-Z]|\b(?:U\.S|U\.K|U\.N|E\.U))\.$/;
/**
 * Abbreviations that also end sentences ("… in the U.S. He said", "… Fruehauf Corp. He did"): their
 * full stop ends the sentence when the next word can only open one (a pronoun, article or
 * connective), never before a name ("U.S. Army", "Corp. Chairman").
 */
const SENTENCE_FINAL_ABBREVIATIONS = /\b(?:U\.S|U\.K|U\.N|E\.U|etc|Inc|Ltd|Co|Corp|Jr|Sr)\.$/;
// The word after the opener is in lower case (or a number): in a title-case headline ("… To Enter U.S.
// As Refugees") every word is capitalised and nothing ends there.
const SENTENCE_OPENER = /^(?:He|She|It|They|We|I|You|The|But|This|That|These|Those|There|His|Her|Its|Their|Our|An|If|When|As|So|Yet|However|Meanwhile|In),?\s+[\p{Ll}\d]/u;

/** An abbreviation's full stop at `stop` that still ends its sentence: see SENTENCE_FINAL_ABBREVIATIONS. */
function endsSentence(text: string, stop: number, next: number, from: number): boolean {
  return SENTENCE_FINAL_ABBREVIATIONS.test(text.slice(Math.max(from, stop - 6), stop + 1)) && SENTENCE_OPENER.test(text.slice(next, next + 14));
}

const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;
const STRAIGHT_DOUBLE = 34;
/** . ! ? */
const isStop = (c: number) => c === 46 || c === 33 || c === 63;
/** What may close a sentence after its stop: " ” ’ ) ] */
const closesSentence = (c: number) => c === 34 || c === RIGHT_DOUBLE || c === 0x2019 || c === 41 || c === 93;
/** What may open the next one: " “ ‘ ( A–Z 0–9 */
const opensSentence = (c: number) => c === 34 || c === LEFT_DOUBLE || c === 0x2018 || c === 40 || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * Splits each paragraph into sentences without breaking inside an open double quote, so that a
 * multi-sentence quotation stays with its attribution.
 */
export function splitSentences(text: string, paragraphs: Span[]): Sentence[] {
  const out: Sentence[] = [];
  // Characters by code (a string per character and a pattern per quote were most of the cost).
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi];
    let start = p.start;
    let depth = 0;
    let straightOpen = false;
    for (let i = p.start; i < p.end; i++) {
      const ch = text.charCodeAt(i);
      let closedAfterStop = false;
      if (ch === LEFT_DOUBLE) depth++;
      else if (ch === RIGHT_DOUBLE) {
        depth = Math.max(0, depth - 1);
        closedAfterStop = depth === 0 && isStop(text.charCodeAt(i - 1));
      } else if (ch === STRAIGHT_DOUBLE) {
        straightOpen = !straightOpen;
        closedAfterStop = !straightOpen && isStop(text.charCodeAt(i - 1));
      }
      // A sentence also ends at a closing quote after a full stop: “… we have found.” He added, …
      if ((isStop(ch) && depth === 0 && !straightOpen) || closedAfterStop) {
        let j = i + 1;
        while (j < p.end && closesSentence(text.charCodeAt(j))) j++;
        if (j >= p.end) break;
        if (text.charCodeAt(j) !== 32) continue;
        let k = j;
        while (k < p.end && text.charCodeAt(k) === 32) k++;
        if (k >= p.end || !opensSentence(text.charCodeAt(k))) continue;
        if (ch === 46 && ABBREVIATIONS.test(text.slice(Math.max(p.start, i - 6), i + 1)) && !endsSentence(text, i, k, p.start)) continue;
        out.push({ start, end: j, text: text.slice(start, j), paragraph: pi });
        start = k;
        i = k - 1;
      }
    }
    if (start < p.end) out.push({ start, end: p.end, text: text.slice(start, p.end), paragraph: pi });
  }
  return out;
}
