-- A person's or organisation's events, latest first, read from one index range (issue 20). The
-- relation was ordered by event.start_date through a join: for a person in thousands of events every
-- request joined and sorted all of them to return five (frequentPerson p99 53–93 ms at 500k articles).
-- The event's start date is copied onto its link rows, the way the article's date is on statements
-- (migration 20261205090000_reads_keyset), and indexed in the relation's order.

ALTER TABLE "event_participant" ADD COLUMN "start_date" DATE;
ALTER TABLE "event_organization" ADD COLUMN "start_date" DATE;

UPDATE "event_participant" l SET "start_date" = e.start_date FROM "event" e WHERE e.id = l.event_id AND e.start_date IS NOT NULL;
UPDATE "event_organization" l SET "start_date" = e.start_date FROM "event" e WHERE e.id = l.event_id AND e.start_date IS NOT NULL;

-- Every insert, whoever writes it (the writer, event merges, the editor's person merges), takes the
-- event's date as it is at that moment.
CREATE FUNCTION "newsgraph_event_link_date"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.start_date := (SELECT start_date FROM "event" WHERE id = NEW.event_id);
  RETURN NEW;
END
$$;
CREATE TRIGGER "event_participant_start_date" BEFORE INSERT ON "event_participant" FOR EACH ROW EXECUTE FUNCTION newsgraph_event_link_date();
CREATE TRIGGER "event_organization_start_date" BEFORE INSERT ON "event_organization" FOR EACH ROW EXECUTE FUNCTION newsgraph_event_link_date();

-- An event's date changes when its accounts do (refresh-events.ts): its link rows follow in the same statement.
CREATE FUNCTION "newsgraph_event_date_to_links"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "event_participant" l SET "start_date" = n.start_date
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE l.event_id = n.id AND n.start_date IS DISTINCT FROM o.start_date;
  UPDATE "event_organization" l SET "start_date" = n.start_date
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE l.event_id = n.id AND n.start_date IS DISTINCT FROM o.start_date;
  RETURN NULL;
END
$$;
CREATE TRIGGER "event_start_date_to_links" AFTER UPDATE ON "event" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_event_date_to_links();

-- The relations' order (start_date DESC NULLS LAST, event id DESC) per person / organisation. They lead
-- with the same column as the single-column indexes they replace (cascades, counts, filters).
CREATE INDEX "event_participant_person_date_idx" ON "event_participant" ("person_id", "start_date" DESC NULLS LAST, "event_id" DESC);
CREATE INDEX "event_organization_organization_date_idx" ON "event_organization" ("organization_id", "start_date" DESC NULLS LAST, "event_id" DESC);
DROP INDEX "event_participant_person_id_idx";
DROP INDEX "event_organization_organization_id_idx";
