import type { Span } from '../../ingest/types.ts';
import type { EntityDraft } from '../entity-drafts.ts';

/**
 * The article's first line when it is a headline in title case ("Paris Terror Attacks Highlight
 * Threat Posed by NRA"): at least four words of four letters or more, every one capitalised, most of
 * them in lower case after their capital (a line in capitals, as wire datelines and CoNLL headlines
 * are written, is the recogniser's capitals case, not this). Null otherwise.
 */
export function titleCaseHeadline(text: string): Span | null {
  const end = text.indexOf('\n');
  const line = text.slice(0, end < 0 ? text.length : end);
  const words = longWords(line);
  if (!allCapitalised(words)) return null;
  const mixed = words.filter((w) => /[a-z]/.test(w)).length;
  return mixed * 2 >= words.length ? { start: 0, end: line.length } : null;
}

const longWords = (sentence: string) => sentence.match(/\b[A-Za-z][A-Za-z’'-]{3,}/g) ?? [];
const allCapitalised = (words: string[]) => words.length >= 4 && words.every((w) => w[0] >= 'A' && w[0] <= 'Z');

const LONG_WORD = /\b[A-Za-z][A-Za-z’'-]{3,}/g;

/** At least four words of four letters or more, every one capitalised ("Railing Against Trump, Sanders Vows To Eliminate Tax Breaks"). */
export function isTitleCase(sentence: string): boolean {
  // allCapitalised(longWords(sentence)), stopping at the first long word in lower case (most sentences have one early).
  const re = LONG_WORD;
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const c = m[0].charCodeAt(0);
    if (c < 65 || c > 90) return false;
    n++;
  }
  return n >= 4;
}

/**
 * Whether an entity is a capitalised run of the headline alone: every mention inside it, and its name
 * written nowhere in the article after it. In title case the recogniser reads runs such as "Paris
 * Terror Attacks Highlight Threat Posed" or "Donald Trump Rampages" as names (PolNeAR train: 277
 * organisations and 81 people in 309 such headlines, nearly all of them junk).
 */
export function headlineOnly(e: EntityDraft, headline: Span, text: string): boolean {
  return e.mentions.length > 0 && e.mentions.every((m) => m.end <= headline.end) && text.indexOf(e.name, headline.end) < 0;
}

/**
 * Where the headline writes the name (or, for a person, the surname) of an entity the article names
 * after it, at word boundaries and outside `taken`: the mentions the recogniser missed there.
 */
export function headlineMentions(name: string, headline: Span, text: string, taken: Span[]): Span[] {
  const out: Span[] = [];
  const line = text.slice(headline.start, headline.end);
  for (let at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + name.length)) {
    const span = { start: headline.start + at, end: headline.start + at + name.length };
    if (/[\p{L}\p{N}]/u.test(text[span.start - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[span.end] ?? '')) continue;
    if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
    out.push(span);
  }
  return out;
}
