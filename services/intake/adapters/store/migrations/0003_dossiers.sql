-- Dossiers. Personal data (ID number, phone, email, addresses) is sealed with AES-GCM
-- under the data key; *_index columns hold keyed hashes for exact-match lookups.
-- The procedure and office codes have no foreign keys: each check locks the catalogue
-- row it names, so every registration of a popular procedure, or at a busy office,
-- would write to one hot row; intake checks the codes against the catalogue before it
-- writes, and offices and procedures are retired, never deleted.
CREATE TABLE code_sequences (
	office_code text    NOT NULL REFERENCES offices (code),
	day         date    NOT NULL,
	last_value  integer NOT NULL,
	PRIMARY KEY (office_code, day)
);

CREATE TABLE dossiers (
	id                    uuid PRIMARY KEY,
	code                  text NOT NULL UNIQUE,
	procedure_code        text NOT NULL,
	receiving_office      text NOT NULL,
	handling_office       text NOT NULL,
	current_office        text NOT NULL,
	channel               text NOT NULL CHECK (channel IN ('desk', 'post', 'online')),
	status                text NOT NULL,
	status_code           smallint NOT NULL,
	received_at           timestamptz NOT NULL,
	due_at                timestamptz NOT NULL,
	time_limit_hours      integer NOT NULL,
	applicant_name        text NOT NULL,
	applicant_name_folded text NOT NULL,
	applicant_id_sealed   bytea,
	applicant_id_index    bytea,
	applicant_phone_sealed bytea,
	applicant_phone_index bytea,
	applicant_email_sealed bytea,
	applicant_address_sealed bytea,
	documents             jsonb NOT NULL DEFAULT '[]',
	result_delivery       text NOT NULL CHECK (result_delivery IN ('desk', 'post')),
	result_address_sealed bytea,
	fee_due_vnd           bigint NOT NULL DEFAULT 0,
	fee_paid_vnd          bigint NOT NULL DEFAULT 0,
	pin_hash              bytea NOT NULL,
	version               integer NOT NULL,
	registered_by         text NOT NULL,
	created_at            timestamptz NOT NULL DEFAULT now()
);

-- Answers already given to requests carrying an Idempotency-Key, per account.
CREATE TABLE idempotency_keys (
	scope        text NOT NULL,
	key          text NOT NULL,
	request_hash bytea NOT NULL,
	status       smallint NOT NULL,
	response     bytea NOT NULL,
	created_at   timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
