-- The e-mail address a member of staff is written to (the officers' morning digest of
-- dossiers at risk, the supervisors' warnings of dossiers gone late): optional (null
-- when none), trimmed and in lower case as the app normalizes it.
ALTER TABLE staff_accounts ADD COLUMN email text CHECK (email <> '' AND length(email) <= 254);
