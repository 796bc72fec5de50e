import { registerEnumType } from 'type-graphql';
import { EVENT_TYPE_DESCRIPTIONS, EVENT_TYPES } from '../extract/events/ontology.ts';

export enum StatementKind {
  DIRECT = 'DIRECT',
  INDIRECT = 'INDIRECT',
  MIXED = 'MIXED',
}
registerEnumType(StatementKind, {
  name: 'StatementKind',
  description: 'How the words are reported.',
  valuesConfig: {
    DIRECT: { description: 'A direct quotation in quote marks.' },
    INDIRECT: { description: 'Reported speech ("X said that ...", "according to X").' },
    MIXED: { description: 'Reported speech containing a partial direct quotation.' },
  },
});

export enum EventKind {
  MEETING = 'MEETING',
  SUMMIT = 'SUMMIT',
  TALKS = 'TALKS',
  VISIT = 'VISIT',
  WEAPONS_TEST = 'WEAPONS_TEST',
  LAUNCH = 'LAUNCH',
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  OTHER = 'OTHER',
}
registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'What kind of real-world event this is.',
  valuesConfig: {
    MEETING: { description: 'Two or more parties meet ("met", "a meeting between").' },
    SUMMIT: { description: 'A meeting of leaders reported as a summit.' },
    TALKS: { description: 'Negotiations or discussions reported as talks.' },
    VISIT: { description: 'A trip by a person or delegation to a place ("visited", "travelled to").' },
    WEAPONS_TEST: { description: 'A test of a weapon, missile or nuclear device.' },
    LAUNCH: { description: 'The launch of a missile, rocket, satellite or other weapon.' },
    ANNOUNCEMENT: { description: 'A public announcement or declaration. Not extracted from text today; set by editors.' },
    OTHER: { description: 'An event of none of the kinds above.' },
  },
});

/**
 * The event ontology (src/extract/events/ontology.ts), in its order, each value with the ontology's
 * description; prisma/schema.prisma describes the database enum with the same words
 * (tests/schema-event-type.test.ts compares the three).
 */
export const EventType = Object.fromEntries(EVENT_TYPES.map((t) => [t, t])) as { [K in keyof typeof EVENT_TYPE_DESCRIPTIONS]: K };
export type EventType = keyof typeof EVENT_TYPE_DESCRIPTIONS;
registerEnumType(EventType, {
  name: 'EventType',
  description: "What happened, in the event ontology: PLOVER's sixteen types (AGREE … THREATEN), then the types general news needs (ELECTION … SPORT). `mode` refines some (CONSULT: meeting, summit, visit, talks, call; ASSAULT: attack, bombing, shooting; MOBILIZE: weapons_test …).",
  valuesConfig: Object.fromEntries(EVENT_TYPES.map((t) => [t, { description: EVENT_TYPE_DESCRIPTIONS[t] }])),
});

export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
  RANGE = 'RANGE',
  ON_OR_BEFORE = 'ON_OR_BEFORE',
}
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precisely the text dates an event.',
  valuesConfig: {
    DAY: { description: 'A single known day: startDate = endDate.' },
    MONTH: { description: 'Known to the month: startDate..endDate spans it.' },
    YEAR: { description: 'Known to the year.' },
    RANGE: { description: 'A stated range such as "the second half of April".' },
    ON_OR_BEFORE: { description: 'The text gives no date: the event happened on or before endDate, the day it was reported (startDate is null).' },
  },
});

export enum OrganizationKind {
  GOVERNMENT = 'GOVERNMENT',
  MINISTRY = 'MINISTRY',
  MEDIA = 'MEDIA',
  COMPANY = 'COMPANY',
  PARTY = 'PARTY',
  INTERNATIONAL = 'INTERNATIONAL',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of organisation this is.',
  valuesConfig: {
    GOVERNMENT: { description: "A national government or its seat, e.g. the Kremlin, the White House, or a country's embassy." },
    MINISTRY: { description: 'A ministry, department or office of a government, e.g. the Pentagon, the Treasury.' },
    MEDIA: { description: 'A news organisation: agency, broadcaster or newspaper, e.g. Reuters, TASS, the BBC.' },
    COMPANY: { description: 'A business, e.g. Microsoft, Sony.' },
    PARTY: { description: 'A political party.' },
    INTERNATIONAL: { description: 'An intergovernmental organisation, e.g. the United Nations, NATO, the European Union.' },
    OTHER: { description: 'An organisation of none of the kinds above, or of a kind the text does not make clear.' },
  },
});

export enum PlaceKind {
  CITY = 'CITY',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  OTHER = 'OTHER',
}
registerEnumType(PlaceKind, {
  name: 'PlaceKind',
  description: 'What kind of place this is.',
  valuesConfig: {
    CITY: { description: 'A city or town, e.g. Pyongyang, Geneva.' },
    COUNTRY: { description: 'A sovereign country, e.g. North Korea, Russia.' },
    REGION: { description: 'A region larger or other than one country, e.g. the Korean Peninsula, the Middle East, Crimea.' },
    OTHER: { description: 'A place of none of the kinds above.' },
  },
});
