-- Results given electronically (issue 12): the citizen downloads the result's file from
-- intake with the dossier's code and PIN. result_downloadable is the newest state's word
-- on whether they can (intake decides it); result_file is the file's fingerprint (name,
-- type, size, SHA-256) from the Completed event, kept whatever the order events arrive
-- in, as the outcome is.
ALTER TABLE dossiers
	ADD COLUMN result_downloadable boolean NOT NULL DEFAULT false,
	ADD COLUMN result_file jsonb;
