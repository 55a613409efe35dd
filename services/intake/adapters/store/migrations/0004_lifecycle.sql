-- The life of a dossier after registration: its state under the one-stop rules, the
-- hand-over log (form 05), and the audit of staff reads of personal data.
ALTER TABLE dossiers
	ADD COLUMN pending_office      text,
	ADD COLUMN original_due_at     timestamptz,
	ADD COLUMN paused_at           timestamptz,
	ADD COLUMN paused_seconds      bigint NOT NULL DEFAULT 0,
	ADD COLUMN supplement_requests integer NOT NULL DEFAULT 0,
	ADD COLUMN extended            boolean NOT NULL DEFAULT false,
	ADD COLUMN finished_at         timestamptz,
	ADD COLUMN timing              text NOT NULL DEFAULT '',
	ADD COLUMN outcome             text NOT NULL DEFAULT '',
	ADD COLUMN fee_receipt_number  text NOT NULL DEFAULT '',
	-- The lookup PIN sealed under the data key, so the desk can reprint the receipt.
	ADD COLUMN pin_sealed          bytea;
UPDATE dossiers SET original_due_at = due_at WHERE original_due_at IS NULL;

-- One row per action after registration (registration itself is the dossier row):
-- who, for which office, when, from and to which office, and how the step stood
-- against the appointment. details holds what the action's form prints (missing items,
-- old and new appointment, amounts).
CREATE TABLE dossier_steps (
	dossier_id  uuid NOT NULL REFERENCES dossiers (id),
	version     integer NOT NULL,
	action      text NOT NULL,
	at          timestamptz NOT NULL,
	actor       text NOT NULL,
	office      text NOT NULL,
	from_office text NOT NULL DEFAULT '',
	to_office   text NOT NULL DEFAULT '',
	via         text NOT NULL DEFAULT '',
	timing      text NOT NULL DEFAULT '',
	note        text NOT NULL DEFAULT '',
	reason      text NOT NULL DEFAULT '',
	details     jsonb NOT NULL DEFAULT '{}',
	PRIMARY KEY (dossier_id, version)
);

-- Every staff read of a dossier's personal data (Decree 356/2025): who, which dossier,
-- when, and what for.
CREATE TABLE personal_data_reads (
	id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	dossier_id uuid NOT NULL,
	username   text NOT NULL,
	purpose    text NOT NULL,
	at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personal_data_reads_dossier ON personal_data_reads (dossier_id, at);
