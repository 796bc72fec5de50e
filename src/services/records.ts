/**
 * Row shapes the read services return, and the SQL that selects them. Each row carries its
 * GraphQL type name and opaque global ID (computed in SQL, so the hot path does no string work).
 */
export type TypeName = 'Article' | 'Person' | 'Organization' | 'Place' | 'Event' | 'Statement';

export interface BaseRecord {
  __typename: TypeName;
  /** Opaque global ID: base64("Type:rowId"). */
  id: string;
  rowId: number;
}

export interface ArticleRecord extends BaseRecord {
  __typename: 'Article';
  title: string;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  dateline: string | null;
  /**
   * The text, only where a row was read with it (the live feed's): the read paths leave it out, since it
   * is kilobytes per row and most pages never show it, and `Article.body` loads it by id when asked.
   */
  body?: string;
  contentHash: string;
  extractorVersion: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface PersonRecord extends BaseRecord {
  __typename: 'Person';
  name: string;
  aliases: string[];
  roles: string[];
}

export interface OrganizationRecord extends BaseRecord {
  __typename: 'Organization';
  name: string;
  aliases: string[];
  kind: string;
}

export interface PlaceRecord extends BaseRecord {
  __typename: 'Place';
  name: string;
  aliases: string[];
  kind: string;
  latitude: number | null;
  longitude: number | null;
  countryCode: string | null;
  geonamesId: number | null;
}

export interface EventRecord extends BaseRecord {
  __typename: 'Event';
  key: string;
  title: string;
  kind: string;
  startDate: string | null;
  endDate: string | null;
  precision: string | null;
  placeId: number | null;
  /** In the ontology (EventType); with its mode, whether it is mutual and how sure the extractor is (0..1). */
  type: string;
  mode: string | null;
  symmetric: boolean;
  confidence: number;
}

/** A party to an event the text names without a node ("police", "Democrats"). Not a node: no global ID. */
export interface ActorGroupRecord {
  __typename: 'ActorGroup';
  name: string;
}

/** Who acted in an event, or was acted on. */
export type EventActorRecord = PersonRecord | OrganizationRecord | ActorGroupRecord;

/** One article's account of an event: what it says the event is, and where it says so (offsets into the body). */
export interface EventEvidenceRecord {
  articleId: number;
  type: string;
  mode: string | null;
  confidence: number;
  triggerStart: number;
  triggerEnd: number;
  sentenceStart: number | null;
  sentenceEnd: number | null;
}

export interface StatementRecord extends BaseRecord {
  __typename: 'Statement';
  text: string;
  kind: string;
  cue: string | null;
  speakerText: string | null;
  speakerPersonId: number | null;
  speakerOrganizationId: number | null;
  articleId: number;
  eventId: number | null;
  startOffset: number;
  endOffset: number;
  /** The statement's parts (parallel arrays; see prisma/schema.prisma). */
  spanStarts: number[];
  spanEnds: number[];
  confidence: number;
}

/** One mention of a person, organisation or place in an article (not a node: no global ID). */
export interface MentionRecord {
  articleId: number;
  start: number;
  end: number;
  /** Stored at ingest; null for mentions stored before confidences were (migration 20261201090000_evidence). */
  confidence: number | null;
  /** What the mentioned entity is, for the confidence table. */
  type: 'PER' | 'ORG' | 'LOC';
}

export type NodeRecord = ArticleRecord | PersonRecord | OrganizationRecord | PlaceRecord | EventRecord | StatementRecord;

/** The global ID of the row `alias` of a table of `type`, in SQL. */
export const globalIdSql = (type: TypeName, alias: string) => `encode(convert_to('${type}:' || ${alias}.id, 'UTF8'), 'base64')`;

/**
 * Each record's columns: output name → SQL, qualified by the table's alias. The one place a record's
 * fields meet the table's columns (see COLUMNS and columnsOf). An article's are without its body (see
 * ArticleRecord.body).
 */
const COLUMN_SQL: Record<TypeName, Record<string, (t: string) => string>> = {
  Article: {
    title: (a) => `${a}.title`, source: (a) => `${a}.source`, url: (a) => `${a}.url`, publishedAt: (a) => `${a}.published_at AS "publishedAt"`, dateline: (a) => `${a}.dateline`,
    contentHash: (a) => `${a}.content_hash AS "contentHash"`, extractorVersion: (a) => `${a}.extractor_version AS "extractorVersion"`, createdAt: (a) => `${a}.created_at AS "createdAt"`, updatedAt: (a) => `${a}.updated_at AS "updatedAt"`,
  },
  Person: { name: (p) => `${p}.name`, aliases: (p) => `${p}.aliases`, roles: (p) => `${p}.roles` },
  Organization: { name: (o) => `${o}.name`, aliases: (o) => `${o}.aliases`, kind: (o) => `${o}.kind::text AS kind` },
  Place: {
    name: (p) => `${p}.name`, aliases: (p) => `${p}.aliases`, kind: (p) => `${p}.kind::text AS kind`, latitude: (p) => `${p}.latitude`, longitude: (p) => `${p}.longitude`,
    countryCode: (p) => `${p}.country_code AS "countryCode"`, geonamesId: (p) => `${p}.geonames_id AS "geonamesId"`,
  },
  Event: {
    key: (e) => `${e}.key`, title: (e) => `${e}.title`, kind: (e) => `${e}.kind::text AS kind`, startDate: (e) => `${e}.start_date AS "startDate"`, endDate: (e) => `${e}.end_date AS "endDate"`,
    precision: (e) => `${e}.precision::text AS precision`, placeId: (e) => `${e}.place_id AS "placeId"`, type: (e) => `${e}.type::text AS type`, mode: (e) => `${e}.mode`,
    symmetric: (e) => `${e}.is_symmetric AS symmetric`, confidence: (e) => `${e}.confidence`,
  },
  Statement: {
    text: (s) => `${s}.text`, kind: (s) => `${s}.kind::text AS kind`, cue: (s) => `${s}.cue`, speakerText: (s) => `${s}.speaker_text AS "speakerText"`,
    speakerPersonId: (s) => `${s}.speaker_person_id AS "speakerPersonId"`, speakerOrganizationId: (s) => `${s}.speaker_organization_id AS "speakerOrganizationId"`,
    articleId: (s) => `${s}.article_id AS "articleId"`, eventId: (s) => `${s}.event_id AS "eventId"`, startOffset: (s) => `${s}.start_offset AS "startOffset"`,
    endOffset: (s) => `${s}.end_offset AS "endOffset"`, spanStarts: (s) => `${s}.span_starts AS "spanStarts"`, spanEnds: (s) => `${s}.span_ends AS "spanEnds"`, confidence: (s) => `${s}.confidence`,
  },
};

/**
 * The columns a GraphQL field of a record reads, where they are not the field's own name: fields
 * resolved from other columns (a statement's speaker from its speaker ids, its spans from the span
 * arrays, its article). A field that is neither here nor a column (a nested list, `body`, `rowId`)
 * reads none: the row id, which every record carries, is all it needs.
 */
const FIELD_COLUMNS: Partial<Record<TypeName, Record<string, readonly string[]>>> = {
  Statement: {
    speaker: ['speakerPersonId', 'speakerOrganizationId'],
    spans: ['articleId', 'startOffset', 'endOffset', 'spanStarts', 'spanEnds'],
    article: ['articleId'],
    event: ['eventId'],
  },
  Event: { place: ['placeId'] },
};

/**
 * The fields a query selects on each record type (see graphql/loaders/columns.ts); a type absent is
 * read whole, and so is every type when there is no selection.
 */
export type FieldSelection = Partial<Record<TypeName, ReadonlySet<string>>>;

/**
 * The SELECT list of a record of `type` from the table aliased `alias`: its type name and row id, its
 * global ID when `id` is among the fields, and the columns the fields read (all when `fields` is
 * undefined); `required` names columns read whatever the fields (the keys a page is ordered by).
 */
export function columnsOf(type: TypeName, alias: string, fields?: ReadonlySet<string>, required: readonly string[] = []): string {
  // Made once per selection (a document's sets are kept with it) and shape: the loaders ask at every batch.
  const memo = fields ? (madeFor.get(fields) ?? madeFor.set(fields, new Map()).get(fields)!) : madeWhole;
  const key = `${type}|${alias}|${required.join(',')}`;
  let text = memo.get(key);
  if (text === undefined) memo.set(key, (text = makeColumns(type, alias, fields, required)));
  return text;
}

const madeFor = new WeakMap<ReadonlySet<string>, Map<string, string>>();
const madeWhole = new Map<string, string>();

function makeColumns(type: TypeName, alias: string, fields: ReadonlySet<string> | undefined, required: readonly string[]): string {
  const sql = COLUMN_SQL[type];
  const head = `'${type}' AS "__typename", ${fields && !fields.has('id') ? '' : `${globalIdSql(type, alias)} AS id, `}${alias}.id AS "rowId"`;
  if (!fields) return `${head}, ${Object.values(sql).map((c) => c(alias)).join(', ')}`;
  const wanted = new Set<string>();
  const extra = FIELD_COLUMNS[type];
  for (const field of fields) {
    if (Object.hasOwn(sql, field)) wanted.add(field);
    else if (extra && Object.hasOwn(extra, field)) for (const c of extra[field]) wanted.add(c);
  }
  for (const c of required) if (Object.hasOwn(sql, c)) wanted.add(c);
  // In the table's order, so that one selection always gives one text.
  const picked = Object.keys(sql).filter((c) => wanted.has(c));
  return picked.length === 0 ? head : `${head}, ${picked.map((c) => sql[c](alias)).join(', ')}`;
}

/** Columns per table (every column), qualified by the given alias. An article's are without its body (see ArticleRecord.body). */
export const COLUMNS = {
  article: (a = 'a') => columnsOf('Article', a),
  person: (p = 'p') => columnsOf('Person', p),
  organization: (o = 'o') => columnsOf('Organization', o),
  place: (p = 'pl') => columnsOf('Place', p),
  event: (e = 'e') => columnsOf('Event', e),
  statement: (s = 's') => columnsOf('Statement', s),
} as const;

export const TABLE_OF: Record<TypeName, { table: string; alias: string; columns: (fields?: ReadonlySet<string>) => string }> = {
  Article: { table: 'article', alias: 'a', columns: (f) => columnsOf('Article', 'a', f) },
  Person: { table: 'person', alias: 'p', columns: (f) => columnsOf('Person', 'p', f) },
  Organization: { table: 'organization', alias: 'o', columns: (f) => columnsOf('Organization', 'o', f) },
  Place: { table: 'place', alias: 'pl', columns: (f) => columnsOf('Place', 'pl', f) },
  Event: { table: 'event', alias: 'e', columns: (f) => columnsOf('Event', 'e', f) },
  Statement: { table: 'statement', alias: 's', columns: (f) => columnsOf('Statement', 's', f) },
};
