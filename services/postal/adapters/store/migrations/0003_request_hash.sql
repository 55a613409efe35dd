-- A hash of the desk's request that opened a shipment, so the same Idempotency-Key with
-- another request is refused instead of answered with the first shipment.
ALTER TABLE shipments ADD COLUMN request_hash bytea;
