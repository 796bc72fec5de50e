-- Search: full-text vectors (stored, so ranking never re-parses article bodies) with GIN indexes,
-- and trigram indexes over names and aliases for typo-tolerant name look-up ("Kim Jong-un",
-- "Vladmir Putin"). pg_trgm is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Names and aliases as one lower-case string. array_to_string is only STABLE in general, but over
-- text[] it is deterministic, which is what a generated column needs.
CREATE FUNCTION newsgraph_names(name text, aliases text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(name || ' ' || array_to_string(aliases, ' ')) $$;

ALTER TABLE "article" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED;
CREATE INDEX "article_search_vector_idx" ON "article" USING gin ("search_vector");

ALTER TABLE "statement" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
CREATE INDEX "statement_search_vector_idx" ON "statement" USING gin ("search_vector");

ALTER TABLE "event" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english', title)) STORED;
CREATE INDEX "event_search_vector_idx" ON "event" USING gin ("search_vector");

ALTER TABLE "person" ADD COLUMN "search_names" text GENERATED ALWAYS AS (newsgraph_names(name, aliases)) STORED;
CREATE INDEX "person_search_names_idx" ON "person" USING gin ("search_names" gin_trgm_ops);

ALTER TABLE "organization" ADD COLUMN "search_names" text GENERATED ALWAYS AS (newsgraph_names(name, aliases)) STORED;
CREATE INDEX "organization_search_names_idx" ON "organization" USING gin ("search_names" gin_trgm_ops);

ALTER TABLE "place" ADD COLUMN "search_names" text GENERATED ALWAYS AS (newsgraph_names(name, aliases)) STORED;
CREATE INDEX "place_search_names_idx" ON "place" USING gin ("search_names" gin_trgm_ops);
