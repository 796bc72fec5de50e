import type { Sql } from '../db/sql.ts';
import { AppError } from './app-error.ts';
import { fetchPage, type Page, type PageWindow } from './pagination.ts';

export const SEARCH_TYPES = ['Article', 'Person', 'Organization', 'Place', 'Event', 'Statement'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchHit {
  type: SearchType;
  rowId: number;
  /** Relevance in [0, 1]: name similarity for people, organisations and places; normalised text rank otherwise. */
  score: number;
}

/** A highlighted range of a snippet, in UTF-16 code units (JavaScript string indices). */
export interface TextRange {
  start: number;
  length: number;
}

export interface Snippet {
  text: string;
  highlights: TextRange[];
}

export const MAX_SEARCH_QUERY_LENGTH = 200;

/*
 * Names match by trigram word similarity (typo-tolerant: "Kim Jong-un", "Vladmir Putin"), so an
 * exact name scores 1 and outranks documents; articles, statements and events match by full-text
 * search, scored with ts_rank_cd's rank/(rank+1) normalisation so that every score lies in [0, 1).
 * Ties go to the more-mentioned entity, then type and id, which keeps the order stable for cursors.
 * $1 is the query text, $2 the types to search.
 */
const SEARCH_SQL = `
WITH input AS (SELECT websearch_to_tsquery('english', $1) AS tsq, lower($1) AS text)
SELECT 'Person' AS type, p.id AS "rowId", word_similarity(input.text, p.search_names)::float8 AS score,
       (SELECT count(*) FROM article_person x WHERE x.person_id = p.id)::int AS weight
  FROM person p, input WHERE 'Person' = ANY($2::text[]) AND input.text <% p.search_names
UNION ALL
SELECT 'Organization', o.id, word_similarity(input.text, o.search_names)::float8,
       (SELECT count(*) FROM article_organization x WHERE x.organization_id = o.id)::int
  FROM organization o, input WHERE 'Organization' = ANY($2::text[]) AND input.text <% o.search_names
UNION ALL
SELECT 'Place', pl.id, word_similarity(input.text, pl.search_names)::float8,
       (SELECT count(*) FROM article_place x WHERE x.place_id = pl.id)::int
  FROM place pl, input WHERE 'Place' = ANY($2::text[]) AND input.text <% pl.search_names
UNION ALL
SELECT 'Event', e.id, GREATEST(ts_rank_cd(e.search_vector, input.tsq, 32), word_similarity(input.text, lower(e.title)) * 0.9)::float8,
       (SELECT count(*) FROM event_article x WHERE x.event_id = e.id)::int
  FROM event e, input WHERE 'Event' = ANY($2::text[]) AND (e.search_vector @@ input.tsq OR input.text <% lower(e.title))
UNION ALL
SELECT 'Article', a.id, ts_rank_cd(a.search_vector, input.tsq, 32)::float8, 0
  FROM article a, input WHERE 'Article' = ANY($2::text[]) AND a.search_vector @@ input.tsq
UNION ALL
SELECT 'Statement', s.id, ts_rank_cd(s.search_vector, input.tsq, 32)::float8, 0
  FROM statement s, input WHERE 'Statement' = ANY($2::text[]) AND s.search_vector @@ input.tsq`;

/** Ranked search across the graph, paged like every other connection (stable order, opaque cursors). */
export function searchGraph(sql: Sql, query: string, types: readonly SearchType[] | null | undefined, w: PageWindow): Promise<Page<SearchHit>> {
  const text = query.trim();
  if (!text) throw new AppError('BAD_USER_INPUT', 'Argument "query" must not be empty');
  if (text.length > MAX_SEARCH_QUERY_LENGTH) throw new AppError('BAD_USER_INPUT', `Argument "query" is longer than ${MAX_SEARCH_QUERY_LENGTH} characters`);
  const chosen = types?.length ? [...new Set(types)] : [...SEARCH_TYPES];
  const params = [text, chosen];
  const orderBy = `q.score DESC, q.weight DESC, q.type, q."rowId"`;
  return fetchPage<SearchHit>(sql, SEARCH_SQL, orderBy, params, w, async () => {
    const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${SEARCH_SQL}) q`, params);
    return row.n;
  // Row ids repeat across the union's types (Article 5, Person 5): pages cannot be fetched back by id.
  }, { rowIdUnique: false });
}

// Private-use characters mark highlights inside ts_headline output; they do not occur in news text.
const START = '\uE000';
const STOP = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** Splits ts_headline output into plain text and highlight ranges. */
export function parseMarked(marked: string): Snippet {
  let text = '';
  const highlights: TextRange[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === START) open = text.length;
    else if (ch === STOP) {
      if (open >= 0 && text.length > open) highlights.push({ start: open, length: text.length - open });
      open = -1;
    } else text += ch;
  }
  return { text, highlights };
}

/** Highlights the query's words (case-insensitive, whole-word prefixes) in a short text such as a name. */
export function highlightWords(text: string, query: string): Snippet {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);
  const highlights: TextRange[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0].toLowerCase();
    if (words.some((w) => word === w || (w.length >= 3 && word.startsWith(w)))) highlights.push({ start: m.index, length: m[0].length });
  }
  return { text, highlights };
}

/** Snippets for one page of hits: one SQL statement for the documents, names highlighted here. */
export async function searchSnippets(sql: Sql, query: string, hits: readonly SearchHit[]): Promise<Map<string, Snippet>> {
  const out = new Map<string, Snippet>();
  const ids = (type: SearchType) => hits.filter((h) => h.type === type).map((h) => h.rowId);
  const rows = await sql.query<{ type: SearchType; rowId: number; marked: string | null; plain: string | null }>(
    `WITH input AS (SELECT websearch_to_tsquery('english', $1) AS tsq)
     SELECT 'Article' AS type, a.id AS "rowId", ts_headline('english', a.body, input.tsq, $2) AS marked, NULL AS plain FROM article a, input WHERE a.id = ANY($3::int[])
     UNION ALL SELECT 'Statement', s.id, ts_headline('english', s.text, input.tsq, $2), NULL FROM statement s, input WHERE s.id = ANY($4::int[])
     UNION ALL SELECT 'Event', e.id, NULL, e.title FROM event e WHERE e.id = ANY($5::int[])
     UNION ALL SELECT 'Person', p.id, NULL, p.name || CASE WHEN cardinality(p.aliases) > 0 THEN ' (' || array_to_string(p.aliases, ', ') || ')' ELSE '' END FROM person p WHERE p.id = ANY($6::int[])
     UNION ALL SELECT 'Organization', o.id, NULL, o.name || CASE WHEN cardinality(o.aliases) > 0 THEN ' (' || array_to_string(o.aliases, ', ') || ')' ELSE '' END FROM organization o WHERE o.id = ANY($7::int[])
     UNION ALL SELECT 'Place', pl.id, NULL, pl.name FROM place pl WHERE pl.id = ANY($8::int[])`,
    [query.trim(), HEADLINE_OPTIONS, ids('Article'), ids('Statement'), ids('Event'), ids('Person'), ids('Organization'), ids('Place')],
  );
  for (const r of rows) {
    out.set(`${r.type}:${r.rowId}`, r.marked != null ? parseMarked(r.marked) : highlightWords(r.plain ?? '', query));
  }
  return out;
}
