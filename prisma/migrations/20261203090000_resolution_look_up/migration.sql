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

-- Each article's account of an event (key, kind, title, dates, place, participants' normalised names),
-- kept with its link: which accounts are one event is decided account against account (see
-- src/resolve/events.ts), so the graph does not depend on which article came first, and the event's
-- dates, place and title are computed from its accounts. Links stored before keep one account made
-- from their event as it stands.
ALTER TABLE "event_article" ADD COLUMN "members" jsonb NOT NULL DEFAULT '[]';
UPDATE "event_article" ea SET "members" = jsonb_build_array(jsonb_build_object(
  'key', e.key, 'kind', e.kind, 'title', e.title,
  'startDate', to_char(e.start_date, 'YYYY-MM-DD'), 'endDate', to_char(e.end_date, 'YYYY-MM-DD'), 'precision', e.precision, 'placeId', e.place_id,
  'names', COALESCE((SELECT jsonb_agg(DISTINCT newsgraph_norm_name(p.name)) FROM event_participant ep JOIN person p ON p.id = ep.person_id WHERE ep.event_id = e.id), '[]'::jsonb)))
FROM "event" e WHERE e.id = ea.event_id;

-- A batch looks up the accounts naming one of its participants, or with one of its keys' part before '@'.
CREATE FUNCTION newsgraph_member_names(members jsonb) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT ARRAY(SELECT DISTINCT jsonb_array_elements_text(m->'names') FROM jsonb_array_elements(members) m) $$;
CREATE FUNCTION newsgraph_member_prefixes(members jsonb) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT ARRAY(SELECT DISTINCT split_part(m->>'key', '@', 1) FROM jsonb_array_elements(members) m) $$;
CREATE INDEX "event_article_member_names_idx" ON "event_article" USING gin (newsgraph_member_names("members"));
CREATE INDEX "event_article_member_prefixes_idx" ON "event_article" USING gin (newsgraph_member_prefixes("members"));
