-- Results given electronically (issue 12): the citizen downloads the result's file with
-- the dossier's code and PIN, and the first download returns the result.
-- result_file_id is the file (purpose 'result') the office completed the dossier with.
ALTER TABLE dossiers
	DROP CONSTRAINT dossiers_result_delivery_check,
	ADD CONSTRAINT dossiers_result_delivery_check CHECK (result_delivery IN ('desk', 'post', 'electronic')),
	ADD COLUMN result_file_id uuid REFERENCES dossier_files (id);
