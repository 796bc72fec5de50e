import type { Sql } from '../db/sql.ts';

/**
 * Date cut-offs that split search's newest-first walk of documents (articles, statements, events)
 * into windows: the dates of about the `SEARCH_WINDOW_ARTICLES[0]`-th and `[1]`-th newest articles
 * (events at the same depths of their own newest-first order). Each window is
 * searched with the full-text index ANDed with a date range (a bitmap of the matches in that range)
 * instead of walking the date index and reading every article's whole vector to test it: "oil prices"
 * (1.2 % of a 500,000-article archive) read 15,548 vectors (225 ms) to find its newest 200 matches;
 * with windows it reads the matches of the newest ~32,000 articles (55 ms). A common word fills the
 * pool in the first window; a rare one falls through to the last, which is the whole archive as before.
 *
 * The windows decide speed only, never the answer: they are consecutive ranges of the list order, so
 * their matches in turn are the newest matches. Cut-offs are therefore cached for a while (stale ones
 * are still correct) and null where the archive is too small, or too undated, to need them.
 */
export interface SearchWindows {
  /** Articles and statements dated on or after this day form the first window. */
  recent: string;
  /** ... then those dated on or after this day (and before `recent`); then the rest, undated last. */
  older: string;
  /**
   * Events' own cut-offs at the same depths of the newest-events order (null: events unwindowed).
   * Event dates do not follow article dates: at 500,000 articles the articles' cut-offs left 18,000
   * of 404,000 events in the first two windows, and "government" walked 19,000 older events.
   */
  events?: { recent: string; older: string } | null;
}

/** How many newest articles each of the first two windows reaches back to. */
export const SEARCH_WINDOW_ARTICLES = [4_000, 32_000] as const;
/** How long cut-offs are reused before they are read again. */
const TTL_MS = 60_000;

let cached: { at: number; windows: Promise<SearchWindows | null> } | null = null;

/** The cut-offs at the given depths of the newest-articles (and newest-events) order, or null when either falls among undated rows or past the end. */
export async function readSearchWindows(sql: Sql, depths: readonly [number, number] = SEARCH_WINDOW_ARTICLES): Promise<SearchWindows | null> {
  const at = (table: string, column: string, n: number) => `(SELECT to_char(${column}, 'YYYY-MM-DD') FROM ${table} ORDER BY ${column} DESC NULLS LAST, id DESC OFFSET ${Math.floor(n)} LIMIT 1)`;
  const [row] = await sql.query<{ recent: string | null; older: string | null; eventRecent: string | null; eventOlder: string | null }>(
    `SELECT ${at('article', 'published_at', depths[0])} AS recent, ${at('article', 'published_at', depths[1])} AS older,
            ${at('event', 'start_date', depths[0])} AS "eventRecent", ${at('event', 'start_date', depths[1])} AS "eventOlder"`,
  );
  if (!row?.recent || !row.older) return null;
  const events = row.eventRecent && row.eventOlder ? { recent: row.eventRecent, older: row.eventOlder } : null;
  return { recent: row.recent, older: row.older, events };
}

/**
 * readSearchWindows at the default depths, read at most once a minute per process (through whichever
 * request's handle comes first: any cut-offs give the same answers). A failed read is not kept; that
 * search runs without windows, and its own query reports what is wrong with the database.
 */
export function searchWindows(sql: Sql): Promise<SearchWindows | null> {
  const now = Date.now();
  if (!cached || now - cached.at > TTL_MS) {
    const entry = { at: now, windows: readSearchWindows(sql) };
    entry.windows = entry.windows.catch(() => {
      if (cached === entry) cached = null;
      return null;
    });
    cached = entry;
  }
  return cached.windows;
}
