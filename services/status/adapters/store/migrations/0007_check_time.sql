-- How long a dossier submitted online waited for the desk's first check (receipt,
-- guidance or refusal), in working seconds, as intake measured it with its calendar;
-- NULL for a dossier registered at a desk, or not checked yet.
ALTER TABLE dossiers ADD COLUMN check_seconds bigint;
