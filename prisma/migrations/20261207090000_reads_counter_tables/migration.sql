-- Per-entity counters in narrow tables of their own (issue 20).
--
-- Migration 20261205090000 kept article_count / statement_count on the entity rows. Every article
-- written then updated each mentioned person's, organisation's and place's row; since those columns
-- were indexed (for the weighted orders), no update was HOT: PostgreSQL wrote a new version of the
-- whole row (recomputing its generated search_names) and a new entry in every index of the table,
-- trigram and expression indexes included. ingestArticle got ~2.5x slower under load.
--
-- Here each counted entity has one narrow row in <entity>_counter, created with the entity and
-- removed with it. A count update writes a new version of a three-column row and entries in its
-- table's two or three small btrees, and leaves the entity's row and indexes alone.
--
-- The counted values keep one order index each: without it the weighted orders (people, the default
-- order of `people`, most mentioned first) sort the whole counter table per page: 250 ms for the first
-- page at 500,000 articles (375,627 people), against 0.2-0.4 ms with it. With and without these
-- indexes, ingestArticle's store measured the same within noise (bench/ingest-article-stages.ts at
-- 22,000 articles, alternating runs: 8.7-13.6 ms per call either way, load 7-9).

CREATE TABLE "person_counter" (
  "person_id" INTEGER PRIMARY KEY REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "article_count" INTEGER NOT NULL DEFAULT 0,
  "statement_count" INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE "organization_counter" (
  "organization_id" INTEGER PRIMARY KEY REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "article_count" INTEGER NOT NULL DEFAULT 0,
  "statement_count" INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE "place_counter" (
  "place_id" INTEGER PRIMARY KEY REFERENCES "place"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "article_count" INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE "event_counter" (
  "event_id" INTEGER PRIMARY KEY REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "article_count" INTEGER NOT NULL DEFAULT 0
);

INSERT INTO "person_counter" SELECT "id", "article_count", "statement_count" FROM "person";
INSERT INTO "organization_counter" SELECT "id", "article_count", "statement_count" FROM "organization";
INSERT INTO "place_counter" SELECT "id", "article_count" FROM "place";
INSERT INTO "event_counter" SELECT "id", "article_count" FROM "event";

CREATE INDEX "person_counter_mentions_order_idx" ON "person_counter" ("article_count" DESC, "person_id" DESC);
CREATE INDEX "person_counter_statements_order_idx" ON "person_counter" ("statement_count" DESC, "person_id" DESC);
CREATE INDEX "organization_counter_mentions_order_idx" ON "organization_counter" ("article_count" DESC, "organization_id" DESC);
CREATE INDEX "organization_counter_statements_order_idx" ON "organization_counter" ("statement_count" DESC, "organization_id" DESC);
CREATE INDEX "place_counter_mentions_order_idx" ON "place_counter" ("article_count" DESC, "place_id" DESC);
CREATE INDEX "event_counter_articles_order_idx" ON "event_counter" ("article_count" DESC, "event_id" DESC);

-- The old per-row counting triggers and their function go; the columns go with their order indexes.
DO $$
DECLARE
  spec text[];
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    ARRAY['article_person', 'person_id'], ARRAY['article_organization', 'organization_id'], ARRAY['article_place', 'place_id'],
    ARRAY['event_article', 'event_id'], ARRAY['statement', 'speaker_person_id'], ARRAY['statement', 'speaker_organization_id']
  ] LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', spec[1] || '_' || spec[2] || '_ins', spec[1]);
    EXECUTE format('DROP TRIGGER %I ON %I', spec[1] || '_' || spec[2] || '_del', spec[1]);
    EXECUTE format('DROP TRIGGER %I ON %I', spec[1] || '_' || spec[2] || '_upd', spec[1]);
  END LOOP;
END
$$;
DROP FUNCTION "newsgraph_count_links"();

ALTER TABLE "person" DROP COLUMN "article_count", DROP COLUMN "statement_count";
ALTER TABLE "organization" DROP COLUMN "article_count", DROP COLUMN "statement_count";
ALTER TABLE "place" DROP COLUMN "article_count";
ALTER TABLE "event" DROP COLUMN "article_count";

-- A new entity gets its counter row in the statement that inserts it (TG_ARGV: counter table, its key).
CREATE FUNCTION "newsgraph_counter_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('INSERT INTO %I (%I) SELECT id FROM new_rows', TG_ARGV[0], TG_ARGV[1]);
  RETURN NULL;
END
$$;
CREATE TRIGGER "person_counter_row" AFTER INSERT ON "person" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_counter_rows('person_counter', 'person_id');
CREATE TRIGGER "organization_counter_row" AFTER INSERT ON "organization" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_counter_rows('organization_counter', 'organization_id');
CREATE TRIGGER "place_counter_row" AFTER INSERT ON "place" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_counter_rows('place_counter', 'place_id');
CREATE TRIGGER "event_counter_row" AFTER INSERT ON "event" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_counter_rows('event_counter', 'event_id');

-- Adds the rows' per-key counts to a counter: TG_ARGV = counter table, its key column, the counted
-- rows' key column, the counter column. An UPDATE (a merge moving links to another person) takes the
-- old keys' rows off and adds the new keys'; rows whose key did not change cancel out.
CREATE FUNCTION "newsgraph_count_into"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target text := TG_ARGV[0];
  target_key text := TG_ARGV[1];
  key text := TG_ARGV[2];
  counter text := TG_ARGV[3];
  delta text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    delta := format('SELECT %I AS id, count(*) AS n FROM new_rows WHERE %I IS NOT NULL GROUP BY 1', key, key);
  ELSIF TG_OP = 'DELETE' THEN
    delta := format('SELECT %I AS id, -count(*) AS n FROM old_rows WHERE %I IS NOT NULL GROUP BY 1', key, key);
  ELSE
    delta := format('SELECT id, sum(n) AS n FROM (SELECT %I AS id, 1 AS n FROM new_rows UNION ALL SELECT %I, -1 FROM old_rows) x WHERE id IS NOT NULL GROUP BY 1 HAVING sum(n) <> 0', key, key);
  END IF;
  -- In key order, so that concurrent writers lock the counter rows in one order.
  EXECUTE format('UPDATE %I t SET %I = t.%I + d.n FROM (%s ORDER BY 1) d WHERE t.%I = d.id', target, counter, counter, delta, target_key);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  spec text[];
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    ARRAY['article_person', 'person_counter', 'person_id', 'person_id', 'article_count'],
    ARRAY['article_organization', 'organization_counter', 'organization_id', 'organization_id', 'article_count'],
    ARRAY['article_place', 'place_counter', 'place_id', 'place_id', 'article_count'],
    ARRAY['event_article', 'event_counter', 'event_id', 'event_id', 'article_count'],
    ARRAY['statement', 'person_counter', 'person_id', 'speaker_person_id', 'statement_count'],
    ARRAY['statement', 'organization_counter', 'organization_id', 'speaker_organization_id', 'statement_count']
  ] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_count_into(%L, %L, %L, %L)', spec[1] || '_' || spec[4] || '_ins', spec[1], spec[2], spec[3], spec[4], spec[5]);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_count_into(%L, %L, %L, %L)', spec[1] || '_' || spec[4] || '_del', spec[1], spec[2], spec[3], spec[4], spec[5]);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_count_into(%L, %L, %L, %L)', spec[1] || '_' || spec[4] || '_upd', spec[1], spec[2], spec[3], spec[4], spec[5]);
  END LOOP;
END
$$;

-- A person's most recently stored articles from one index range (co-mentioned people are counted over
-- the newest 1,000; see src/services/relations.ts). The index on person_id alone is its prefix.
CREATE INDEX "article_person_person_id_article_id_idx" ON "article_person" ("person_id", "article_id");
DROP INDEX "article_person_person_id_idx";
