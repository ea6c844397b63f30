-- 002 (PostgreSQL only): the role that users' SQL runs as (`eventwire sql`, the REST API).
-- It logs in, owns nothing and may only SELECT the eventwire tables: no writes, no files, no
-- programs, no other role (see docs/STORE.md, "Reading the store with SQL").
-- Roles belong to the whole server: every eventwire database on it shares this one, and
-- each grants it SELECT on its own tables. A user who may not create roles gets a warning
-- here, and `eventwire sql` says that the role is missing.

DO $migration$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'eventwire_reader') THEN
        CREATE ROLE eventwire_reader LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT
            NOREPLICATION NOBYPASSRLS;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO eventwire_reader', current_schema());
    GRANT SELECT ON documents, events, mentions, actors, schema_version TO eventwire_reader;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'eventwire: no role eventwire_reader, so no eventwire sql: %', SQLERRM;
END
$migration$;
