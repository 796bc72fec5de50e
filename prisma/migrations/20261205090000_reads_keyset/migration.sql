-- Reads whose cost does not grow with the archive (issue 20).
--
-- 1. Counters. `totalCount` of a whole list and the weighted orders (most-mentioned people, events by
--    articles) read a stored count instead of counting the archive on every request. The counts are
--    kept by statement-level triggers with transition tables, so every write path (the batch store,
--    corrections, deleteArticle and its cascades, mergePeople, splitAlias, reassignStatement) keeps
--    them exact in its own transaction, at one UPDATE per table and statement rather than per row.
-- 2. The article date on statements (`statement.published_at`), so that statements can be listed
--    newest first from an index instead of sorting by a column of another table. The writer sets it
--    when it inserts statements; a row trigger fills it for any other insert, and a change of an
--    article's date is carried to its statements.
-- 3. An index for every order the lists offer, ties broken by id as the cursors are.

-- 1. Counters --------------------------------------------------------------------------------------

CREATE TABLE "graph_count" (
  "name" TEXT PRIMARY KEY,
  "n" BIGINT NOT NULL
);

INSERT INTO "graph_count" ("name", "n")
SELECT 'article', count(*) FROM "article"
UNION ALL SELECT 'statement', count(*) FROM "statement"
UNION ALL SELECT 'person', count(*) FROM "person"
UNION ALL SELECT 'organization', count(*) FROM "organization"
UNION ALL SELECT 'place', count(*) FROM "place"
UNION ALL SELECT 'event', count(*) FROM "event";

CREATE FUNCTION "newsgraph_count_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN SELECT count(*) INTO d FROM new_rows;
  ELSE SELECT -count(*) INTO d FROM old_rows;
  END IF;
  IF d <> 0 THEN UPDATE "graph_count" SET "n" = "n" + d WHERE "name" = TG_TABLE_NAME; END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['article', 'statement', 'person', 'organization', 'place', 'event'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_count_rows()', t || '_count_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_count_rows()', t || '_count_delete', t);
  END LOOP;
END
$$;

ALTER TABLE "person" ADD COLUMN "article_count" INTEGER NOT NULL DEFAULT 0, ADD COLUMN "statement_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "organization" ADD COLUMN "article_count" INTEGER NOT NULL DEFAULT 0, ADD COLUMN "statement_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "place" ADD COLUMN "article_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "event" ADD COLUMN "article_count" INTEGER NOT NULL DEFAULT 0;

UPDATE "person" p SET "article_count" = c.n FROM (SELECT person_id, count(*) AS n FROM "article_person" GROUP BY 1) c WHERE p.id = c.person_id;
UPDATE "person" p SET "statement_count" = c.n FROM (SELECT speaker_person_id, count(*) AS n FROM "statement" WHERE speaker_person_id IS NOT NULL GROUP BY 1) c WHERE p.id = c.speaker_person_id;
UPDATE "organization" o SET "article_count" = c.n FROM (SELECT organization_id, count(*) AS n FROM "article_organization" GROUP BY 1) c WHERE o.id = c.organization_id;
UPDATE "organization" o SET "statement_count" = c.n FROM (SELECT speaker_organization_id, count(*) AS n FROM "statement" WHERE speaker_organization_id IS NOT NULL GROUP BY 1) c WHERE o.id = c.speaker_organization_id;
UPDATE "place" pl SET "article_count" = c.n FROM (SELECT place_id, count(*) AS n FROM "article_place" GROUP BY 1) c WHERE pl.id = c.place_id;
UPDATE "event" e SET "article_count" = c.n FROM (SELECT event_id, count(*) AS n FROM "event_article" GROUP BY 1) c WHERE e.id = c.event_id;

-- Adds the rows' per-key counts to a counter column: TG_ARGV = counted table, key column, counter
-- column. An UPDATE (a merge moving links to another person) takes the old keys' rows off and adds
-- the new keys'; rows whose key did not change cancel out.
CREATE FUNCTION "newsgraph_count_links"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target text := TG_ARGV[0];
  key text := TG_ARGV[1];
  counter text := TG_ARGV[2];
  delta text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    delta := format('SELECT %I AS id, count(*) AS n FROM new_rows WHERE %I IS NOT NULL GROUP BY 1', key, key);
  ELSIF TG_OP = 'DELETE' THEN
    delta := format('SELECT %I AS id, -count(*) AS n FROM old_rows WHERE %I IS NOT NULL GROUP BY 1', key, key);
  ELSE
    delta := format('SELECT id, sum(n) AS n FROM (SELECT %I AS id, 1 AS n FROM new_rows UNION ALL SELECT %I, -1 FROM old_rows) x WHERE id IS NOT NULL GROUP BY 1 HAVING sum(n) <> 0', key, key);
  END IF;
  -- In id order, so that concurrent writers lock the counted rows in one order.
  EXECUTE format('UPDATE %I t SET %I = t.%I + d.n FROM (%s ORDER BY 1) d WHERE t.id = d.id', target, counter, counter, delta);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  spec text[];
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    ARRAY['article_person', 'person', 'person_id', 'article_count'],
    ARRAY['article_organization', 'organization', 'organization_id', 'article_count'],
    ARRAY['article_place', 'place', 'place_id', 'article_count'],
    ARRAY['event_article', 'event', 'event_id', 'article_count'],
    ARRAY['statement', 'person', 'speaker_person_id', 'statement_count'],
    ARRAY['statement', 'organization', 'speaker_organization_id', 'statement_count']
  ] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_count_links(%L, %L, %L)', spec[1] || '_' || spec[3] || '_ins', spec[1], spec[2], spec[3], spec[4]);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_count_links(%L, %L, %L)', spec[1] || '_' || spec[3] || '_del', spec[1], spec[2], spec[3], spec[4]);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_count_links(%L, %L, %L)', spec[1] || '_' || spec[3] || '_upd', spec[1], spec[2], spec[3], spec[4]);
  END LOOP;
END
$$;

-- 2. The article date on statements ---------------------------------------------------------------

ALTER TABLE "statement" ADD COLUMN "published_at" DATE;
UPDATE "statement" s SET "published_at" = a.published_at FROM "article" a WHERE a.id = s.article_id AND a.published_at IS NOT NULL;

CREATE FUNCTION "newsgraph_statement_date"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.published_at := (SELECT published_at FROM "article" WHERE id = NEW.article_id);
  RETURN NEW;
END
$$;
-- The writer sets the date itself; this covers any other insert (and an undated article's, cheaply).
CREATE TRIGGER "statement_published_at" BEFORE INSERT ON "statement" FOR EACH ROW WHEN (NEW.published_at IS NULL) EXECUTE FUNCTION newsgraph_statement_date();

CREATE FUNCTION "newsgraph_article_date"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "statement" s SET "published_at" = n.published_at
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE s.article_id = n.id AND n.published_at IS DISTINCT FROM o.published_at;
  RETURN NULL;
END
$$;
CREATE TRIGGER "article_published_at" AFTER UPDATE ON "article" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_article_date();

-- 3. Indexes for the offered orders (ties by id, as the cursors) ----------------------------------

-- Titles are ordered by their first 300 characters (a btree entry holds at most 2.7 kB; a title may
-- be 1,000 characters of 3-byte script), then by id.
CREATE INDEX "article_title_order_idx" ON "article" (lower(left("title", 300)), "id");
CREATE INDEX "article_created_order_idx" ON "article" ("created_at" DESC, "id" DESC);

CREATE INDEX "person_mentions_order_idx" ON "person" ("article_count" DESC, "id" DESC);
CREATE INDEX "person_statements_order_idx" ON "person" ("statement_count" DESC, "id" DESC);
CREATE INDEX "person_name_order_idx" ON "person" (lower("name"), "id");
CREATE INDEX "organization_mentions_order_idx" ON "organization" ("article_count" DESC, "id" DESC);
CREATE INDEX "organization_statements_order_idx" ON "organization" ("statement_count" DESC, "id" DESC);
CREATE INDEX "organization_name_order_idx" ON "organization" (lower("name"), "id");
CREATE INDEX "place_mentions_order_idx" ON "place" ("article_count" DESC, "id" DESC);
CREATE INDEX "place_name_order_idx" ON "place" (lower("name"), "id");

CREATE INDEX "event_start_order_idx" ON "event" ("start_date" DESC NULLS LAST, "id" DESC);
CREATE INDEX "event_kind_start_order_idx" ON "event" ("kind", "start_date" DESC NULLS LAST, "id" DESC);
CREATE INDEX "event_articles_order_idx" ON "event" ("article_count" DESC, "id" DESC);
CREATE INDEX "event_title_order_idx" ON "event" (lower(left("title", 300)), "id");

-- Statements newest article first, then in text order: the root list and each speaker's and event's.
CREATE INDEX "statement_date_order_idx" ON "statement" ("published_at" DESC NULLS LAST, "article_id" DESC, "start_offset", "id");
CREATE INDEX "statement_person_date_order_idx" ON "statement" ("speaker_person_id", "published_at" DESC NULLS LAST, "article_id" DESC, "start_offset", "id") WHERE "speaker_person_id" IS NOT NULL;
CREATE INDEX "statement_organization_date_order_idx" ON "statement" ("speaker_organization_id", "published_at" DESC NULLS LAST, "article_id" DESC, "start_offset", "id") WHERE "speaker_organization_id" IS NOT NULL;
CREATE INDEX "statement_event_date_order_idx" ON "statement" ("event_id", "published_at" DESC NULLS LAST, "article_id" DESC, "start_offset", "id") WHERE "event_id" IS NOT NULL;
CREATE INDEX "statement_confidence_order_idx" ON "statement" ("confidence" DESC, "id" DESC);

-- 4. Names compared loosely: lower case, punctuation and hyphens as spaces ("Kim Jong-un" is "Kim
--    Jong Un"), for look-ups by name (Query.person / Query.organization).
CREATE FUNCTION newsgraph_loose_name(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(name), '[^[:alnum:]]+', ' ', 'g')) $$;
CREATE INDEX "person_loose_name_idx" ON "person" (newsgraph_loose_name("name"));
CREATE INDEX "organization_loose_name_idx" ON "organization" (newsgraph_loose_name("name"));

