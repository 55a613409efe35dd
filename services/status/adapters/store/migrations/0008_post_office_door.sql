-- The post office as a door (issue 13). A post office may take a dossier at its counter
-- or at the citizen's door for an authority, and a citizen may collect the result at a
-- post office's counter.

-- Where the citizen collects the result, for a result collected at a post office
-- (result_delivery post_office): from Received, or from Completed when it names one,
-- kept whatever the order events arrive in, as the outcome is. NULL otherwise.
ALTER TABLE dossiers
	ADD COLUMN result_post_office_code text,
	ADD COLUMN result_post_office_name text;

-- The post offices status has heard named, by code: shipment events carry codes only.
-- Each name is the one the newest event folded gave it (a post office that took a
-- dossier at its counter, or where a result is collected); an office no event named
-- keeps its code as its name where it is shown.
CREATE TABLE post_offices (
	code text PRIMARY KEY,
	name text NOT NULL
);

-- The times of a shipment's legs, for the supervisor's dashboard: the post office a leg
-- leaves from (origin: the one that took in a pickup) and the one it goes to
-- (destination: the one that delivers a result, or hands it over at its counter), from
-- the shipment's creation; when the post first took it in (accepted at a counter, or
-- picked up at a door: accepted_at) and when it was
-- delivered, from the recorded events, kept whatever order they arrive in.
ALTER TABLE shipments
	ADD COLUMN origin_post_office_code      text NOT NULL DEFAULT '',
	ADD COLUMN destination_post_office_code text NOT NULL DEFAULT '',
	ADD COLUMN accepted_at                  timestamptz,
	ADD COLUMN delivered_at                 timestamptz;

-- Shipments folded before: their times from their steps. Their post offices were not
-- kept, so their legs are in no post office's figures.
UPDATE shipments s SET
	accepted_at  = (SELECT min(p.at) FROM shipment_steps p WHERE p.shipment_id = s.id AND p.type IN ('accepted', 'picked_up')),
	delivered_at = (SELECT min(p.at) FROM shipment_steps p WHERE p.shipment_id = s.id AND p.type = 'delivered');

-- The legs delivered in a period: only delivered pickups and deliveries are in the
-- figures, so only they are indexed; the rest of the legs cost the index nothing.
CREATE INDEX shipments_delivered_idx ON shipments (delivered_at)
	WHERE delivered_at IS NOT NULL AND kind IN ('pickup', 'delivery');
