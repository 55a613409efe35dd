-- The tokens their holders signed out of, each kept until it would have expired: a
-- signed-out token is refused by every service, while the account's other tokens hold.
CREATE TABLE signed_out_tokens (
	token_id      text PRIMARY KEY,
	username      text NOT NULL,
	signed_out_at timestamptz NOT NULL,
	expires_at    timestamptz NOT NULL
);

CREATE INDEX signed_out_tokens_expires_at ON signed_out_tokens (expires_at);
