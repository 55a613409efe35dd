-- Staff find a citizen's dossiers by a part of the name (issue 16): a trigram index on
-- the folded name serves the LIKE '%…%' of the search and of the work lists' text
-- filter, which otherwise read every dossier (324 ms at 100 000). A name most citizens
-- share ("nguyen") matches too many dossiers for the index to help: the search then
-- walks the dossiers newest first (the order it answers in) and stops at the page.
--
-- The extension goes in the public schema, once per database, so that every schema of
-- the database can use it and dropping a schema never drops it; a service's own role may
-- not create it (database.Provision does, as the administrator).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX dossiers_applicant_name_trgm ON dossiers USING gin (applicant_name_folded public.gin_trgm_ops);
CREATE INDEX dossiers_received_newest ON dossiers (received_at DESC);
