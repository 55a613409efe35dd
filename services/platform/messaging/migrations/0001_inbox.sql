-- The inbox: one row per event a consumer applied, written in the transaction of its
-- effect, so a redelivered event is recognised and skipped.
CREATE TABLE inbox (
	consumer     text        NOT NULL,
	event_id     uuid        NOT NULL,
	subject      text        NOT NULL,
	processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
	PRIMARY KEY (consumer, event_id)
);
