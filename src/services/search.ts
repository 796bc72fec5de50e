import { CUSTOM_PLAN, type Sql } from '../db/sql.ts';
import { AppError } from './app-error.ts';
import { cursorBinding, pageOf, pagedSql, type KeysetRow, type SortKey } from './keyset.ts';
import { searchWindows, type SearchWindows } from './search-windows.ts';
import type { Page, PageWindow } from './pagination.ts';

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

/**
 * Results per type that a search ranks and pages: the best `SEARCH_DEPTH` names, and for documents
 * (articles, statements, events by their title's words) the best of the newest `SEARCH_POOL` matches. A common word matches a third of a half-million-article
 * archive; ranking every match (1.7 s at 500,000 articles) bought nothing a reader pages through.
 */
export const SEARCH_DEPTH = 200;
export const SEARCH_POOL = 200;

/** What the lists filter by, applied to the dated types (articles, statements, events). */
export interface SearchFilter {
  from?: string | null;
  to?: string | null;
  source?: string | null;
  personId?: number | null;
  organizationId?: number | null;
}

/**
 * Names written with hyphens, apostrophes or dots between letters ("Kim Jong-un", "O'Neill") read as
 * separate words, as text written without them does ("Kim Jong Un"): the full-text parser indexes a
 * hyphenated word as the whole and its parts, so the parts match both spellings. Leading `-`
 * (exclusion) and quotes keep their web-search meaning.
 */
export function normaliseQuery(text: string): string {
  return text.replace(/(?<=[\p{L}\p{N}])[-\u2010\u2011\u2013\u2014'\u2019.\u00b7]+(?=[\p{L}\p{N}])/gu, ' ');
}

const TSQ = `websearch_to_tsquery('english', $1)`;
const LIMIT = (order: string) => `ORDER BY ${order} LIMIT ${SEARCH_DEPTH}`;

/**
 * Each type's best candidates, then one ranked list over them (score, then the more-mentioned entity,
 * then type and id: a stable order for cursors). Names match by trigram word similarity (typo-tolerant)
 * and score 1 when exact; documents by full-text search among the newest matches, scored with
 * ts_rank_cd's rank/(rank+1) so that every score lies in [0, 1). $1: the query; $2: the types.
 */
function searchSql(f: SearchFilter, where: (alias: string, kind: 'article' | 'statement' | 'event', p: (v: unknown) => string) => string[], params: unknown[], windows: SearchWindows | null): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const and = (clauses: string[]) => clauses.map((c) => ` AND ${c}`).join('');
  const dated = f.from || f.to || f.source || f.personId != null || f.organizationId != null;
  // Every name within the similarity threshold is scored, but only those scoring at least the
  // SEARCH_DEPTH-th best score look up their mention count (the tie-break): "bank" is within the
  // threshold of 1,843 people at 500,000 articles, and their counter rows cost more than the scoring.
  const names = (type: string, table: string, alias: string) => dated ? '' : `
UNION ALL (SELECT '${type}' AS type, n.id AS "rowId", n.score, (SELECT c.article_count FROM ${table}_counter c WHERE c.${table}_id = n.id) AS weight
  FROM ${alias}_names n WHERE n.score >= COALESCE((SELECT score FROM ${alias}_names ORDER BY score DESC OFFSET ${SEARCH_DEPTH - 1} LIMIT 1), 0) ${LIMIT('3 DESC, 4 DESC, 2')})`;
  const scored = (type: string, table: string, alias: string) => dated ? '' : `,
${alias}_names AS MATERIALIZED (SELECT ${alias}.id, word_similarity(lower($1), ${alias}.search_names)::float8 AS score FROM ${table} ${alias} WHERE '${type}' = ANY($2::text[]) AND lower($1) <% ${alias}.search_names)`;
  // Newest first in the order of an index the lists already have, so a common word stops early. The
  // match reads the parameter itself (not the CTE's column), so that the planner estimates how common
  // the words are and scans the GIN index for rare ones instead of walking the date index.
  // Documents are searched window by window (search-windows.ts) when the archive has windows:
  // consecutive date ranges of the list order, read in turn until the pool is full.
  // Events are always read through their full-text index (ANDed with each window's date range) and
  // sorted: their title words' lists are short (11,304 events at most for "bank" at 500,000 articles,
  // a few ms of index), whereas walking the date index read ~20,000 events per request for a common
  // word. `+ 0` keeps the order but hides it from the date index, so the planner cannot walk it.
  const newest = (alias: string, table: string, order: string, match: string, kind: 'article' | 'statement' | 'event') => {
    const filters = and(where(alias, kind, p));
    const sorted = kind === 'event' ? order.replace(/\b(e\.start_date|e\.id)\b/g, '$1 + 0') : order;
    const pool = (range: string) => `SELECT ${alias}.* FROM ${table} ${alias} WHERE ${match}${range}${filters} ORDER BY ${sorted} LIMIT ${SEARCH_POOL}`;
    const cut = kind === 'event' ? windows?.events : windows;
    if (!cut) return pool('');
    const [recent, older, d] = [`${p(cut.recent)}::date`, `${p(cut.older)}::date`, kind === 'event' ? `${alias}.start_date` : `${alias}.published_at`];
    return `SELECT * FROM ((${pool(` AND ${d} >= ${recent}`)})
      UNION ALL (${pool(` AND ${d} < ${recent} AND ${d} >= ${older}`)})
      UNION ALL (${pool(` AND (${d} < ${older} OR ${d} IS NULL)`)})) ${alias} LIMIT ${SEARCH_POOL}`;
  };
  return `
WITH input AS (SELECT websearch_to_tsquery('english', $1) AS tsq, lower($1) AS text)${scored('Person', 'person', 'p')}${scored('Organization', 'organization', 'o')}${scored('Place', 'place', 'pl')}
SELECT * FROM (
SELECT NULL::text AS type, NULL::int AS "rowId", NULL::float8 AS score, NULL::int AS weight WHERE false
${names('Person', 'person', 'p')}${names('Organization', 'organization', 'o')}${names('Place', 'place', 'pl')}
UNION ALL (SELECT 'Event', e.id, GREATEST(ts_rank_cd(e.search_vector, input.tsq, 32), word_similarity(input.text, lower(e.title)) * 0.9)::float8, (SELECT c.article_count FROM event_counter c WHERE c.event_id = e.id)
  FROM (${newest('e', 'event', 'e.start_date DESC NULLS LAST, e.id DESC', `e.search_vector @@ ${TSQ}`, 'event')}) e, input WHERE 'Event' = ANY($2::text[]) ${LIMIT('3 DESC, 4 DESC, 2')})
UNION ALL (SELECT 'Article', a.id, ts_rank_cd(a.search_vector, input.tsq, 32)::float8, 0
  FROM (${newest('a', 'article', 'a.published_at DESC NULLS LAST, a.id DESC', `a.search_vector @@ ${TSQ}`, 'article')}) a, input WHERE 'Article' = ANY($2::text[]) ${LIMIT('3 DESC, 2')})
UNION ALL (SELECT 'Statement', s.id, ts_rank_cd(s.search_vector, input.tsq, 32)::float8, 0
  FROM (${newest('s', 'statement', 's.published_at DESC NULLS LAST, s.article_id DESC, s.start_offset, s.id', `s.search_vector @@ ${TSQ}`, 'statement')}) s, input WHERE 'Statement' = ANY($2::text[]) ${LIMIT('3 DESC, 2')})
) hits`;
}

/** The filters as conditions on an article, statement or event row. */
function filterWhere(f: SearchFilter) {
  return (alias: string, kind: 'article' | 'statement' | 'event', p: (v: unknown) => string): string[] => {
    const out: string[] = [];
    const articleOf = kind === 'article' ? `${alias}.id` : `${alias}.article_id`;
    if (kind === 'event') {
      if (f.from) out.push(`COALESCE(${alias}.end_date, ${alias}.start_date) >= ${p(f.from)}::date`);
      if (f.to) out.push(`${alias}.start_date <= ${p(f.to)}::date`);
      if (f.personId != null) out.push(`EXISTS (SELECT 1 FROM event_participant x WHERE x.event_id = ${alias}.id AND x.person_id = ${p(f.personId)})`);
      if (f.organizationId != null) out.push(`EXISTS (SELECT 1 FROM event_organization x WHERE x.event_id = ${alias}.id AND x.organization_id = ${p(f.organizationId)})`);
      if (f.source) out.push(`EXISTS (SELECT 1 FROM event_article x JOIN article xa ON xa.id = x.article_id WHERE x.event_id = ${alias}.id AND xa.source ILIKE '%' || ${p(escapeLike(f.source))} || '%')`);
      return out;
    }
    if (f.from) out.push(`${alias}.published_at >= ${p(f.from)}::date`);
    if (f.to) out.push(`${alias}.published_at <= ${p(f.to)}::date`);
    if (f.source) out.push(`EXISTS (SELECT 1 FROM article xa WHERE xa.id = ${articleOf} AND xa.source ILIKE '%' || ${p(escapeLike(f.source))} || '%')`);
    // An article mentioning them; a statement they made.
    if (f.personId != null) out.push(kind === 'article' ? `EXISTS (SELECT 1 FROM article_person x WHERE x.article_id = ${alias}.id AND x.person_id = ${p(f.personId)})` : `${alias}.speaker_person_id = ${p(f.personId)}`);
    if (f.organizationId != null) out.push(kind === 'article' ? `EXISTS (SELECT 1 FROM article_organization x WHERE x.article_id = ${alias}.id AND x.organization_id = ${p(f.organizationId)})` : `${alias}.speaker_organization_id = ${p(f.organizationId)}`);
    return out;
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const SEARCH_ORDER: SortKey[] = [
  { column: 'score', dir: 'DESC', type: 'float8' },
  { column: 'weight', dir: 'DESC', type: 'int' },
  { column: 'type', dir: 'ASC', type: 'text' },
  { column: 'rowId', dir: 'ASC', type: 'int' },
];

/** Exact number of matches of every chosen type (only when a query selects totalCount). */
function countSql(f: SearchFilter, params: unknown[]): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = filterWhere(f);
  const and = (clauses: string[]) => clauses.map((c) => ` AND ${c}`).join('');
  const dated = f.from || f.to || f.source || f.personId != null || f.organizationId != null;
  const names = (type: string, table: string) => dated ? '' : ` + (SELECT count(*) FROM ${table} x WHERE '${type}' = ANY($2::text[]) AND lower($1) <% x.search_names)`;
  return `SELECT (0${names('Person', 'person')}${names('Organization', 'organization')}${names('Place', 'place')}
 + (SELECT count(*) FROM event e WHERE 'Event' = ANY($2::text[]) AND e.search_vector @@ ${TSQ}${and(where('e', 'event', p))})
 + (SELECT count(*) FROM article a WHERE 'Article' = ANY($2::text[]) AND a.search_vector @@ ${TSQ}${and(where('a', 'article', p))})
 + (SELECT count(*) FROM statement s WHERE 'Statement' = ANY($2::text[]) AND s.search_vector @@ ${TSQ}${and(where('s', 'statement', p))})) AS n`;
}

/**
 * Ranked search across the graph, paged like every other connection (keyset cursors bound to the
 * query, types and filters); the exact number of matches only when asked for.
 */
export async function searchGraph(
  sql: Sql,
  query: string,
  types: readonly SearchType[] | null | undefined,
  w: PageWindow,
  f: SearchFilter = {},
  /** The date windows to search documents in (search-windows.ts); by default the process's cached ones. */
  windows?: SearchWindows | null,
): Promise<Page<SearchHit>> {
  const text = normaliseQuery(query.trim());
  if (!query.trim()) throw new AppError('BAD_USER_INPUT', 'Argument "query" must not be empty');
  if (query.trim().length > MAX_SEARCH_QUERY_LENGTH) throw new AppError('BAD_USER_INPUT', `Argument "query" is longer than ${MAX_SEARCH_QUERY_LENGTH} characters`);
  if (f.from && f.to && f.from > f.to) throw new AppError('BAD_USER_INPUT', `Date range is empty: from ${f.from} is after to ${f.to}`);
  const chosen = types?.length ? [...new Set(types)].sort() : [...SEARCH_TYPES];
  const params: unknown[] = [text, chosen];
  const inner = searchSql(f, filterWhere(f), params, windows === undefined ? await searchWindows(sql) : windows);
  const q = { inner, params, order: SEARCH_ORDER, binding: cursorBinding('search', text, [chosen, f]) };
  const { text: paged, params: pagedParams } = pagedSql(q, w);
  // Common and rare words want different plans: see CUSTOM_PLAN.
  const rows = await sql.query<SearchHit & KeysetRow>(CUSTOM_PLAN + paged, pagedParams);
  let count: Promise<number> | null = null;
  const countParams: unknown[] = [text, chosen];
  return {
    ...pageOf(rows, w, q.binding),
    count: () => (count ??= sql.query<{ n: string }>(countSql(f, countParams), countParams).then(([r]) => Number(r.n))),
  };
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
    [normaliseQuery(query.trim()), HEADLINE_OPTIONS, ids('Article'), ids('Statement'), ids('Event'), ids('Person'), ids('Organization'), ids('Place')],
  );
  for (const r of rows) {
    out.set(`${r.type}:${r.rowId}`, r.marked != null ? parseMarked(r.marked) : highlightWords(r.plain ?? '', query));
  }
  return out;
}
