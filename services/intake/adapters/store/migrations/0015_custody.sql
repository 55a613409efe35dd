-- The custody chain of every dossier (issue 13): each step and hand-over, whoever
-- recorded it, as an entry chained by SHA-256 to the one before (see intake's
-- domain/custody for the canonical bytes). Entries are appended from the events intake
-- and postal publish, never changed; a chain is kept by the dossier id its events name,
-- known to intake or not, so no foreign key.
--
-- custody_heads is each chain's end. Appending locks its row (taken by an insert that
-- meets it, or made by one), so the two consumers that append never fork a chain.
CREATE TABLE custody_heads (
	dossier_id uuid PRIMARY KEY,
	-- The dossier's code, once an event named it ('' until then).
	code       text NOT NULL DEFAULT '',
	seq        bigint NOT NULL CHECK (seq >= 0),
	hash       bytea NOT NULL CHECK (length(hash) = 32),
	-- When the last entry's step happened; null for a chain not begun.
	at         timestamptz
);

CREATE INDEX custody_heads_code ON custody_heads (code);

CREATE TABLE custody_entries (
	dossier_id      uuid NOT NULL,
	seq             bigint NOT NULL CHECK (seq > 0),
	at              timestamptz NOT NULL,
	event           text NOT NULL,
	from_party      text NOT NULL,
	to_party        text NOT NULL,
	recorded_by     text NOT NULL,
	tracking_number text NOT NULL,
	prev_hash       bytea NOT NULL,
	hash            bytea NOT NULL,
	-- When intake appended the entry (not hashed: the step's time is at).
	appended_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
	PRIMARY KEY (dossier_id, seq)
);
