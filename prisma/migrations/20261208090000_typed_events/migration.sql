-- Typed events (issue 16): the type, mode, confidence, actors and evidence the extractor has produced
-- since 1.7.0 are stored instead of being dropped between resolve and store.
--
-- 1. The ontology. Declared in the ontology's order (src/extract/events/ontology.ts): an event whose
--    accounts disagree takes the type most of them give, ties broken by this order (ORDER BY type).
CREATE TYPE "EventType" AS ENUM (
  'AGREE', 'ACCUSE', 'AID', 'ASSAULT', 'COERCE', 'CONCEDE', 'CONSULT', 'COOPERATE', 'MOBILIZE', 'PROTEST',
  'REJECT', 'REQUEST', 'RETREAT', 'SANCTION', 'SUPPORT', 'THREATEN',
  'ELECTION', 'APPOINTMENT', 'RESIGNATION', 'LEGAL', 'BUSINESS', 'DISASTER', 'SPORT');
CREATE TYPE "EventActorRole" AS ENUM ('SOURCE', 'TARGET');

-- 2. Backfill rule for accounts and events stored before: the type (and mode) an account's kind and
--    key tell. The four diplomatic kinds are CONSULT with that mode; weapons tests and launches (one
--    group before 1.7.0) MOBILIZE/weapons_test; since 1.7.0 every other type is stored as kind OTHER
--    with a key starting with its group ("accuse:…", "legal-arrest:…", "election-by-election+:…"), which
--    names the type and the mode. A kind and key that tell nothing (ANNOUNCEMENT, which no extractor
--    produced, or a key of another shape) become CONSULT with confidence 0, so they can be told apart
--    and filtered out. Every other backfilled account gets confidence 0.5: the extractor's own score
--    was not kept. Evidence (trigger, sentence) and actors were not kept either: backfilled accounts
--    list none (re-ingesting the articles adds them).
CREATE FUNCTION newsgraph_legacy_event(kind text, key text) RETURNS jsonb
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN kind IN ('MEETING', 'SUMMIT', 'TALKS', 'VISIT') THEN jsonb_build_object('type', 'CONSULT', 'mode', lower(kind), 'confidence', 0.5)
      WHEN kind IN ('WEAPONS_TEST', 'LAUNCH') THEN jsonb_build_object('type', 'MOBILIZE', 'mode', 'weapons_test', 'confidence', 0.5)
      WHEN upper(substring(key FROM '^([a-z]+)[-+:]')) = ANY (enum_range(NULL::"EventType")::text[])
        THEN jsonb_build_object('type', upper(substring(key FROM '^([a-z]+)[-+:]')), 'mode', substring(key FROM '^[a-z]+-([a-z_-]*[a-z_])\+*:'), 'confidence', 0.5)
      ELSE jsonb_build_object('type', 'CONSULT', 'mode', NULL, 'confidence', 0)
    END
  $$;

-- 3. Each account (event_article.members) keeps its type, mode, whether it reads the event as mutual,
--    its confidence, and its evidence: "trigger" and "sentence" as [start, end] offsets into the
--    article body. Accounts stored before get the backfill rule.
UPDATE "event_article" SET "members" = (
  SELECT COALESCE(jsonb_agg(m || newsgraph_legacy_event(m->>'kind', m->>'key') || '{"symmetric": false}' ORDER BY n), '[]'::jsonb)
  FROM jsonb_array_elements("members") WITH ORDINALITY AS x(m, n))
WHERE "members" <> '[]'::jsonb;

-- 4. What the event shows, computed from its accounts by the writer (src/store/refresh-events.ts); for
--    stored events, the backfill rule on the event's own kind and key.
ALTER TABLE "event" ADD COLUMN "type" "EventType",
  ADD COLUMN "mode" TEXT,
  ADD COLUMN "is_symmetric" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "confidence" DOUBLE PRECISION NOT NULL DEFAULT 0.5;
UPDATE "event" e SET "type" = (l->>'type')::"EventType", "mode" = l->>'mode', "confidence" = (l->>'confidence')::float8
FROM (SELECT id, newsgraph_legacy_event(kind::text, key) AS l FROM "event") x
WHERE x.id = e.id;
ALTER TABLE "event" ALTER COLUMN "type" SET NOT NULL;
DROP FUNCTION newsgraph_legacy_event(text, text);

-- The events(type:) filter over the default order (latest first, undated last).
CREATE INDEX "event_type_date_idx" ON "event" ("type", "start_date" DESC NULLS LAST, "id" DESC);

-- 5. Actors: who acted (SOURCE) and who was acted on (TARGET), per article reporting the event, so a
--    corrected or deleted article takes its actors with it; the event's actors are the union over its
--    articles. An actor is a person, an organisation, or a group the text names without a node.
CREATE TABLE "event_actor" (
  "event_id" INTEGER NOT NULL,
  "article_id" INTEGER NOT NULL,
  "role" "EventActorRole" NOT NULL,
  "person_id" INTEGER,
  "organization_id" INTEGER,
  "group_name" TEXT,
  -- One text per actor, for the key and for listing an event's distinct actors.
  "actor" TEXT NOT NULL GENERATED ALWAYS AS (COALESCE('p' || "person_id", 'o' || "organization_id", 'g:' || "group_name")) STORED,
  CONSTRAINT "event_actor_one_actor" CHECK (num_nonnulls("person_id", "organization_id", "group_name") = 1),
  CONSTRAINT "event_actor_pkey" PRIMARY KEY ("event_id", "role", "actor", "article_id")
);
CREATE INDEX "event_actor_person_id_role_event_id_idx" ON "event_actor" ("person_id", "role", "event_id") WHERE "person_id" IS NOT NULL;
CREATE INDEX "event_actor_organization_id_role_event_id_idx" ON "event_actor" ("organization_id", "role", "event_id") WHERE "organization_id" IS NOT NULL;
CREATE INDEX "event_actor_article_id_idx" ON "event_actor" ("article_id");
ALTER TABLE "event_actor" ADD CONSTRAINT "event_actor_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_actor" ADD CONSTRAINT "event_actor_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_actor" ADD CONSTRAINT "event_actor_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_actor" ADD CONSTRAINT "event_actor_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
