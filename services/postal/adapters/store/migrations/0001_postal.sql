-- The post's own data. Offices and dossiers are copies, kept from intake's events, of
-- what the post needs: which post office serves which office, and where to pick up or
-- deliver. Addresses and delivery proofs are personal data, sealed under the data key.
CREATE TABLE offices (
	code             text PRIMARY KEY,
	name             text NOT NULL,
	kind             text NOT NULL,
	parent_code      text NOT NULL DEFAULT '',
	address          text NOT NULL DEFAULT '',
	post_office_code text NOT NULL DEFAULT '',
	revision         bigint NOT NULL
);

CREATE TABLE dossiers (
	id                      uuid PRIMARY KEY,
	code                    text NOT NULL UNIQUE,
	receiving_office        text NOT NULL,
	procedure_name          text NOT NULL DEFAULT '',
	pickup_address_sealed   bytea,
	delivery_address_sealed bytea
);

-- Serial numbers of the UPU S10 tracking numbers the post gives out.
CREATE SEQUENCE s10_serial START 1 MAXVALUE 99999999;

CREATE TABLE shipments (
	id                      uuid PRIMARY KEY,
	tracking_number         text NOT NULL UNIQUE,
	kind                    text NOT NULL CHECK (kind IN ('pickup', 'transfer', 'delivery', 'return')),
	status                  text NOT NULL,
	dossier_id              uuid NOT NULL REFERENCES dossiers (id),
	from_office             text NOT NULL DEFAULT '',
	to_office               text NOT NULL DEFAULT '',
	address_sealed          bytea,
	origin_post_office      text NOT NULL,
	destination_post_office text NOT NULL,
	failed_attempts         integer NOT NULL DEFAULT 0,
	first_failed_at         timestamptz,
	seal_number             text NOT NULL DEFAULT '',
	postage_vnd             bigint NOT NULL DEFAULT 0,
	paid_by                 text NOT NULL DEFAULT '',
	last_event_at           timestamptz NOT NULL,
	version                 integer NOT NULL,
	-- What opened the shipment, once: a dossier event's id, a desk's Idempotency-Key, or
	-- the delivery a return brings back.
	source                  text NOT NULL UNIQUE,
	returns_tracking_number text NOT NULL DEFAULT '',
	created_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipments_dossier ON shipments (dossier_id, created_at);
CREATE INDEX shipments_origin ON shipments (origin_post_office, last_event_at);
CREATE INDEX shipments_destination ON shipments (destination_post_office, last_event_at);

-- Every step of every shipment. A postal worker's phone makes the event id, so a step
-- sent again is recognised and answered as the first time.
CREATE TABLE shipment_events (
	event_id              uuid PRIMARY KEY,
	shipment_id           uuid NOT NULL REFERENCES shipments (id),
	version               integer NOT NULL,
	type                  text NOT NULL,
	occurred_at           timestamptz NOT NULL,
	recorded_at           timestamptz NOT NULL DEFAULT now(),
	username              text NOT NULL,
	post_office           text NOT NULL DEFAULT '',
	automatic             boolean NOT NULL DEFAULT false,
	seal_number           text NOT NULL DEFAULT '',
	reason_code           text NOT NULL DEFAULT '',
	action_code           text NOT NULL DEFAULT '',
	relation              text NOT NULL DEFAULT '',
	recipient_name_sealed bytea,
	id_last4_sealed       bytea,
	signature_png         bytea,
	request_hash          bytea,
	answer                bytea,
	UNIQUE (shipment_id, version)
);
