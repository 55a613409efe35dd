-- The read model: every dossier as status knows it from events. Its timeline is kept in
-- the row, as the citizen's view shows it, so a lookup reads one row and no more.
-- Indexes come with the queries that need them: each one is paid on every event.
CREATE TABLE dossiers (
	id                    uuid PRIMARY KEY,
	code                  text NOT NULL UNIQUE,
	procedure_code        text NOT NULL,
	procedure_name        text NOT NULL,
	receiving_office_code text NOT NULL,
	receiving_office_name text NOT NULL,
	handling_office_code  text NOT NULL,
	handling_office_name  text NOT NULL,
	current_office_code   text NOT NULL,
	current_office_name   text NOT NULL,
	channel               text NOT NULL,
	status                text NOT NULL,
	status_code           smallint NOT NULL,
	applicant_masked      text NOT NULL,
	pin_hash              bytea NOT NULL,
	received_at           timestamptz NOT NULL,
	due_at                timestamptz NOT NULL,
	time_limit_hours      integer NOT NULL,
	finished_at           timestamptz,
	result_delivery       text NOT NULL,
	fee_due_vnd           bigint NOT NULL DEFAULT 0,
	fee_paid_vnd          bigint NOT NULL DEFAULT 0,
	version               integer NOT NULL,
	-- [{"version","event_id","at","type","office_code","office_name"}], in version order
	timeline              jsonb NOT NULL,
	updated_at            timestamptz NOT NULL DEFAULT clock_timestamp()
);
