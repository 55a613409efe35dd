-- Dossiers submitted online (issue 12). Such a dossier has its code from the moment the
-- citizen submits it, then waits for a desk to check it: only when a desk receives it
-- does its clock start. Until then it has no received_at and no due_at.
ALTER TABLE dossiers
	ALTER COLUMN received_at DROP NOT NULL,
	ALTER COLUMN due_at DROP NOT NULL,
	-- When the citizen submitted it online; NULL for a desk's registration.
	ADD COLUMN submitted_at timestamptz,
	-- Where the dossier stands in the staff's lists: its appointment or, until a desk
	-- has received it, when it was submitted (the desk checks it the same working day).
	-- The folds give every dossier one or the other.
	ADD COLUMN queue_at timestamptz GENERATED ALWAYS AS (COALESCE(due_at, submitted_at)) STORED;

-- Staff lists are ordered and paged by (queue_at, id) now, no longer by (due_at, id);
-- those of one status (what awaits checking at a desk, status submitted, asked for all
-- day long) by the same order within the status.
DROP INDEX dossiers_due_idx;
CREATE INDEX dossiers_queue_idx ON dossiers (queue_at, id);
CREATE INDEX dossiers_status_queue_idx ON dossiers (status, queue_at, id);
