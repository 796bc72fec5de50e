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
const gid = (type: TypeName, alias: string) => `'${type}' AS "__typename", ${globalIdSql(type, alias)} AS id, ${alias}.id AS "rowId"`;

/** Columns per table, qualified by the given alias. An article's are without its body (see ArticleRecord.body). */
export const COLUMNS = {
  article: (a = 'a') => `${gid('Article', a)}, ${a}.title, ${a}.source, ${a}.url, ${a}.published_at AS "publishedAt", ${a}.dateline, ${a}.content_hash AS "contentHash", ${a}.extractor_version AS "extractorVersion", ${a}.created_at AS "createdAt", ${a}.updated_at AS "updatedAt"`,
  person: (p = 'p') => `${gid('Person', p)}, ${p}.name, ${p}.aliases, ${p}.roles`,
  organization: (o = 'o') => `${gid('Organization', o)}, ${o}.name, ${o}.aliases, ${o}.kind::text AS kind`,
  place: (p = 'pl') => `${gid('Place', p)}, ${p}.name, ${p}.aliases, ${p}.kind::text AS kind, ${p}.latitude, ${p}.longitude, ${p}.country_code AS "countryCode", ${p}.geonames_id AS "geonamesId"`,
  event: (e = 'e') => `${gid('Event', e)}, ${e}.key, ${e}.title, ${e}.kind::text AS kind, ${e}.start_date AS "startDate", ${e}.end_date AS "endDate", ${e}.precision::text AS precision, ${e}.place_id AS "placeId", ${e}.type::text AS type, ${e}.mode, ${e}.is_symmetric AS symmetric, ${e}.confidence`,
  statement: (s = 's') => `${gid('Statement', s)}, ${s}.text, ${s}.kind::text AS kind, ${s}.cue, ${s}.speaker_text AS "speakerText", ${s}.speaker_person_id AS "speakerPersonId", ${s}.speaker_organization_id AS "speakerOrganizationId", ${s}.article_id AS "articleId", ${s}.event_id AS "eventId", ${s}.start_offset AS "startOffset", ${s}.end_offset AS "endOffset", ${s}.span_starts AS "spanStarts", ${s}.span_ends AS "spanEnds", ${s}.confidence`,
} as const;

export const TABLE_OF: Record<TypeName, { table: string; alias: string; columns: () => string }> = {
  Article: { table: 'article', alias: 'a', columns: () => COLUMNS.article() },
  Person: { table: 'person', alias: 'p', columns: () => COLUMNS.person() },
  Organization: { table: 'organization', alias: 'o', columns: () => COLUMNS.organization() },
  Place: { table: 'place', alias: 'pl', columns: () => COLUMNS.place() },
  Event: { table: 'event', alias: 'e', columns: () => COLUMNS.event() },
  Statement: { table: 'statement', alias: 's', columns: () => COLUMNS.statement() },
};
