-- The transactional outbox: events committed with the state change they describe, and
-- published afterwards by the relay. Sent rows are kept for a while as a replay source.
CREATE TABLE outbox (
	id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	event_id   uuid        NOT NULL UNIQUE,
	subject    text        NOT NULL,
	payload    bytea       NOT NULL,
	txid       xid8        NOT NULL DEFAULT pg_current_xact_id(),
	created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
	sent_at    timestamptz
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;
