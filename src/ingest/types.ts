/** A span of characters in `ParsedArticle.text` (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** One paragraph of the article body with its position in `ParsedArticle.text`. */
export interface Paragraph extends Span {
  text: string;
}

/** Input to the parse stage: raw file contents plus whatever metadata the caller already knows. */
export interface RawArticle {
  /** Raw text as read from disk (already decoded to a JS string). */
  raw: string;
  /** Where it came from (file path, corpus id); used in error messages only. */
  origin: string;
  /** Metadata known from outside the text (corpus fields, CLI flags); overrides what parsing finds. */
  meta?: {
    title?: string;
    source?: string;
    url?: string;
    /** ISO date `YYYY-MM-DD` or full ISO timestamp. */
    publishedAt?: string;
    dateline?: string;
    /** Stable id of the article in its source (corpus record id); identifies the story across corrections. */
    externalId?: string;
  };
}

/** Output of the parse stage: a normalised article that every later offset points into. */
export interface ParsedArticle {
  title: string;
  /** Publisher(s) as written, e.g. "Al Jazeera, News Agencies". */
  source: string | null;
  url: string | null;
  /** Stable id in the source collection, when the caller knows one. */
  externalId?: string | null;
  /** ISO date `YYYY-MM-DD` when the article states it; null when undated (nothing is inferred). */
  publishedAt: string | null;
  /** Place prefix such as "MOSCOW". */
  dateline: string | null;
  /**
   * The article text after normalisation (quote marks, odd apostrophes, whitespace), title excluded,
   * paragraphs joined with "\n\n". All character offsets in later stages point into this string.
   */
  text: string;
  paragraphs: Paragraph[];
  /** Photo captions and credits found in the raw text; kept out of `text` so they never yield newsmakers. */
  captions: string[];
  /** sha256 of the normalised title + text, hex. Identical content ⇒ identical hash. */
  contentHash: string;
}
