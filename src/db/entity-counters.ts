/**
 * The per-entity counters the writer's triggers keep (migrations 20261205090000_reads_keyset,
 * 20261207090000_reads_counter_tables; now in <entity>_counter tables): the entity table, the counter
 * column, and the rows it counts (table and key column). What recounts them and what checks them
 * read this one list.
 */
export const ENTITY_COUNTERS: readonly (readonly [entity: string, counter: string, counted: string, key: string])[] = [
  ['person', 'article_count', 'article_person', 'person_id'],
  ['person', 'statement_count', 'statement', 'speaker_person_id'],
  ['organization', 'article_count', 'article_organization', 'organization_id'],
  ['organization', 'statement_count', 'statement', 'speaker_organization_id'],
  ['place', 'article_count', 'article_place', 'place_id'],
  ['event', 'article_count', 'event_article', 'event_id'],
];
