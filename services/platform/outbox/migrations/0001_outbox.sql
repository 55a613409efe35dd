-- The transactional outbox: events committed with the state change they describe, and
-- published afterwards by the relay. Sent rows are kept for a while as a replay source.
-- Only the index the relay needs: event ids are random UUIDs and JetStream drops a
-- repeated Nats-Msg-Id, so no unique index is paid for on every insert; pruning sent
-- rows, hourly, scans the table.
CREATE TABLE outbox (
	id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	event_id   uuid        NOT NULL,
	subject    text        NOT NULL,
	payload    bytea       NOT NULL,
	txid       xid8        NOT NULL DEFAULT pg_current_xact_id(),
	created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
	sent_at    timestamptz
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
