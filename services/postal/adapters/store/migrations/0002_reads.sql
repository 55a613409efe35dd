-- Every staff read of a citizen's address or of a delivery's proof (Decree 356/2025):
-- who, which shipment, when, and what for.
CREATE TABLE personal_data_reads (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	shipment_id uuid NOT NULL,
	username    text NOT NULL,
	purpose     text NOT NULL,
	at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personal_data_reads_shipment ON personal_data_reads (shipment_id, at);
