-- The codes sent to citizens to prove an e-mail address or a phone number: only a keyed
-- hash of each code is kept. A row is kept after its use, so the codes sent to an
-- address in the last hour can be counted.
CREATE TABLE contact_verifications (
	id          uuid PRIMARY KEY,
	channel     text NOT NULL CHECK (channel IN ('email', 'phone')),
	address     text NOT NULL,
	code_hash   bytea NOT NULL,
	created_at  timestamptz NOT NULL,
	expires_at  timestamptz NOT NULL,
	wrong_codes integer NOT NULL DEFAULT 0,
	verified    boolean NOT NULL DEFAULT false
);

CREATE INDEX contact_verifications_address ON contact_verifications (channel, address, created_at);
