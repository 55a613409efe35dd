-- The whole life of a dossier, not only its reception: what every later event's state
-- carries, the offices it has belonged to (for staff lists), and the citizen's rating.

ALTER TABLE dossiers
	-- During a transfer, the office that must accept it; NULL otherwise.
	ADD COLUMN pending_office_code text,
	ADD COLUMN pending_office_name text,
	-- Set while the clock is paused, waiting for the citizen's supplement.
	ADD COLUMN paused_at           timestamptz,
	ADD COLUMN supplement_requests integer NOT NULL DEFAULT 0,
	ADD COLUMN extended            boolean NOT NULL DEFAULT false,
	-- The final timing once finished: early, on_time or late; '' while open and for a
	-- withdrawn dossier.
	ADD COLUMN timing              text NOT NULL DEFAULT '',
	-- Working time from receipt to finish without supplement waits; 0 while open.
	ADD COLUMN processing_seconds  bigint NOT NULL DEFAULT 0,
	-- approved or rejected, once the deciding office produced the result; '' before.
	ADD COLUMN outcome             text NOT NULL DEFAULT '',
	-- Every office the dossier has belonged to: receiving, handling, and every office
	-- that held it or was asked to accept it. Only grows.
	ADD COLUMN offices             text[] NOT NULL DEFAULT '{}';

UPDATE dossiers SET offices = ARRAY(
	SELECT DISTINCT o FROM unnest(ARRAY[receiving_office_code, handling_office_code, current_office_code]) o
	WHERE o <> '' ORDER BY o);

-- Staff lists: "dossiers of my offices" (GIN on offices), in the order of their
-- appointments, paged by (due_at, id).
CREATE INDEX dossiers_offices_idx ON dossiers USING gin (offices);
CREATE INDEX dossiers_due_idx ON dossiers (due_at, id);
-- Statistics: dossiers received in a period.
CREATE INDEX dossiers_received_at_idx ON dossiers (received_at);

-- One rating per dossier, given by the citizen once the result was returned. The primary
-- key is what makes a second rating impossible, however close two submissions come.
CREATE TABLE ratings (
	dossier_id uuid PRIMARY KEY REFERENCES dossiers (id),
	score      smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
	-- {"on_time":1-5,"attitude":1-5,"guidance":1-5,"trips":n}, each optional
	criteria   jsonb NOT NULL DEFAULT '{}',
	comment    text NOT NULL DEFAULT '',
	created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
