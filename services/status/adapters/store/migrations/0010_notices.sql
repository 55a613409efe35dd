-- What the citizen was told about a dossier, for the lookup: a row per notice sent
-- (kind, channel, time), from intake's NOTICE stream. Never the address or the text.
CREATE TABLE notices_sent (
	event_id   uuid PRIMARY KEY,
	dossier_id uuid NOT NULL,
	notice_id  uuid NOT NULL,
	kind       text NOT NULL,
	channel    text NOT NULL,
	sent_at    timestamptz NOT NULL
);
CREATE INDEX notices_sent_dossier ON notices_sent (dossier_id, sent_at);
