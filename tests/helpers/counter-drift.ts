import type { Sql } from '../../src/db/sql.ts';

/**
 * Every counter the writer keeps (migration 20261205090000_reads_keyset) next to a recount of what it
 * counts, and every statement's copied article date next to its article's: the rows that disagree.
 * Empty when the counters are exact.
 */
export async function counterDrift(sql: Sql): Promise<unknown[]> {
  return sql.query(`
    SELECT 'graph_count' AS what, g.name AS id, g.n::int AS kept, c.n::int AS actual FROM graph_count g JOIN (
      SELECT 'article' AS name, count(*) AS n FROM article UNION ALL SELECT 'statement', count(*) FROM statement
      UNION ALL SELECT 'person', count(*) FROM person UNION ALL SELECT 'organization', count(*) FROM organization
      UNION ALL SELECT 'place', count(*) FROM place UNION ALL SELECT 'event', count(*) FROM event) c ON c.name = g.name
    WHERE g.n <> c.n
    UNION ALL SELECT 'person.article_count', p.id::text, p.article_count, (SELECT count(*) FROM article_person x WHERE x.person_id = p.id)::int FROM person p
    WHERE p.article_count <> (SELECT count(*) FROM article_person x WHERE x.person_id = p.id)
    UNION ALL SELECT 'person.statement_count', p.id::text, p.statement_count, (SELECT count(*) FROM statement x WHERE x.speaker_person_id = p.id)::int FROM person p
    WHERE p.statement_count <> (SELECT count(*) FROM statement x WHERE x.speaker_person_id = p.id)
    UNION ALL SELECT 'organization.article_count', o.id::text, o.article_count, (SELECT count(*) FROM article_organization x WHERE x.organization_id = o.id)::int FROM organization o
    WHERE o.article_count <> (SELECT count(*) FROM article_organization x WHERE x.organization_id = o.id)
    UNION ALL SELECT 'organization.statement_count', o.id::text, o.statement_count, (SELECT count(*) FROM statement x WHERE x.speaker_organization_id = o.id)::int FROM organization o
    WHERE o.statement_count <> (SELECT count(*) FROM statement x WHERE x.speaker_organization_id = o.id)
    UNION ALL SELECT 'place.article_count', pl.id::text, pl.article_count, (SELECT count(*) FROM article_place x WHERE x.place_id = pl.id)::int FROM place pl
    WHERE pl.article_count <> (SELECT count(*) FROM article_place x WHERE x.place_id = pl.id)
    UNION ALL SELECT 'event.article_count', e.id::text, e.article_count, (SELECT count(*) FROM event_article x WHERE x.event_id = e.id)::int FROM event e
    WHERE e.article_count <> (SELECT count(*) FROM event_article x WHERE x.event_id = e.id)
    UNION ALL SELECT 'statement.published_at', s.id::text, NULL, NULL FROM statement s JOIN article a ON a.id = s.article_id
    WHERE s.published_at IS DISTINCT FROM a.published_at`);
}
