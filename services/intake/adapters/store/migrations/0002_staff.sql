-- Staff accounts: a strong password hash, one role, one or more offices.
CREATE TABLE staff_accounts (
	username      text PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
	password_hash text NOT NULL,
	role          text NOT NULL CHECK (role IN ('desk', 'officer', 'postal', 'supervisor', 'admin')),
	disabled      boolean NOT NULL DEFAULT false,
	created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_offices (
	username    text NOT NULL REFERENCES staff_accounts (username) ON DELETE CASCADE,
	office_code text NOT NULL REFERENCES offices (code),
	PRIMARY KEY (username, office_code)
);
