-- Evidence for everything: a statement keeps all of its parts (spans), and a mention of a person,
-- organisation or place keeps where it ends and how sure the extractor is of it, so a client can
-- highlight the words behind every claim of the graph.
--
-- Offsets are UTF-16 code units (JavaScript string indices), as every offset in the graph.

-- Statements: the parts in reading order as two parallel arrays (starts, exclusive ends); the outer
-- start_offset/end_offset stay the natural key (article_id, start_offset, end_offset).
ALTER TABLE "statement" ADD COLUMN "span_starts" INTEGER[], ADD COLUMN "span_ends" INTEGER[];

-- Backfill rule for rows stored before spans were recorded: their outer span is their only span. It
-- covers every part of the statement (with the attribution between the parts when a quotation was
-- interrupted); correcting or re-ingesting the article into a fresh database gives the exact parts.
UPDATE "statement" SET "span_starts" = ARRAY["start_offset"], "span_ends" = ARRAY["end_offset"];

ALTER TABLE "statement"
  ALTER COLUMN "span_starts" SET NOT NULL,
  ALTER COLUMN "span_ends" SET NOT NULL;

-- Mentions: `ends` and `confidences` run parallel to `offsets` (same length, same order), so the
-- i-th mention is (offsets[i], ends[i], confidences[i]).
ALTER TABLE "article_person" ADD COLUMN "ends" INTEGER[], ADD COLUMN "confidences" DOUBLE PRECISION[];
ALTER TABLE "article_organization" ADD COLUMN "ends" INTEGER[], ADD COLUMN "confidences" DOUBLE PRECISION[];
ALTER TABLE "article_place" ADD COLUMN "ends" INTEGER[], ADD COLUMN "confidences" DOUBLE PRECISION[];

-- Backfill rule for mentions stored before ends were recorded: the end of the longest of the
-- entity's name and aliases that the article body reads at the start offset, exactly, else ignoring
-- case (resolution matches names regardless of case: "WorldCom" in the body, "Worldcom" the node).
-- Extraction records every written form of a mention as the name or an alias of its entity, so one of
-- them is there; when none is (the entity was renamed or split since), the end stays NULL and the
-- mention is not listed by the API. Bodies with characters outside the Basic Multilingual Plane are
-- left NULL too: SQL counts code points where the offsets count UTF-16 units. Confidences of these
-- rows stay NULL (not measured when they were extracted); the API then applies the same table as
-- at ingest to the text read at the offsets (src/pipeline/mention-confidence.ts).
CREATE FUNCTION "newsgraph_backfill_ends"(body text, offsets int[], names text[]) RETURNS int[]
  LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY(
    SELECT CASE WHEN body ~ '[\U00010000-\U0010FFFF]' THEN NULL ELSE (
      SELECT o.o + length(n.n) FROM unnest(names) n(n)
      WHERE n.n <> '' AND lower(substr(body, o.o + 1, length(n.n))) = lower(n.n)
      ORDER BY substr(body, o.o + 1, length(n.n)) = n.n DESC, length(n.n) DESC LIMIT 1) END
    FROM unnest(offsets) WITH ORDINALITY o(o, i) ORDER BY o.i)
$$;

UPDATE "article_person" l SET "ends" = "newsgraph_backfill_ends"(a.body, l.offsets, p.name || p.aliases),
  "confidences" = array_fill(NULL::float8, ARRAY[cardinality(l.offsets)])
FROM "article" a, "person" p WHERE a.id = l.article_id AND p.id = l.person_id;
UPDATE "article_organization" l SET "ends" = "newsgraph_backfill_ends"(a.body, l.offsets, o.name || o.aliases),
  "confidences" = array_fill(NULL::float8, ARRAY[cardinality(l.offsets)])
FROM "article" a, "organization" o WHERE a.id = l.article_id AND o.id = l.organization_id;
UPDATE "article_place" l SET "ends" = "newsgraph_backfill_ends"(a.body, l.offsets, p.name || p.aliases),
  "confidences" = array_fill(NULL::float8, ARRAY[cardinality(l.offsets)])
FROM "article" a, "place" p WHERE a.id = l.article_id AND p.id = l.place_id;

DROP FUNCTION "newsgraph_backfill_ends"(text, int[], text[]);

-- Parallel arrays stay parallel: every writer (ingest, merge, split) keeps the three the same length,
-- and none may be NULL (NULL || array is the array, which would shift every later mention). Not a
-- CHECK constraint: Prisma's WebAssembly schema engine panics introspecting one (migrate diff/dev).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['article_person', 'article_organization', 'article_place'] LOOP
    EXECUTE format('UPDATE %I SET offsets = COALESCE(offsets, ''{}''), ends = COALESCE(ends, ''{}''), confidences = COALESCE(confidences, ''{}'') WHERE offsets IS NULL', t);
    EXECUTE format('ALTER TABLE %I ALTER COLUMN offsets SET NOT NULL, ALTER COLUMN ends SET NOT NULL, ALTER COLUMN confidences SET NOT NULL', t);
  END LOOP;
END
$$;
