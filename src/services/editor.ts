import type { Db } from '../db/writer.ts';
import type { Sql } from '../db/sql.ts';
import { ingestArticles } from '../pipeline/ingest-articles.ts';
import { refreshEvents } from '../store/refresh-events.ts';
import { nodesOfArticles, removeOrphans } from '../store/remove-orphans.ts';
import { AppError } from './app-error.ts';
import { rawArticleOf, type ArticleInput } from './article-input.ts';
import type { TypeName } from './records.ts';

/*
 * Corrections an editor makes to the graph. Each runs in one transaction that locks the rows it
 * changes, so a concurrent ingest or correction sees either all of it or none. Problems with the
 * input (unknown IDs, merging a person into themself, ...) are AppErrors carrying the offending
 * input field; the GraphQL layer returns them as typed user errors.
 */

/** How long a correction's statements may run before PostgreSQL cancels them. */
const TX_OPTIONS = { timeoutMs: 30_000 };

export interface NodeRef {
  type: TypeName;
  rowId: number;
}

function inputError(code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT', field: string, message: string): AppError {
  return new AppError(code, message, { field: ['input', field] });
}

async function lockPerson(tx: Sql, id: number, field: string): Promise<{ id: number; name: string; aliases: string[]; roles: string[] }> {
  const rows = await tx.query<{ id: number; name: string; aliases: string[]; roles: string[] }>(`SELECT id, name, aliases, roles FROM person WHERE id = $1 FOR UPDATE`, [id]);
  if (!rows[0]) throw inputError('NOT_FOUND', field, `No person with this ID`);
  return rows[0];
}

const uniqueCaseless = (names: string[], except: string[] = []) => {
  const seen = new Set(except.map((n) => n.toLowerCase()));
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (!n.trim() || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

// --- ingest -------------------------------------------------------------------------------------

export type IngestOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';

/** Runs the whole pipeline on one article given as text; the same natural key updates the stored story. */
export async function ingestArticleText(db: Db, input: ArticleInput): Promise<{ outcome: IngestOutcome; articleId: number }> {
  const raw = rawArticleOf(input, 'ingestArticle mutation');
  let articleId: number | undefined;
  const summary = await ingestArticles(db, [{ ok: true, article: raw }], { onProgress: (p) => (articleId = p.articleId) });
  if (summary.errors.length) throw inputError('BAD_USER_INPUT', 'text', summary.errors[0].message);
  if (articleId === undefined) throw new AppError('INTERNAL_SERVER_ERROR', 'The article was ingested but cannot be found');
  const outcome: IngestOutcome = summary.articles.created ? 'CREATED' : summary.articles.updated ? 'UPDATED' : 'UNCHANGED';
  return { outcome, articleId };
}

// --- merge --------------------------------------------------------------------------------------

/**
 * SET clause joining two rows' mentions (parallel arrays offsets, ends, confidences) into one list in
 * start order, one mention per start (the longer when both rows have one there), as ingest writes them.
 */
const mergedMentions = (a: string, b: string) => `(offsets, ends, confidences) = (
  SELECT COALESCE(array_agg(x.o ORDER BY x.o), '{}'), COALESCE(array_agg(x.e ORDER BY x.o), '{}'), COALESCE(array_agg(x.c ORDER BY x.o), '{}')
  FROM (SELECT DISTINCT ON (u.o) u.o, u.e, u.c FROM unnest(${a}.offsets || ${b}.offsets, ${a}.ends || ${b}.ends, ${a}.confidences || ${b}.confidences) u(o, e, c) ORDER BY u.o, u.e DESC NULLS LAST) x)`;

/** Moves everything of `sourceIds` onto `targetId` (mentions, statements, events, names) and deletes them. */
export async function mergePeople(db: Db, targetId: number, sourceIds: number[]): Promise<{ personId: number; removed: number[] }> {
  const sources = [...new Set(sourceIds)];
  if (sources.length === 0) throw inputError('BAD_USER_INPUT', 'sourceIds', 'Name at least one person to merge');
  if (sources.includes(targetId)) throw inputError('BAD_USER_INPUT', 'sourceIds', 'A person cannot be merged into themself');
  return db.transaction(async (tx) => {
    // Lock in id order so that two concurrent merges cannot deadlock.
    const locked = new Map<number, Awaited<ReturnType<typeof lockPerson>>>();
    for (const id of [targetId, ...sources].sort((a, b) => a - b)) locked.set(id, await lockPerson(tx, id, id === targetId ? 'targetId' : 'sourceIds'));
    const target = locked.get(targetId)!;
    let aliases = target.aliases;
    let roles = target.roles;
    for (const sourceId of sources) {
      const source = locked.get(sourceId)!;
      // Mentions in articles both appear in become one row; the rest just change hands.
      await tx.query(
        `UPDATE article_person t SET count = t.count + s.count,
           ${mergedMentions('t', 's')},
           roles = ARRAY(SELECT DISTINCT r FROM unnest(t.roles || s.roles) r ORDER BY r)
         FROM article_person s WHERE s.person_id = $1 AND t.person_id = $2 AND t.article_id = s.article_id`, [sourceId, targetId]);
      await tx.query(`DELETE FROM article_person s WHERE s.person_id = $1 AND EXISTS (SELECT 1 FROM article_person t WHERE t.person_id = $2 AND t.article_id = s.article_id)`, [sourceId, targetId]);
      await tx.query(`UPDATE article_person SET person_id = $2 WHERE person_id = $1`, [sourceId, targetId]);
      await tx.query(`UPDATE statement SET speaker_person_id = $2 WHERE speaker_person_id = $1`, [sourceId, targetId]);
      await tx.query(`INSERT INTO event_participant (event_id, person_id) SELECT event_id, $2 FROM event_participant WHERE person_id = $1 ON CONFLICT DO NOTHING`, [sourceId, targetId]);
      // Their sides in events too (the source's rows go with the person).
      await tx.query(`INSERT INTO event_actor (event_id, article_id, role, person_id) SELECT event_id, article_id, role, $2 FROM event_actor WHERE person_id = $1 ON CONFLICT DO NOTHING`, [sourceId, targetId]);
      await tx.query(`DELETE FROM person WHERE id = $1`, [sourceId]);
      aliases = uniqueCaseless([...aliases, source.name, ...source.aliases], [target.name]);
      roles = uniqueCaseless([...roles, ...source.roles]);
    }
    await tx.query(`UPDATE person SET aliases = $2::text[], roles = $3::text[], updated_at = now() WHERE id = $1`, [targetId, aliases, roles]);
    return { personId: targetId, removed: sources };
  }, TX_OPTIONS);
}

// --- split --------------------------------------------------------------------------------------

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** The longest of `names` written at `offset` of `text` as whole words (case-insensitive). */
export function nameAt(text: string, offset: number, names: string[]): string | null {
  let best: string | null = null;
  for (const n of names) {
    if (text.substr(offset, n.length).toLowerCase() !== n.toLowerCase()) continue;
    if (isWordChar(text[offset + n.length])) continue;
    if (!best || n.length > best.length) best = n;
  }
  return best;
}

/** The longest of `names` that `speakerText` ends with, as whole words (case-insensitive): "Chairman Kim" → "Chairman Kim", not "Kim". */
export function nameAtEnd(speakerText: string, names: string[]): string | null {
  const t = speakerText.trim();
  const lower = t.toLowerCase();
  let best: string | null = null;
  for (const n of names) {
    if (!n || !lower.endsWith(n.toLowerCase()) || isWordChar(t[t.length - n.length - 1])) continue;
    if (!best || n.length > best.length) best = n;
  }
  return best;
}

/**
 * Splits an alias off a person: the mentions written exactly as that alias (not as a longer name)
 * and the statements attributed through it move to `newName` (default: the alias), an existing
 * person of that name or a new one. Participation in an event moves too when the event's articles
 * then name only the new person.
 */
export async function splitAlias(db: Db, personId: number, alias: string, newName?: string | null): Promise<{ personId: number; newPersonId: number; movedMentions: number; movedStatements: number; movedEvents: number }> {
  return db.transaction(async (tx) => {
    const person = await lockPerson(tx, personId, 'personId');
    const a = person.aliases.find((x) => x.toLowerCase() === alias.trim().toLowerCase());
    if (!a) throw inputError(person.name.toLowerCase() === alias.trim().toLowerCase() ? 'BAD_USER_INPUT' : 'NOT_FOUND', 'alias', person.name.toLowerCase() === alias.trim().toLowerCase() ? 'That is the canonical name; rename or merge instead' : `"${alias}" is not an alias of ${person.name}`);
    const name = newName?.trim() || a;
    const names = [person.name, ...person.aliases];
    const existing = await tx.query<{ id: number }>(`SELECT id FROM person WHERE lower(name) = lower($1) FOR UPDATE`, [name]);
    if (existing[0]?.id === personId) throw inputError('CONFLICT', 'newName', 'The new name is the person\'s own name');
    const created = existing[0] ? null : await tx.query<{ id: number }>(`INSERT INTO person (name, aliases, roles, updated_at) VALUES ($1, $2::text[], '{}', now()) RETURNING id`, [name, name === a ? [] : [a]]);
    const newId = existing[0]?.id ?? created![0].id;
    if (existing[0]) await tx.query(`UPDATE person SET aliases = ARRAY(SELECT DISTINCT x FROM unnest(aliases || $2::text[]) x WHERE lower(x) <> lower(name)), updated_at = now() WHERE id = $1`, [newId, [a]]);

    let movedMentions = 0;
    const mentions = await tx.query<{ article_id: number; count: number; offsets: number[]; ends: (number | null)[]; confidences: (number | null)[]; roles: string[]; body: string }>(
      `SELECT ap.article_id, ap.count, ap.offsets, ap.ends, ap.confidences, ap.roles, a.body FROM article_person ap JOIN article a ON a.id = ap.article_id WHERE ap.person_id = $1 FOR UPDATE OF ap`, [personId]);
    for (const m of mentions) {
      // Mentions are parallel arrays (offsets, ends, confidences): moved and kept by index.
      const indices = m.offsets.map((_, i) => i);
      const moved = indices.filter((i) => nameAt(m.body, m.offsets[i], names) === a);
      if (!moved.length) continue;
      movedMentions += moved.length;
      const kept = indices.filter((i) => !moved.includes(i));
      const pick = <T>(list: T[], at: number[]) => at.map((i) => list[i]);
      await tx.query(
        `INSERT INTO article_person (article_id, person_id, count, offsets, ends, confidences, roles) VALUES ($1, $2, $3, $4::int[], $5::int[], $6::float8[], '{}')
         ON CONFLICT (article_id, person_id) DO UPDATE SET count = article_person.count + EXCLUDED.count,
           ${mergedMentions('article_person', 'EXCLUDED')}`, [m.article_id, newId, moved.length, pick(m.offsets, moved), pick(m.ends, moved), pick(m.confidences, moved)]);
      if (kept.length) await tx.query(`UPDATE article_person SET offsets = $3::int[], ends = $6::int[], confidences = $7::float8[], count = GREATEST(count - $4, $5) WHERE article_id = $1 AND person_id = $2`, [m.article_id, personId, pick(m.offsets, kept), moved.length, kept.length, pick(m.ends, kept), pick(m.confidences, kept)]);
      else await tx.query(`DELETE FROM article_person WHERE article_id = $1 AND person_id = $2`, [m.article_id, personId]);
    }
    const statements = await tx.query<{ id: number; speaker_text: string | null }>(`SELECT id, speaker_text FROM statement WHERE speaker_person_id = $1 FOR UPDATE`, [personId]);
    const movedStatementIds = statements.filter((s) => s.speaker_text && nameAtEnd(s.speaker_text, names)?.toLowerCase() === a.toLowerCase()).map((s) => s.id);
    if (movedStatementIds.length) await tx.query(`UPDATE statement SET speaker_person_id = $1 WHERE id = ANY($2::int[])`, [newId, movedStatementIds]);
    // Taking part in an event follows the names: an event whose articles now name only the new person
    // (none names the original any more) moves to the new person; one still naming both keeps it as it is.
    const movedEvents = await tx.query<{ event_id: number }>(
      `WITH moved AS (
         SELECT ep.event_id FROM event_participant ep
         WHERE ep.person_id = $1
           AND NOT EXISTS (SELECT 1 FROM event_article ea JOIN article_person ap ON ap.article_id = ea.article_id AND ap.person_id = $1 WHERE ea.event_id = ep.event_id)
           AND EXISTS (SELECT 1 FROM event_article ea JOIN article_person ap ON ap.article_id = ea.article_id AND ap.person_id = $2 WHERE ea.event_id = ep.event_id)
       ), added AS (
         INSERT INTO event_participant (event_id, person_id) SELECT event_id, $2 FROM moved ON CONFLICT DO NOTHING
       )
       DELETE FROM event_participant ep USING moved WHERE ep.event_id = moved.event_id AND ep.person_id = $1 RETURNING ep.event_id`, [personId, newId]);
    await moveActors(tx, personId, newId);
    await tx.query(`UPDATE person SET aliases = array_remove(aliases, $2), updated_at = now() WHERE id = $1`, [personId, a]);
    return { personId, newPersonId: newId, movedMentions, movedStatements: movedStatementIds.length, movedEvents: movedEvents.length };
  }, TX_OPTIONS);
}

/**
 * An actor of an event as one article says follows the names as participation does, article by
 * article (actors are stored per article): where the article no longer mentions the original person
 * but mentions the new one, the new person acted (or was acted on) there.
 */
async function moveActors(tx: Sql, personId: number, newId: number): Promise<void> {
  await tx.query(
    `WITH moved AS (
       SELECT x.event_id, x.article_id, x.role FROM event_actor x
       WHERE x.person_id = $1
         AND NOT EXISTS (SELECT 1 FROM article_person ap WHERE ap.article_id = x.article_id AND ap.person_id = $1)
         AND EXISTS (SELECT 1 FROM article_person ap WHERE ap.article_id = x.article_id AND ap.person_id = $2)
     ), added AS (
       INSERT INTO event_actor (event_id, article_id, role, person_id) SELECT event_id, article_id, role, $2 FROM moved ON CONFLICT DO NOTHING
     )
     DELETE FROM event_actor x USING moved m WHERE x.event_id = m.event_id AND x.article_id = m.article_id AND x.role = m.role AND x.person_id = $1`,
    [personId, newId],
  );
}

// --- reassign -----------------------------------------------------------------------------------

export interface StatementChange {
  /** undefined: keep; null: clear; else the new speaker. */
  speaker?: NodeRef | null;
  /** undefined: keep; null: clear; else the new event's row id. */
  eventId?: number | null;
}

/** Corrects who made a statement and/or which event it is about. */
export async function reassignStatement(db: Db, statementId: number, change: StatementChange): Promise<{ statementId: number }> {
  if (change.speaker === undefined && change.eventId === undefined) throw inputError('BAD_USER_INPUT', 'speakerId', 'Nothing to change: give a speaker or an event (or clear one)');
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>(`SELECT id FROM statement WHERE id = $1 FOR UPDATE`, [statementId]);
    if (!rows[0]) throw inputError('NOT_FOUND', 'statementId', 'No statement with this ID');
    if (change.speaker !== undefined) {
      const s = change.speaker;
      if (s) {
        const table = s.type === 'Person' ? 'person' : 'organization';
        const found = await tx.query<{ id: number }>(`SELECT id FROM ${table} WHERE id = $1 FOR SHARE`, [s.rowId]);
        if (!found[0]) throw inputError('NOT_FOUND', 'speakerId', `No ${s.type === 'Person' ? 'person' : 'organisation'} with this ID`);
      }
      await tx.query(`UPDATE statement SET speaker_person_id = $2, speaker_organization_id = $3 WHERE id = $1`, [statementId, s?.type === 'Person' ? s.rowId : null, s?.type === 'Organization' ? s.rowId : null]);
    }
    if (change.eventId !== undefined) {
      if (change.eventId !== null) {
        const found = await tx.query<{ id: number }>(`SELECT id FROM event WHERE id = $1 FOR SHARE`, [change.eventId]);
        if (!found[0]) throw inputError('NOT_FOUND', 'eventId', 'No event with this ID');
      }
      await tx.query(`UPDATE statement SET event_id = $2 WHERE id = $1`, [statementId, change.eventId]);
    }
    return { statementId };
  }, TX_OPTIONS);
}

// --- delete -------------------------------------------------------------------------------------

/** Deletes an article with its statements and mentions, then whatever only it held in the graph. */
export async function deleteArticle(db: Db, articleId: number): Promise<{ deleted: NodeRef[] }> {
  return db.transaction(async (sql) => {
    const found = await sql.query<{ id: number }>(`SELECT id FROM article WHERE id = $1 FOR UPDATE`, [articleId]);
    if (!found[0]) throw inputError('NOT_FOUND', 'id', 'No article with this ID');
    const held = await nodesOfArticles(sql, [articleId]);
    const statements = (await sql.query<{ id: number }>(`SELECT id FROM statement WHERE article_id = $1`, [articleId])).map((r) => r.id);
    await sql.query(`DELETE FROM article WHERE id = $1`, [articleId]);
    // The same orphan rule as a correction in the store: nodes only this article held go with it.
    const gone = await removeOrphans(sql, held);
    await refreshEvents(sql, held.events.filter((id) => !gone.events.includes(id)));
    const refs = (type: TypeName, list: number[]) => list.map((rowId) => ({ type, rowId }));
    return {
      deleted: [
        { type: 'Article' as const, rowId: articleId },
        ...refs('Statement', statements),
        ...refs('Event', gone.events),
        ...refs('Person', gone.people),
        ...refs('Organization', gone.organizations),
        ...refs('Place', gone.places),
      ],
    };
  }, TX_OPTIONS);
}
