-- Dossiers submitted online: they have a code and a PIN at once, but the desk receives
-- them only after checking, so received_at and the appointment stay empty until then.
-- contact_channel says which of the applicant's (sealed) e-mail and phone is the
-- verified address that submitted the dossier, where its notices go; contact_index is a
-- keyed hash of that address, for finding a citizen's own submissions.
ALTER TABLE dossiers
	ALTER COLUMN received_at DROP NOT NULL,
	ALTER COLUMN due_at DROP NOT NULL,
	ADD COLUMN submitted_at timestamptz,
	ADD COLUMN contact_channel text CHECK (contact_channel IN ('email', 'phone')),
	ADD COLUMN contact_index bytea;
CREATE INDEX dossiers_contact ON dossiers (contact_index) WHERE contact_index IS NOT NULL;

-- The desk's checking list: what awaits the check at an office, oldest first.
CREATE INDEX dossiers_awaiting_check ON dossiers (current_office, submitted_at, id)
	WHERE received_at IS NULL AND status NOT IN ('returned', 'refused', 'stopped', 'withdrawn');

-- The files attached to dossiers: their fingerprints; the bytes live in the file store
-- under storage_key. Rows are only ever added: a file handed in is never changed.
CREATE TABLE dossier_files (
	id           uuid PRIMARY KEY,
	dossier_id   uuid NOT NULL REFERENCES dossiers (id),
	purpose      text NOT NULL CHECK (purpose IN ('submission', 'supplement', 'result')),
	document     text NOT NULL DEFAULT '',
	name         text NOT NULL,
	content_type text NOT NULL,
	size         bigint NOT NULL CHECK (size > 0),
	sha256       bytea NOT NULL CHECK (length(sha256) = 32),
	storage_key  text NOT NULL UNIQUE,
	added_at     timestamptz NOT NULL,
	added_by     text NOT NULL
);
CREATE INDEX dossier_files_dossier ON dossier_files (dossier_id, added_at);

CREATE FUNCTION dossier_files_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'a file handed in is never changed or removed';
END $$;
CREATE TRIGGER dossier_files_kept BEFORE UPDATE OR DELETE ON dossier_files
	FOR EACH STATEMENT EXECUTE FUNCTION dossier_files_are_kept();
