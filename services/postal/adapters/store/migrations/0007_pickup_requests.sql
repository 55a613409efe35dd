-- Pickups at home that citizens ask for online (the post office as a door): the post
-- comes on the day and half-day asked to take the dossier at the address, and the
-- worker registers it there naming the pickup, whose shipment then opens under the
-- number given here. The address and the verified contact are sealed personal data.
CREATE TABLE pickup_requests (
	id                uuid PRIMARY KEY,
	tracking_number   text NOT NULL UNIQUE,
	procedure_code    text NOT NULL,
	receiving_office  text NOT NULL,
	post_office       text NOT NULL,
	pickup_date       date NOT NULL,
	slot              text NOT NULL CHECK (slot IN ('morning', 'afternoon')),
	address_sealed    bytea NOT NULL,
	contact_sealed    bytea NOT NULL,
	-- A request sent again with the same Idempotency-Key by the same contact is the
	-- same request.
	contact_index     bytea NOT NULL,
	idempotency_key   text,
	request_hash      bytea,
	asked_at          timestamptz NOT NULL,
	-- The dossier taken at the door, once a worker registered it naming this pickup.
	dossier_id        uuid,
	taken_at          timestamptz,
	UNIQUE (contact_index, idempotency_key)
);
CREATE INDEX pickup_requests_run_sheet ON pickup_requests (post_office, pickup_date) WHERE dossier_id IS NULL;
