-- A data version of this database alone, for the response cache. The write-ahead-log position it
-- replaces moved with every write to the whole PostgreSQL cluster (other databases, autovacuum,
-- checkpoints), so on a shared server cached answers were thrown away all the time.
--
-- Every statement that changes a graph table bumps a sequence (non-transactional: it never blocks
-- another writer) while holding a shared advisory lock until its transaction ends. A reader takes
-- the version only when it can take that lock exclusively for an instant, i.e. when no write is in
-- flight: a version it reads never counts a write whose rows it cannot see yet.
CREATE SEQUENCE "newsgraph_data_version";

CREATE FUNCTION "newsgraph_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7340011);
  PERFORM nextval('newsgraph_data_version');
  RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['article', 'person', 'organization', 'place', 'event', 'statement', 'article_person',
    'article_organization', 'article_place', 'event_article', 'event_participant', 'event_organization'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_bump_data_version()', t || '_data_version', t);
  END LOOP;
END
$$;
