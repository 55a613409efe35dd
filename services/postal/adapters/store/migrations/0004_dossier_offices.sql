-- Who may see a dossier's shipments and who may open one, from intake's events: every
-- office the dossier has been at or is going to, and the office that holds it now. Both
-- are kept whatever order the events come in (a set, and the holder of the highest
-- version), so neither waits for the dossier's first event.
CREATE TABLE dossier_offices (
	dossier_id uuid NOT NULL,
	office     text NOT NULL,
	PRIMARY KEY (dossier_id, office)
);

CREATE TABLE dossier_holders (
	dossier_id uuid PRIMARY KEY,
	office     text NOT NULL,
	version    bigint NOT NULL
);

-- Dossiers known before: their receiving desk and the offices at the ends of their
-- shipments. Their holder is learnt from their next event.
INSERT INTO dossier_offices (dossier_id, office)
	SELECT id, receiving_office FROM dossiers
	UNION SELECT dossier_id, from_office FROM shipments WHERE from_office <> ''
	UNION SELECT dossier_id, to_office FROM shipments WHERE to_office <> '';
