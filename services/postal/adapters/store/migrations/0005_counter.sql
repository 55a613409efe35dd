-- The post office as a door: a post office takes a dossier at its counter (or at the
-- citizen's door) on an authority's behalf and collects the authority's fee with the
-- postage. The pickup that carries the dossier to the desk keeps what was collected,
-- for the post office's daily cash statement.
ALTER TABLE shipments ADD COLUMN fee_collected_vnd bigint NOT NULL DEFAULT 0;
