// A title's full stop ("Sen.", "Mr.", "Dr.") ends no name: the speaker after "said" or "according to"
// runs on to the name it introduces ("said Sen. Patty Murray", "according to Mr. Rhodes"), where the
// speaker rules used to stop at the title (36 statements of PolNeAR train spoke as "Sen", "Rep", "Mr" …).

const TITLES = 'Sen|Rep|Gov|Mr|Mrs|Ms|Dr|St|Lt|Gen|Col|Sgt|Prof|Rev|Capt|Cmdr|Adm|Supt|Insp|Det|Amb|Atty';

/** Regex source: not right after a title (put before a lookahead for the full stop that ends a speaker). */
export const NOT_AFTER_TITLE = String.raw`(?<!\b(?:${TITLES}))`;

const TITLE_BEFORE = new RegExp(String.raw`\b(?:${TITLES})$`);

/** Is the full stop at `at` a title's (the word before it is one)? */
export function isTitleStop(text: string, at: number): boolean {
  return text[at] === '.' && TITLE_BEFORE.test(text.slice(Math.max(0, at - 5), at));
}

/** The first match of `stop` (a global pattern) in `text` that is not a title's full stop; -1 when none. */
export function searchPastTitles(text: string, stop: RegExp): number {
  for (const m of text.matchAll(stop)) if (!isTitleStop(text, m.index!)) return m.index!;
  return -1;
}

const TITLE_STOPS = new RegExp(String.raw`\b(${TITLES})\.`, 'g');

/** `text` with each title's full stop a space (the same length), for tests that a span holds no sentence end. */
export function withoutTitleStops(text: string): string {
  return text.replace(TITLE_STOPS, '$1 ');
}
