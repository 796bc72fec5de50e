import type { Sql } from '../db/sql.ts';
import { finalNames, type FinalName } from './rename-nodes.ts';
import type { StoreArticle } from './types.ts';

/** Where every event key the batch merges away ends (A into B in one article, B into C later: A ends in C). */
export function batchEventMerges(articles: StoreArticle[]): Map<string, FinalName> {
  return finalNames(articles.flatMap((a) => a.resolved.renames?.events ?? []));
}

/** The batch's articles with every event key (events, statements, accounts) as the batch's last merge left it. */
export function withFinalEvents(articles: StoreArticle[], merges: Map<string, FinalName>): StoreArticle[] {
  if (merges.size === 0) return articles;
  const to = (k: string) => merges.get(k)?.to ?? k;
  return articles.map((a) => ({
    ...a,
    resolved: {
      ...a.resolved,
      events: a.resolved.events.map((e) => ({ ...e, key: to(e.key) })),
      statements: a.resolved.statements.map((s) => ({ ...s, eventKey: s.eventKey ? to(s.eventKey) : null })),
      members: a.resolved.members?.map((m) => ({ ...m, event: to(m.event) })),
    },
  }));
}

/**
 * Stored events an account of the batch links to another are merged into it before the batch's rows
 * are written: renamed when the other is not stored yet, else their links, statements, participants and actors
 * moved over and the row deleted. Returns the ids of the events that took others in.
 */
export async function mergeStoredEvents(sql: Sql, merges: Map<string, FinalName>): Promise<number[]> {
  const kept: number[] = [];
  for (const [from, { to }] of merges) {
    const renamed = await sql.query<{ id: number }>(`UPDATE event SET key = $2, updated_at = now() WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM event WHERE key = $2) RETURNING id`, [from, to]);
    if (renamed.length) {
      kept.push(renamed[0].id);
      continue;
    }
    const ids = await sql.query<{ src: number; dst: number }>(`SELECT s.id AS src, d.id AS dst FROM event s, event d WHERE s.key = $1 AND d.key = $2 FOR UPDATE`, [from, to]);
    if (!ids.length) continue;
    const { src, dst } = ids[0];
    // An article with accounts of both keeps one link holding all its accounts.
    await sql.query(
      `INSERT INTO event_article (event_id, article_id, offsets, members)
       SELECT $2, article_id, offsets, members FROM event_article WHERE event_id = $1
       ON CONFLICT (event_id, article_id) DO UPDATE SET
         offsets = ARRAY(SELECT DISTINCT o FROM unnest(event_article.offsets || excluded.offsets) o ORDER BY o),
         members = event_article.members || excluded.members`,
      [src, dst],
    );
    await sql.query(`UPDATE statement SET event_id = $2 WHERE event_id = $1`, [src, dst]);
    await sql.query(`INSERT INTO event_participant (event_id, person_id) SELECT $2, person_id FROM event_participant WHERE event_id = $1 ON CONFLICT DO NOTHING`, [src, dst]);
    await sql.query(`INSERT INTO event_organization (event_id, organization_id) SELECT $2, organization_id FROM event_organization WHERE event_id = $1 ON CONFLICT DO NOTHING`, [src, dst]);
    // Actors of both, each once per article (the source's rows go with its row).
    await sql.query(`INSERT INTO event_actor (event_id, article_id, role, person_id, organization_id, group_name) SELECT $2, article_id, role, person_id, organization_id, group_name FROM event_actor WHERE event_id = $1 ON CONFLICT DO NOTHING`, [src, dst]);
    await sql.query(`DELETE FROM event WHERE id = $1`, [src]);
    kept.push(dst);
  }
  return kept;
}
