import type { RelationName } from '../../services/relations.ts';

/**
 * The relation behind every nested connection field, by parent type. Field resolvers read through it
 * (relationConnection) and so does the look-ahead (prefetch.ts), so the two always ask the loaders
 * for the same relation and page.
 */
export const RELATION_FIELDS = {
  Article: { people: 'articlePeople', organizations: 'articleOrganizations', places: 'articlePlaces', statements: 'articleStatements', events: 'articleEvents' },
  Event: { participants: 'eventParticipants', organizations: 'eventOrganizations', articles: 'eventArticles', statements: 'eventStatements', sources: 'eventSources', targets: 'eventTargets', evidence: 'eventEvidence' },
  Organization: { articles: 'organizationArticles', statements: 'organizationStatements', events: 'organizationEvents', mentions: 'organizationMentions' },
  Person: {
    articles: 'personArticles',
    statements: 'personStatements',
    events: 'personEvents',
    coMentionedPeople: 'personCoMentions',
    mentionedPeople: 'personMentionedPeople',
    mentionedBy: 'personMentionedBy',
    mentions: 'personMentions',
  },
  Place: { articles: 'placeArticles', events: 'placeEvents', mentions: 'placeMentions' },
} as const satisfies Record<string, Record<string, RelationName>>;

export type RelationParent = keyof typeof RELATION_FIELDS;
export type RelationField<P extends RelationParent> = keyof (typeof RELATION_FIELDS)[P] & string;

/** The relation a field reads, or undefined when the field is not a nested connection. */
export function relationOf(parent: string, field: string): RelationName | undefined {
  const fields = (RELATION_FIELDS as Record<string, Record<string, RelationName>>)[parent];
  return fields && Object.hasOwn(fields, field) ? fields[field] : undefined;
}
