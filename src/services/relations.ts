import type { SortKey } from './keyset.ts';
import { STATEMENT_DATE_KEYS } from './lists.ts';
import { columnsOf, globalIdSql, type TypeName } from './records.ts';

/**
 * Every nested list in the graph, as SQL. `inner` selects the child rows of the parent `par.id` (the
 * paged SQL runs it for every parent at once, see keyset.ts); `order` is the connection's order over
 * its output columns, ending in a unique key; `count` returns ("parentId", n) for the parents in $1
 * (int[]), from the writer's counters where it keeps one.
 */
/**
 * A record's columns for a relation's SQL (type, table alias): those the query reads, and the keys the
 * page is ordered by (see columnsOf); every column where nothing narrows them. `speakers`: whether the
 * query asks for statements' speakers.
 */
export interface ColumnPicker {
  (type: TypeName, alias: string): string;
  speakers: boolean;
}

/** Every column (reads outside a GraphQL request, and types a query does not narrow). */
export const ALL_COLUMNS: ColumnPicker = Object.assign((type: TypeName, alias: string) => columnsOf(type, alias), { speakers: true });

export interface RelationSpec {
  /** The child rows' SQL, or a function of the columns to read (for rows that are records). */
  inner: string | ((c: ColumnPicker) => string);
  order: readonly SortKey[];
  count: string;
  /** The rows are statements of many articles ("articleId"), whose articles a page may bring along (see create-loaders). */
  statementsOfArticles?: true;
  /**
   * The row's columns computed after the page is cut: `inner` then selects only what orders the rows
   * (and `keep`), and `columns` are read through `join` from the page's rows (`pg`). A popular person's
   * events are joined and sorted 3,000 at a time: their records (global ID and all) for the 6 shown
   * only, not for every row sorted.
   */
  after?: { join: string; columns: (c: ColumnPicker) => string; keep?: string[] };
}

const id = (dir: 'ASC' | 'DESC'): SortKey => ({ column: 'rowId', dir, type: 'int' });
const byArticleDate: SortKey[] = [{ column: '__date', dir: 'DESC', type: 'date', nullable: true }, id('DESC')];
const byEventDate: SortKey[] = [{ column: 'startDate', dir: 'DESC', type: 'date', nullable: true }, id('DESC')];
/** Strongest first, then by name: weights are the stored count of the link (or computed per page). */
const byWeight: SortKey[] = [{ column: '__weight', dir: 'DESC', type: 'int' }, { column: 'name', dir: 'ASC', type: 'text' }, id('ASC')];
const byName: SortKey[] = [{ column: 'name', dir: 'ASC', type: 'text' }, id('ASC')];
/** A counter of the parent kept by the writer in <table>_counter (see migration 20261207090000_reads_counter_tables). */
const counter = (table: string, column: string) => `SELECT ${table}_id AS "parentId", ${column} AS n FROM ${table}_counter WHERE ${table}_id = ANY($1::int[])`;

/**
 * The statement's speaker rows (as getRecordsByIds returns them, JSON) next to the statement, for lists
 * whose readers nearly always ask who spoke (an article's or an event's statements): the loaders keep
 * them (see create-loaders), which saves a round trip per page.
 */
const withSpeakers = (c: ColumnPicker, s: string) => c.speakers ? `, (SELECT row_to_json(x) FROM (SELECT ${c('Person', 'sp')} FROM person sp WHERE sp.id = ${s}.speaker_person_id) x) AS "__speakerPerson",
  (SELECT row_to_json(x) FROM (SELECT ${c('Organization', 'so')} FROM organization so WHERE so.id = ${s}.speaker_organization_id) x) AS "__speakerOrganization"` : '';

/** Articles linked to the parent through a link table (`article_person`, ...), newest first. */
const articlesVia = (table: string, column: string, counted: string | null): RelationSpec => ({
  inner: (c) => `SELECT ${c('Article', 'a')}, a.published_at AS "__date" FROM ${table} l JOIN article a ON a.id = l.article_id WHERE l.${column} = par.id`,
  order: byArticleDate,
  count: counted ?? `SELECT ${column} AS "parentId", count(*) AS n FROM ${table} WHERE ${column} = ANY($1::int[]) GROUP BY 1`,
});

/** Statements whose `column` is the parent, newest article first (with their speakers' rows when asked). */
const statementsBy = (column: string, counted: string | null, speakers = false): RelationSpec => ({
  inner: (c) => `SELECT s.published_at AS "__date", ${c('Statement', 's')}${speakers ? withSpeakers(c, 's') : ''} FROM statement s WHERE s.${column} = par.id`,
  order: STATEMENT_DATE_KEYS('DESC'),
  count: counted ?? `SELECT ${column} AS "parentId", count(*) AS n FROM statement WHERE ${column} = ANY($1::int[]) GROUP BY 1`,
  statementsOfArticles: true,
});

/**
 * Events linked to the parent through a link table (`event_participant`, ...), latest first: the link
 * rows carry the event's date (migration 20261211090000_event_link_dates), so a page is one range of
 * the link table's (parent, start_date DESC NULLS LAST, event_id DESC) index and the event rows are
 * read for the page only.
 */
const eventsVia = (table: string, column: string): RelationSpec => ({
  inner: `SELECT l.start_date AS "startDate", l.event_id AS "rowId" FROM ${table} l WHERE l.${column} = par.id`,
  after: { join: 'JOIN event e ON e.id = pg."rowId"', columns: (c) => c('Event', 'e') },
  order: byEventDate,
  count: `SELECT ${column} AS "parentId", count(*) AS n FROM ${table} WHERE ${column} = ANY($1::int[]) GROUP BY 1`,
});

/**
 * Who mentions whom: a statement by its speaker that names another person (a mention of theirs inside
 * the statement's span). `speaker`: the parent is the speaker and the rows are the people named; else
 * the parent is the person named and the rows are the speakers. Weight = such statements.
 */
function mentionNetwork(parentIsSpeaker: boolean): RelationSpec {
  const [parent, other] = parentIsSpeaker ? ['s.speaker_person_id', 'ap.person_id'] : ['ap.person_id', 's.speaker_person_id'];
  const named = `FROM statement s
            JOIN article_person ap ON ap.article_id = s.article_id AND ap.person_id <> s.speaker_person_id
             AND EXISTS (SELECT 1 FROM unnest(ap.offsets) o WHERE o >= s.start_offset AND o < s.end_offset)`;
  return {
    inner: (c) => `SELECT count(DISTINCT s.id)::int AS "__weight", ${c('Person', 'p')}
            ${named}
            JOIN person p ON p.id = ${other}
            WHERE ${parent} = par.id GROUP BY p.id`,
    order: byWeight,
    count: `SELECT ${parent} AS "parentId", count(DISTINCT ${other}) AS n ${named}
            WHERE ${parent} = ANY($1::int[]) GROUP BY 1`,
  };
}

/**
 * Mentions of the parent in articles, newest article first, then in text order: one row per mention of
 * the link table's parallel arrays (offsets, ends, confidences). A mention stored before ends were
 * recorded whose end could not be re-established (NULL; see migration 20261201090000_evidence) is
 * not listed, and not counted.
 */
const mentionsIn = (table: string, column: string, type: 'PER' | 'ORG' | 'LOC'): RelationSpec => ({
  inner: `SELECT l.article_id AS "articleId", a.published_at AS "__date", m.start, m."end", m.confidence, '${type}' AS type
          FROM ${table} l JOIN article a ON a.id = l.article_id
          CROSS JOIN LATERAL unnest(l.offsets, l.ends, l.confidences) AS m(start, "end", confidence)
          WHERE l.${column} = par.id AND m."end" IS NOT NULL`,
  // An entity has one mention per start in an article: (date, article, start) is unique.
  order: [{ column: '__date', dir: 'DESC', type: 'date', nullable: true }, { column: 'articleId', dir: 'DESC', type: 'int' }, { column: 'start', dir: 'ASC', type: 'int' }],
  count: `SELECT l.${column} AS "parentId", count(*) AS n FROM ${table} l CROSS JOIN LATERAL unnest(l.ends) AS e(e) WHERE l.${column} = ANY($1::int[]) AND e.e IS NOT NULL GROUP BY 1`,
});

/**
 * An event's actors on one side (SOURCE or TARGET): the union over its articles (event_actor holds one
 * row per article), each actor once, by name then the actor's key. A row is a Person or Organization
 * record, or an ActorGroup (a name only).
 */
const eventActors = (role: 'SOURCE' | 'TARGET'): RelationSpec => ({
  inner: `SELECT DISTINCT ON (x.actor) x.actor AS "__actor",
            CASE WHEN p.id IS NOT NULL THEN 'Person' WHEN o.id IS NOT NULL THEN 'Organization' ELSE 'ActorGroup' END AS "__typename",
            CASE WHEN p.id IS NOT NULL THEN ${globalIdSql('Person', 'p')} WHEN o.id IS NOT NULL THEN ${globalIdSql('Organization', 'o')} END AS id,
            COALESCE(p.id, o.id) AS "rowId", COALESCE(p.name, o.name, x.group_name) AS name, COALESCE(p.aliases, o.aliases) AS aliases, p.roles, o.kind::text AS kind
          FROM event_actor x LEFT JOIN person p ON p.id = x.person_id LEFT JOIN organization o ON o.id = x.organization_id
          WHERE x.event_id = par.id AND x.role = '${role}'`,
  order: [{ column: 'name', dir: 'ASC', type: 'text' }, { column: '__actor', dir: 'ASC', type: 'text' }],
  count: `SELECT event_id AS "parentId", count(DISTINCT actor) AS n FROM event_actor WHERE event_id = ANY($1::int[]) AND role = '${role}' GROUP BY 1`,
});

/**
 * The articles' accounts of an event with their evidence (event_article.members: the trigger words and
 * their sentence as [start, end] offsets), newest article first, then in text order. Accounts stored
 * before the evidence was (migration 20261208090000_typed_events) have no trigger and are not listed.
 */
const ACCOUNTS = `FROM event_article ea CROSS JOIN LATERAL jsonb_array_elements(ea.members) WITH ORDINALITY AS x(m, ord)`;
const HAS_TRIGGER = `jsonb_typeof(x.m->'trigger') = 'array'`;
const eventEvidence: RelationSpec = {
  inner: `SELECT ea.article_id AS "articleId", a.published_at AS "__date", x.ord::int AS account,
            x.m->>'type' AS type, x.m->>'mode' AS mode, COALESCE((x.m->>'confidence')::float8, 0.5) AS confidence,
            (x.m->'trigger'->>0)::int AS "triggerStart", (x.m->'trigger'->>1)::int AS "triggerEnd",
            (x.m->'sentence'->>0)::int AS "sentenceStart", (x.m->'sentence'->>1)::int AS "sentenceEnd"
          ${ACCOUNTS} JOIN article a ON a.id = ea.article_id
          WHERE ea.event_id = par.id AND ${HAS_TRIGGER}`,
  // One row per account of an article's link: (date, article, trigger, account) is unique.
  order: [{ column: '__date', dir: 'DESC', type: 'date', nullable: true }, { column: 'articleId', dir: 'DESC', type: 'int' }, { column: 'triggerStart', dir: 'ASC', type: 'int' }, { column: 'account', dir: 'ASC', type: 'int' }],
  count: `SELECT ea.event_id AS "parentId", count(*) AS n ${ACCOUNTS} WHERE ea.event_id = ANY($1::int[]) AND ${HAS_TRIGGER} GROUP BY 1`,
};

/** Co-mentioned people are counted over this many of a person's most recently stored articles. */
export const CO_MENTION_WINDOW = 300;
const recentArticles = (person: string) => `SELECT article_id FROM article_person WHERE person_id = ${person} ORDER BY article_id DESC LIMIT ${CO_MENTION_WINDOW}`;

export const RELATIONS = {
  articlePeople: {
    inner: (c) => `SELECT ap.count AS "__weight", ${c('Person', 'p')} FROM article_person ap JOIN person p ON p.id = ap.person_id WHERE ap.article_id = par.id`,
    order: byWeight,
    count: `SELECT article_id AS "parentId", count(*) AS n FROM article_person WHERE article_id = ANY($1::int[]) GROUP BY 1`,
  },
  articleOrganizations: {
    inner: (c) => `SELECT ao.count AS "__weight", ${c('Organization', 'o')} FROM article_organization ao JOIN organization o ON o.id = ao.organization_id WHERE ao.article_id = par.id`,
    order: byWeight,
    count: `SELECT article_id AS "parentId", count(*) AS n FROM article_organization WHERE article_id = ANY($1::int[]) GROUP BY 1`,
  },
  articlePlaces: {
    inner: (c) => `SELECT ap.count AS "__weight", ${c('Place', 'pl')} FROM article_place ap JOIN place pl ON pl.id = ap.place_id WHERE ap.article_id = par.id`,
    order: byWeight,
    count: `SELECT article_id AS "parentId", count(*) AS n FROM article_place WHERE article_id = ANY($1::int[]) GROUP BY 1`,
  },
  articleStatements: {
    inner: (c) => `SELECT ${c('Statement', 's')}${withSpeakers(c, 's')} FROM statement s WHERE s.article_id = par.id`,
    order: [{ column: 'startOffset', dir: 'ASC', type: 'int' }, id('ASC')],
    count: `SELECT article_id AS "parentId", count(*) AS n FROM statement WHERE article_id = ANY($1::int[]) GROUP BY 1`,
  },
  articleEvents: {
    inner: (c) => `SELECT ${c('Event', 'e')} FROM event_article ea JOIN event e ON e.id = ea.event_id WHERE ea.article_id = par.id`,
    order: [{ column: 'startDate', dir: 'ASC', type: 'date', nullable: true }, id('ASC')],
    count: `SELECT article_id AS "parentId", count(*) AS n FROM event_article WHERE article_id = ANY($1::int[]) GROUP BY 1`,
  },
  personArticles: articlesVia('article_person', 'person_id', counter('person', 'article_count')),
  personStatements: statementsBy('speaker_person_id', counter('person', 'statement_count')),
  personMentions: mentionsIn('article_person', 'person_id', 'PER'),
  personEvents: eventsVia('event_participant', 'person_id'),
  // People appearing in the same articles, strongest first (weight = shared articles), over the
  // person's CO_MENTION_WINDOW most recently stored articles: a bounded read (the index on
  // (person_id, article_id) gives them). Over all of them the most-mentioned person of a
  // half-million-article archive (13,552 articles, 133,342 co-mentions) took 0.5 s; over the newest
  // 1,000, 0.11-0.19 s at load 10; over 300, 30 ms. Exact for everyone with fewer articles.
  personCoMentions: {
    inner: `SELECT w.n AS "__weight", p.name, p.id AS "rowId"
            FROM (SELECT y.person_id, count(*)::int AS n FROM (${recentArticles('par.id')}) x
                  JOIN article_person y ON y.article_id = x.article_id AND y.person_id <> par.id GROUP BY 1) w
            JOIN person p ON p.id = w.person_id`,
    after: { join: 'JOIN person p ON p.id = pg."rowId"', columns: (c) => c('Person', 'p'), keep: ['__weight'] },
    order: byWeight,
    count: `SELECT par.id AS "parentId", (SELECT count(DISTINCT y.person_id) FROM (${recentArticles('par.id')}) x
              JOIN article_person y ON y.article_id = x.article_id AND y.person_id <> par.id) AS n
            FROM unnest($1::int[]) AS par(id)`,
  },
  personMentionedPeople: mentionNetwork(true),
  personMentionedBy: mentionNetwork(false),
  organizationArticles: articlesVia('article_organization', 'organization_id', counter('organization', 'article_count')),
  organizationStatements: statementsBy('speaker_organization_id', counter('organization', 'statement_count')),
  organizationMentions: mentionsIn('article_organization', 'organization_id', 'ORG'),
  organizationEvents: eventsVia('event_organization', 'organization_id'),
  placeArticles: articlesVia('article_place', 'place_id', counter('place', 'article_count')),
  placeMentions: mentionsIn('article_place', 'place_id', 'LOC'),
  placeEvents: {
    inner: (c) => `SELECT ${c('Event', 'e')} FROM event e WHERE e.place_id = par.id`,
    order: byEventDate,
    count: `SELECT place_id AS "parentId", count(*) AS n FROM event WHERE place_id = ANY($1::int[]) GROUP BY 1`,
  },
  eventParticipants: {
    inner: (c) => `SELECT ${c('Person', 'p')} FROM event_participant ep JOIN person p ON p.id = ep.person_id WHERE ep.event_id = par.id`,
    order: byName,
    count: `SELECT event_id AS "parentId", count(*) AS n FROM event_participant WHERE event_id = ANY($1::int[]) GROUP BY 1`,
  },
  eventOrganizations: {
    inner: (c) => `SELECT ${c('Organization', 'o')} FROM event_organization eo JOIN organization o ON o.id = eo.organization_id WHERE eo.event_id = par.id`,
    order: byName,
    count: `SELECT event_id AS "parentId", count(*) AS n FROM event_organization WHERE event_id = ANY($1::int[]) GROUP BY 1`,
  },
  eventArticles: articlesVia('event_article', 'event_id', counter('event', 'article_count')),
  eventSources: eventActors('SOURCE'),
  eventTargets: eventActors('TARGET'),
  eventEvidence,
  eventStatements: statementsBy('event_id', null, true),
} satisfies Record<string, RelationSpec>;

export type RelationName = keyof typeof RELATIONS;
