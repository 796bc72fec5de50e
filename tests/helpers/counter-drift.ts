import { ENTITY_COUNTERS } from '../../src/db/entity-counters.ts';
import type { Sql } from '../../src/db/sql.ts';


const entityDrift = ([table, counter, counted, key]: (typeof ENTITY_COUNTERS)[number]) => {
  const recount = `(SELECT count(*) FROM ${counted} x WHERE x.${key} = e.id)`;
  // Every entity has its counter row; a missing one shows as NULL.
  return `SELECT '${table}_counter.${counter}', e.id::text, c.${counter}, ${recount}::int FROM ${table} e LEFT JOIN ${table}_counter c ON c.${table}_id = e.id WHERE c.${counter} IS DISTINCT FROM ${recount}`;
};

/**
 * Every counter the writer keeps (migrations 20261205090000_reads_keyset, 20261207090000_reads_counter_tables) next to a recount of what it
 * counts, every statement's copied article date next to its article's and every event link's copied
 * event date next to its event's (migration 20261211090000_event_link_dates): the rows that disagree.
 * Empty when the counters are exact.
 */
export async function counterDrift(sql: Sql): Promise<unknown[]> {
  return sql.query(`
    SELECT 'graph_count' AS what, g.name AS id, g.n::int AS kept, c.n::int AS actual FROM graph_count g JOIN (
      SELECT 'article' AS name, count(*) AS n FROM article UNION ALL SELECT 'statement', count(*) FROM statement
      UNION ALL SELECT 'person', count(*) FROM person UNION ALL SELECT 'organization', count(*) FROM organization
      UNION ALL SELECT 'place', count(*) FROM place UNION ALL SELECT 'event', count(*) FROM event) c ON c.name = g.name
    WHERE g.n <> c.n
    ${ENTITY_COUNTERS.map((c) => `UNION ALL ${entityDrift(c)}`).join('\n    ')}
    UNION ALL SELECT 'statement.published_at', s.id::text, NULL, NULL FROM statement s JOIN article a ON a.id = s.article_id
    WHERE s.published_at IS DISTINCT FROM a.published_at
    UNION ALL SELECT 'event_participant.start_date', l.event_id || ':' || l.person_id, NULL, NULL FROM event_participant l JOIN event e ON e.id = l.event_id
    WHERE l.start_date IS DISTINCT FROM e.start_date
    UNION ALL SELECT 'event_organization.start_date', l.event_id || ':' || l.organization_id, NULL, NULL FROM event_organization l JOIN event e ON e.id = l.event_id
    WHERE l.start_date IS DISTINCT FROM e.start_date`);
}
