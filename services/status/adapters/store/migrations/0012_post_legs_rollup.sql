-- The post's legs at scale (issue 16): the dashboard's legs of a year read sums kept per
-- day and month, as the dossiers' figures do (migration 0011), not every leg of the
-- year joined to its dossier.
--
-- A leg counts once delivered: a pickup at its origin (the post office that took the
-- papers in), timed from its acceptance; a result's delivery at its destination, timed
-- from its opening. The sums are per day and month of delivery (in the zone of
-- stats_zone), kind, post office, and the procedure and offices of its dossier, which
-- the figures' filters keep or leave whole. Triggers on shipments, and on dossiers whose
-- procedure or offices change, keep them.

-- What each delivered leg adds: a row for its day and one for its month.
CREATE VIEW leg_sums AS
SELECT s.id AS shipment_id, s.dossier_id, s.delivered_at, p.span, p.starts_on, s.kind, l.office, d.procedure_code,
	d.offices, 1 AS legs, l.millis
FROM shipments s
	JOIN dossiers d ON d.id = s.dossier_id
	CROSS JOIN LATERAL (SELECT
		CASE s.kind WHEN 'pickup' THEN s.origin_post_office_code ELSE s.destination_post_office_code END AS office,
		round(extract(epoch FROM s.delivered_at -
			CASE s.kind WHEN 'pickup' THEN s.accepted_at ELSE s.created_at END) * 1000)::bigint AS millis,
		(s.delivered_at AT TIME ZONE z.name)::date AS day FROM stats_zone z) AS l
	CROSS JOIN LATERAL (VALUES ('day', l.day), ('month', date_trunc('month', l.day::timestamp)::date))
		AS p (span, starts_on)
WHERE s.delivered_at IS NOT NULL AND s.kind IN ('pickup', 'delivery')
	AND (s.kind = 'delivery' OR s.accepted_at IS NOT NULL) AND l.office <> '';

CREATE TABLE leg_sums_kept (
	span           text NOT NULL CHECK (span IN ('day', 'month')),
	starts_on      date NOT NULL,
	kind           text NOT NULL,
	office         text NOT NULL,
	procedure_code text NOT NULL,
	offices        text[] NOT NULL,
	legs           bigint NOT NULL,
	-- Summed over the legs, in milliseconds.
	millis         bigint NOT NULL,
	PRIMARY KEY (span, starts_on, kind, office, procedure_code, offices)
);

-- legs_add adds what the legs of shipment (or, when shipment is NULL, of every shipment
-- of dossier) add to the sums as the tables hold them now, times sign (1 or -1): months
-- before days, as stats_add.
CREATE FUNCTION legs_add(shipment uuid, dossier uuid, sign integer) RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	IF shipment IS NOT NULL THEN
		INSERT INTO leg_sums_kept AS k
		SELECT v.span, v.starts_on, v.kind, v.office, v.procedure_code, v.offices, sign * v.legs, sign * v.millis
		FROM leg_sums v WHERE v.shipment_id = shipment
		ORDER BY v.span DESC
		ON CONFLICT (span, starts_on, kind, office, procedure_code, offices) DO UPDATE SET
			legs = k.legs + excluded.legs, millis = k.millis + excluded.millis;
	ELSE
		INSERT INTO leg_sums_kept AS k
		SELECT v.span, v.starts_on, v.kind, v.office, v.procedure_code, v.offices, sum(sign * v.legs),
			sum(sign * v.millis)
		FROM leg_sums v WHERE v.dossier_id = dossier
		GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1 DESC, 2, 3, 4, 5, 6
		ON CONFLICT (span, starts_on, kind, office, procedure_code, offices) DO UPDATE SET
			legs = k.legs + excluded.legs, millis = k.millis + excluded.millis;
	END IF;
END
$$;

CREATE FUNCTION legs_take_out() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	PERFORM legs_add(OLD.id, NULL, -1);
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;
CREATE FUNCTION legs_put_in() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	PERFORM legs_add(NEW.id, NULL, 1);
	RETURN NULL;
END
$$;

-- leg_changed reports whether a change of a shipment row from a to b changes what it
-- counts as a leg.
CREATE FUNCTION leg_changed(a shipments, b shipments) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT (a.delivered_at, a.accepted_at, a.created_at, a.kind, a.origin_post_office_code,
		a.destination_post_office_code, a.dossier_id)
		IS DISTINCT FROM (b.delivered_at, b.accepted_at, b.created_at, b.kind, b.origin_post_office_code,
		b.destination_post_office_code, b.dossier_id)
$$;

CREATE TRIGGER shipments_legs_added AFTER INSERT ON shipments FOR EACH ROW EXECUTE FUNCTION legs_put_in();
CREATE TRIGGER shipments_legs_removed BEFORE DELETE ON shipments FOR EACH ROW EXECUTE FUNCTION legs_take_out();
CREATE TRIGGER shipments_legs_changing BEFORE UPDATE ON shipments FOR EACH ROW
	WHEN (leg_changed(OLD, NEW))
	EXECUTE FUNCTION legs_take_out();
CREATE TRIGGER shipments_legs_changed AFTER UPDATE ON shipments FOR EACH ROW
	WHEN (leg_changed(OLD, NEW))
	EXECUTE FUNCTION legs_put_in();

-- A dossier whose procedure or offices change moves its legs to other groups.
CREATE FUNCTION dossier_legs_take_out() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	PERFORM legs_add(NULL, OLD.id, -1);
	RETURN NEW;
END
$$;
CREATE FUNCTION dossier_legs_put_in() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	PERFORM legs_add(NULL, NEW.id, 1);
	RETURN NULL;
END
$$;
CREATE TRIGGER dossiers_legs_moving BEFORE UPDATE ON dossiers FOR EACH ROW
	WHEN ((OLD.procedure_code, OLD.offices) IS DISTINCT FROM (NEW.procedure_code, NEW.offices))
	EXECUTE FUNCTION dossier_legs_take_out();
CREATE TRIGGER dossiers_legs_moved AFTER UPDATE ON dossiers FOR EACH ROW
	WHEN ((OLD.procedure_code, OLD.offices) IS DISTINCT FROM (NEW.procedure_code, NEW.offices))
	EXECUTE FUNCTION dossier_legs_put_in();

-- legs_rebuild recounts the legs' sums from the shipments and dossiers.
CREATE FUNCTION legs_rebuild() RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	LOCK TABLE leg_sums_kept IN EXCLUSIVE MODE;
	DELETE FROM leg_sums_kept;
	INSERT INTO leg_sums_kept
		SELECT span, starts_on, kind, office, procedure_code, offices, sum(legs), sum(millis)
		FROM leg_sums GROUP BY 1, 2, 3, 4, 5, 6;
END
$$;
SELECT legs_rebuild();

-- figures_rebuild recounts every sum the figures read: after a bulk load, or when the
-- time zone changes.
CREATE FUNCTION figures_rebuild() RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	PERFORM stats_rebuild();
	PERFORM legs_rebuild();
END
$$;
