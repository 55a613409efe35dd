-- Hand-over records (biên bản giao nhận): a post office hands an authority many items at
-- once; the authority's staff confirm the record with a signature, which delivers every
-- item there in one transaction. The number is the record's, printed on it; source and
-- request_hash make the same request sent again (its Idempotency-Key) the same record.
-- The receiving officer's signature is kept once, with the record, sealed.
CREATE TABLE handovers (
	id               uuid PRIMARY KEY,
	number           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
	from_office      text NOT NULL,
	to_office        text NOT NULL,
	given_by         text NOT NULL,
	created_at       timestamptz NOT NULL,
	source           text UNIQUE,
	request_hash     bytea,
	confirmed_by     text,
	confirmed_at     timestamptz,
	signature_sealed bytea
);
CREATE INDEX handovers_to_office ON handovers (to_office, created_at);
CREATE INDEX handovers_from_office ON handovers (from_office, created_at);

-- The items of a record, in the order listed, and once it is confirmed the delivered
-- step each was given (a shipment's step names its record through it).
CREATE TABLE handover_items (
	handover_id uuid NOT NULL REFERENCES handovers (id),
	position    integer NOT NULL,
	shipment_id uuid NOT NULL REFERENCES shipments (id),
	event_id    uuid UNIQUE REFERENCES shipment_events (event_id),
	PRIMARY KEY (handover_id, position),
	UNIQUE (handover_id, shipment_id)
);
CREATE INDEX handover_items_shipment ON handover_items (shipment_id);

-- A post office's daily cash statement reads the pickups it took by the day they were
-- opened.
CREATE INDEX shipments_taken ON shipments (origin_post_office, created_at) WHERE kind = 'pickup';
