-- Webhooks and the national sync (issue 14): the endpoints administrators subscribe to
-- the dossiers' and shipments' events, the calls owed to them, and the records owed to
-- the National Public Service Portal. The calls and the records are platform/delivery
-- queues: their first ten columns are the ones it requires, intake's own follow.

CREATE TABLE webhooks (
	id                     uuid PRIMARY KEY,
	url                    text NOT NULL,
	-- The event types and patterns subscribed to ("dossier.received", "dossier.*").
	events                 text[] NOT NULL CHECK (cardinality(events) > 0),
	-- The secret that signs every call, sealed under the data key. After a rotation the
	-- one it replaced signs beside it until previous_expires_at, so a receiver has time
	-- to change its own.
	secret_sealed          bytea NOT NULL,
	previous_secret_sealed bytea,
	previous_expires_at    timestamptz,
	-- Since when every try has failed; NULL once one succeeds. A day of it disables the
	-- endpoint (disabled_at): no new calls are owed to it and its pending ones die.
	failing_since          timestamptz,
	disabled_at            timestamptz,
	created_at             timestamptz NOT NULL,
	created_by             text NOT NULL,
	-- When an administrator removed it: it is gone from every list and its pending
	-- calls die. The row stays, so a removal never waits on, nor deadlocks with, a try
	-- of one of its calls (which holds the call's row, then writes the endpoint's).
	deleted_at             timestamptz
);

-- One call per event and endpoint: its id, the webhook-id a receiver de-duplicates on,
-- is derived from both, so an event consumed twice owes nothing twice. payload is the
-- body, sent as it is on every try.
CREATE TABLE webhook_deliveries (
	id           uuid PRIMARY KEY,
	seq          bigint GENERATED ALWAYS AS IDENTITY,
	order_key    text NOT NULL DEFAULT '',
	payload      jsonb NOT NULL,
	state        text NOT NULL DEFAULT 'pending',
	tries        int NOT NULL DEFAULT 0,
	next_at      timestamptz NOT NULL,
	last_error   text NOT NULL DEFAULT '',
	created_at   timestamptz NOT NULL,
	sent_at      timestamptz,
	webhook_id   uuid NOT NULL REFERENCES webhooks (id),
	event_type   text NOT NULL,
	-- The event that caused the call; NULL for a test an administrator asked for.
	event_id     uuid,
	-- The receiver's answer to the last try (NULL when it gave none: a timeout, a
	-- refused connection) and when that try was made.
	last_status  int,
	attempted_at timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, seq DESC);

-- One record per status change of a dossier, sent in order per dossier (order_key is
-- its code): a record the portal has not taken holds back the dossier's later ones.
CREATE TABLE national_sync (
	id           uuid PRIMARY KEY,
	seq          bigint GENERATED ALWAYS AS IDENTITY,
	order_key    text NOT NULL DEFAULT '',
	payload      jsonb NOT NULL,
	state        text NOT NULL DEFAULT 'pending',
	tries        int NOT NULL DEFAULT 0,
	next_at      timestamptz NOT NULL,
	last_error   text NOT NULL DEFAULT '',
	created_at   timestamptz NOT NULL,
	sent_at      timestamptz,
	dossier_code text NOT NULL,
	status       text NOT NULL,
	status_code  smallint NOT NULL CHECK (status_code BETWEEN 1 AND 10)
);
CREATE INDEX national_sync_due ON national_sync (next_at) WHERE state = 'pending';
CREATE INDEX national_sync_order ON national_sync (order_key, seq);
CREATE INDEX national_sync_dead ON national_sync (seq) WHERE state = 'dead';

-- The last status each follower of the dossier events (the webhooks, the national
-- sync) told of a dossier, at which version of it: an event that leaves the status as
-- it was (an extension, a payment recorded in passing) tells no change, and one older
-- than what was told (consumed late, after a retry) is passed over.
CREATE TABLE statuses_told (
	follower   text NOT NULL,
	dossier_id uuid NOT NULL,
	version    bigint NOT NULL,
	status     text NOT NULL,
	PRIMARY KEY (follower, dossier_id)
);
