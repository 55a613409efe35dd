-- The post office that serves each office (picks up and delivers there), and a revision
-- per office so the copies other services keep from the REFERENCE stream stay in order.
ALTER TABLE offices
	ADD COLUMN post_office_code text REFERENCES offices (code),
	ADD COLUMN revision bigint NOT NULL DEFAULT 0;
