import { registerEnumType } from 'type-graphql';

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
registerEnumType(EventKind, { name: 'EventKind', description: 'What kind of real-world event this is.' });

export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
  RANGE = 'RANGE',
}
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precisely the text dates an event.',
  valuesConfig: {
    DAY: { description: 'A single known day: startDate = endDate.' },
    MONTH: { description: 'Known to the month: startDate..endDate spans it.' },
    YEAR: { description: 'Known to the year.' },
    RANGE: { description: 'A stated range such as "the second half of April".' },
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
registerEnumType(OrganizationKind, { name: 'OrganizationKind', description: 'What kind of organisation this is.' });

export enum PlaceKind {
  CITY = 'CITY',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  OTHER = 'OTHER',
}
registerEnumType(PlaceKind, { name: 'PlaceKind', description: 'What kind of place this is.' });
