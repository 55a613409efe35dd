-- The post office as a door (issue 13): a post office takes a dossier at its counter or
-- at the citizen's door on an authority's behalf. The dossier keeps which post office
-- took it, the seal it was packed under, the postage collected and the pickup shipment
-- carrying it to the desk; papers_at is when the post delivered it there, from which
-- the desk may receive it and the clock runs. A result may be collected at a post office
-- (result_post_office).
ALTER TABLE dossiers
	DROP CONSTRAINT dossiers_result_delivery_check,
	ADD CONSTRAINT dossiers_result_delivery_check CHECK (result_delivery IN ('desk', 'post', 'electronic', 'post_office')),
	ADD COLUMN result_post_office text,
	ADD COLUMN post_office text,
	ADD COLUMN seal_number text,
	ADD COLUMN postage_vnd bigint NOT NULL DEFAULT 0,
	ADD COLUMN pickup_tracking_number text UNIQUE,
	ADD COLUMN papers_at timestamptz;

-- Serial numbers of the pickups intake numbers (S10 series EC) when a post office takes
-- a dossier at its counter.
CREATE SEQUENCE counter_pickup_serial START 1 MAXVALUE 99999999;
