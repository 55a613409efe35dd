-- The post's side of a dossier, folded from the shipment events postal publishes on the
-- POSTAL stream: each shipment (a leg: pickup from the citizen, transfer between offices,
-- delivery of the result, return to the desk) as its newest event leaves it, and one
-- step per event for the dossier's timeline. The steps are kept apart from the
-- dossier's own timeline (ordered by the dossier's version) and merged with it by time
-- when a citizen looks the dossier up.

CREATE TABLE shipments (
	id               uuid PRIMARY KEY,
	tracking_number  text NOT NULL UNIQUE,
	dossier_id       uuid NOT NULL REFERENCES dossiers (id),
	-- pickup, transfer, delivery or return
	kind             text NOT NULL,
	-- created, then the type of the newest event: accepted, picked_up, in_transit,
	-- arrived, out_for_delivery, delivered, delivery_failed, returned
	status           text NOT NULL,
	-- Why the newest attempt failed (delivery_failed); '' otherwise.
	reason_code      text NOT NULL DEFAULT '',
	-- '' for the citizen's address (a pickup's origin, a delivery's destination).
	from_office_code text NOT NULL DEFAULT '',
	to_office_code   text NOT NULL DEFAULT '',
	-- When postal created it (until its created event is folded: its earliest event).
	created_at       timestamptz NOT NULL,
	-- When the newest event happened.
	updated_at       timestamptz NOT NULL,
	-- The shipment's version after the newest event folded; older events arriving late
	-- leave the row alone.
	version          integer NOT NULL
);
-- The shipments of a dossier, in the order they were created.
CREATE INDEX shipments_dossier_idx ON shipments (dossier_id, created_at);

-- One step per shipment event, kept whatever order the events arrive in: the event id
-- and the shipment's version each make a replay a no-op.
CREATE TABLE shipment_steps (
	event_id         uuid PRIMARY KEY,
	shipment_id      uuid NOT NULL,
	dossier_id       uuid NOT NULL REFERENCES dossiers (id),
	version          integer NOT NULL,
	-- When it happened, as the postal worker recorded it.
	at               timestamptz NOT NULL,
	-- created, or the recorded event's type
	type             text NOT NULL,
	kind             text NOT NULL,
	tracking_number  text NOT NULL,
	from_office_code text NOT NULL DEFAULT '',
	to_office_code   text NOT NULL DEFAULT '',
	reason_code      text NOT NULL DEFAULT '',
	UNIQUE (shipment_id, version)
);
CREATE INDEX shipment_steps_dossier_idx ON shipment_steps (dossier_id, at);
