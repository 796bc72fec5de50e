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

/**
 * Splits each paragraph into sentences without breaking inside an open double quote, so that a
 * multi-sentence quotation stays with its attribution.
 */
export function splitSentences(text: string, paragraphs: Span[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, pi) => {
    let start = p.start;
    let depth = 0;
    let straightOpen = false;
    for (let i = p.start; i < p.end; i++) {
      const ch = text[i];
      let closedAfterStop = false;
      if (ch === '“') depth++;
      else if (ch === '”') {
        depth = Math.max(0, depth - 1);
        closedAfterStop = depth === 0 && /[.!?]/.test(text[i - 1] ?? '');
      } else if (ch === '"') {
        straightOpen = !straightOpen;
        closedAfterStop = !straightOpen && /[.!?]/.test(text[i - 1] ?? '');
      }
      // A sentence also ends at a closing quote after a full stop: “… we have found.” He added, …
      if (((ch === '.' || ch === '!' || ch === '?') && depth === 0 && !straightOpen) || closedAfterStop) {
        let j = i + 1;
        while (j < p.end && /["”’)\]]/.test(text[j])) j++;
        if (j >= p.end) break;
        if (text[j] !== ' ') continue;
        let k = j;
        while (k < p.end && text[k] === ' ') k++;
        if (k >= p.end || !/["“‘(A-Z0-9]/.test(text[k])) continue;
        if (ch === '.' && ABBREVIATIONS.test(text.slice(Math.max(p.start, i - 6), i + 1)) && !endsSentence(text, i, k, p.start)) continue;
        out.push({ start, end: j, text: text.slice(start, j), paragraph: pi });
        start = k;
        i = k - 1;
      }
    }
    if (start < p.end) out.push({ start, end: p.end, text: text.slice(start, p.end), paragraph: pi });
  });
  return out;
}
