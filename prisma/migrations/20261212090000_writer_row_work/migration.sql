-- Less work per row for the writer (issues 13 and 14: bulk ingest throughput). Nothing read changes.
--
-- 1. Copied dates set by the writer, checked per statement instead of looked up per row.
--    statement.published_at (migration 20261205090000_reads_keyset) and the event links' start_date
--    (migration 20261211090000_event_link_dates) were filled by BEFORE INSERT row triggers, each a
--    PL/pgSQL call and an index look-up per row: for every statement of an undated article (the trigger's
--    WHEN could not tell "undated" from "not given") and for every participant and organisation link.
--    The writer now inserts the copied date itself (it knows the article's date and, from the event
--    upsert, the event's), and one AFTER INSERT statement trigger per table keeps the guarantee for
--    every other insert (event merges, the editor's person merges, hand-written SQL): it looks up the
--    date once per distinct article or event among the inserted rows and corrects the rows where the
--    copy differs (none, when the writer inserted them).
DROP TRIGGER "statement_published_at" ON "statement";
DROP FUNCTION "newsgraph_statement_date"();

CREATE FUNCTION "newsgraph_statement_date_check"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM (SELECT DISTINCT article_id, published_at FROM new_rows) n
    WHERE n.published_at IS DISTINCT FROM (SELECT published_at FROM "article" WHERE id = n.article_id)
  ) THEN
    UPDATE "statement" s SET "published_at" = a.published_at
    FROM (SELECT DISTINCT article_id FROM new_rows) n JOIN "article" a ON a.id = n.article_id
    WHERE s.article_id = n.article_id AND s.published_at IS DISTINCT FROM a.published_at;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "statement_published_at" AFTER INSERT ON "statement" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_statement_date_check();

DROP TRIGGER "event_participant_start_date" ON "event_participant";
DROP TRIGGER "event_organization_start_date" ON "event_organization";
DROP FUNCTION "newsgraph_event_link_date"();

CREATE FUNCTION "newsgraph_event_link_date_check"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE differs boolean;
BEGIN
  SELECT EXISTS (
    SELECT 1 FROM (SELECT DISTINCT event_id, start_date FROM new_rows) n
    WHERE n.start_date IS DISTINCT FROM (SELECT start_date FROM "event" WHERE id = n.event_id)
  ) INTO differs;
  IF differs THEN
    EXECUTE format('UPDATE %I l SET start_date = e.start_date FROM (SELECT DISTINCT event_id FROM new_rows) n JOIN "event" e ON e.id = n.event_id '
      'WHERE l.event_id = n.event_id AND l.start_date IS DISTINCT FROM e.start_date', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "event_participant_start_date" AFTER INSERT ON "event_participant" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_event_link_date_check();
CREATE TRIGGER "event_organization_start_date" AFTER INSERT ON "event_organization" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_event_link_date_check();

-- 2. Indexes that another index already serves, each one more entry to write per inserted row. Every
--    read that used them can use the index named (a leading column equal to a value, or a range of
--    it, implies the partial indexes' IS NOT NULL); the foreign keys' cascades and the counters'
--    recounts filter by the same columns.
--    statement (event_id)                -> statement_event_date_order_idx (event_id, published_at, ...) WHERE event_id IS NOT NULL
--    statement (speaker_person_id)       -> statement_person_date_order_idx (speaker_person_id, ...) WHERE speaker_person_id IS NOT NULL
--    statement (speaker_organization_id) -> statement_organization_date_order_idx (speaker_organization_id, ...) WHERE ... IS NOT NULL
--    article (published_at)              -> article_newest_first_idx (published_at DESC NULLS LAST, id DESC)
--    event (start_date)                  -> event_start_order_idx (start_date DESC NULLS LAST, id DESC)
DROP INDEX "statement_event_id_idx";
DROP INDEX "statement_speaker_person_id_idx";
DROP INDEX "statement_speaker_organization_id_idx";
DROP INDEX "article_published_at_idx";
DROP INDEX "event_start_date_idx";
