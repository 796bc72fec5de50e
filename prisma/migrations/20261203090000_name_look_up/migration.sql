-- Resolution by look-up: a batch asks for the stored people, organisations and places whose name
-- normalises like one of its names (NFKC, lower case, one space: normalizeName in
-- src/resolve/names.ts). Without an index on that expression each batch scanned every name of the
-- three tables (the people look-up took 200 ms at 21k articles). Printable-ASCII names with single
-- spaces are already normal but for case: they skip normalize and the regular expression.
CREATE FUNCTION newsgraph_norm_name(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT CASE WHEN name ~ '^[!-~]+( [!-~]+)*$' THEN lower(name) ELSE btrim(regexp_replace(lower(normalize(name, NFKC)), '\s+', ' ', 'g')) END $$;

CREATE INDEX "person_norm_name_idx" ON "person" (newsgraph_norm_name("name"));
CREATE INDEX "organization_norm_name_idx" ON "organization" (newsgraph_norm_name("name"));
CREATE INDEX "place_norm_name_idx" ON "place" (newsgraph_norm_name("name"));
