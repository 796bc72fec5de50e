import type { Span } from '../ingest/types.ts';
import type { EventKind, EventType } from './events/ontology.ts';

export type { EventKind };

/** Where a place is (src/geo/geocode.ts): coordinates, ISO 3166-1 alpha-2 country code, GeoNames id (null for countries, regions, and names the gazetteer lacks). */
export interface PlaceGeo {
  latitude: number | null;
  longitude: number | null;
  countryCode: string | null;
  geonamesId: number | null;
  /** The gazetteer's population of this reading (null for countries and regions): the store keeps the more populous of two readings of one name. */
  population: number | null;
}

/** A mention of an entity in the article text. */
export interface Mention extends Span {
  /** The text at [start, end) exactly as it appears in `ParsedArticle.text`. */
  text: string;
}

/** A person found in one article, already merged within the article (Kim = Chairman Kim = Kim Jong Un). */
export interface ExtractedPerson {
  /** Article-local key, stable within one extraction (e.g. "person:kim-jong-un"). */
  key: string;
  /** Canonical full name ("Kim Jong Un"). */
  name: string;
  /** Other surface forms seen in this article ("Kim", "Chairman Kim"), excluding `name`. */
  aliases: string[];
  /** Titles and roles as written ("US Secretary of State"), deduplicated. */
  roles: string[];
  mentions: Mention[];
}

export type OrganizationKind = 'GOVERNMENT' | 'MINISTRY' | 'MEDIA' | 'COMPANY' | 'PARTY' | 'INTERNATIONAL' | 'OTHER';

export interface ExtractedOrganization {
  key: string;
  /** Canonical name ("Kremlin", "US State Department", "North Korean foreign ministry"). */
  name: string;
  aliases: string[];
  kind: OrganizationKind;
  mentions: Mention[];
}

export type PlaceKind = 'CITY' | 'COUNTRY' | 'REGION' | 'OTHER';

export interface ExtractedPlace {
  key: string;
  name: string;
  aliases: string[];
  kind: PlaceKind;
  mentions: Mention[];
  /**
   * Where it is, read from the committed gazetteer in the article's context (src/geo/geocode.ts);
   * null when the gazetteer does not know the name. Optional only so that places built by hand type-check.
   */
  geo?: PlaceGeo | null;
}

/** ON_OR_BEFORE: the text gives no date, only the report's (endDate; startDate is null). */
export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR' | 'RANGE' | 'ON_OR_BEFORE';

/** A date without its year: ISO 8601's `--MM-DD` for its first and last day, and its precision. */
export interface YearlessDate {
  precision: DatePrecision;
  start: string;
  end: string;
}


export interface ExtractedEvent {
  key: string;
  /** Human title, e.g. "Kim Jong Un–Vladimir Putin meeting". */
  title: string;
  kind: EventKind;
  /** ISO dates `YYYY-MM-DD`; null when the text does not justify a date. */
  startDate: string | null;
  endDate: string | null;
  precision: DatePrecision | null;
  /** A date an undated article gives without its year ("in February"): resolve dates it by other reports. */
  yearless?: YearlessDate;
  /** Key into `Extraction.places`. */
  placeKey: string | null;
  /** Keys into `Extraction.people`. */
  participantKeys: string[];
  /** Keys into `Extraction.organizations` (countries/governments acting as parties). */
  organizationKeys: string[];
  mentions: Mention[];
  /**
   * The typed fields below are always set by the extractor; they are optional only so that events
   * built by hand (tests, older callers) still type-check.
   */
  /** Type in the ontology (PLOVER's sixteen plus ELECTION … SPORT; see src/extract/events/ontology.ts). `kind` is its stored legacy form. */
  type?: EventType;
  /** Mode where it matters ("meeting", "summit", "weapons_test", "arrest"), else null. */
  mode?: string | null;
  /** A mutual event (a meeting, a match): which side is source and which target is arbitrary. */
  symmetric?: boolean;
  /** Who acted. */
  sources?: EventActor[];
  /** Who was acted on (empty for one-sided events: an election, a company's results). */
  targets?: EventActor[];
  /** The first trigger words and the sentence holding them: the evidence. */
  trigger?: Mention;
  sentence?: Span;
  /** 0..1 */
  confidence?: number;
  /** Indexes into `Extraction.statements` of the statements about this event (same sentence). */
  statementIndexes?: number[];
}

/** A party to an event: a person or organisation of the extraction, or a group the text names without one ("Democrats", "police"). */
export interface EventActor {
  type: 'person' | 'organization' | 'group';
  /** Key into `Extraction.people` or `Extraction.organizations`; null for a group. */
  key: string | null;
  name: string;
  /** The name as written at the event when it is fuller than the recognised name ("Commission on Presidential Debates"). */
  written?: string;
}

export type StatementKind = 'DIRECT' | 'INDIRECT' | 'MIXED';

export interface SpeakerRef {
  type: 'person' | 'organization';
  /** Key into `Extraction.people` or `Extraction.organizations`. */
  key: string;
}

export interface ExtractedStatement extends Span {
  /**
   * What was said: the quoted words, or the reported content for indirect speech — the article's text
   * of `spans`, joined by one space (one span: exactly the text at [start, end)).
   */
  text: string;
  /**
   * The parts in reading order; several when a quotation is interrupted by its attribution. The
   * extractor always sets it; absent (hand-built statements) means the one span [start, end).
   */
  spans?: Span[];
  kind: StatementKind;
  /** Cue verb as written ("said", "was quoted as saying", "according to"). */
  cue: string | null;
  speaker: SpeakerRef | null;
  /** The speaker as written in the text ("a spokesperson for the US State Department", "Kwon"). */
  speakerText: string | null;
  /** Where the speaker is written in the text (for evaluation against gold source spans). */
  speakerSpan?: Span;
  /** Key into `Extraction.events` when the text ties the statement to an event. */
  eventKey: string | null;
  /** 0..1 */
  confidence: number;
}

/** Output of the extract stage for one article. Pure data; no database identities. */
export interface Extraction {
  people: ExtractedPerson[];
  organizations: ExtractedOrganization[];
  places: ExtractedPlace[];
  events: ExtractedEvent[];
  statements: ExtractedStatement[];
}
