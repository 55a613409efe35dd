-- Statistics at scale (issue 16): a year's figures over a million dossiers read a few
-- thousand rows, not a third of a million.
--
-- A settled dossier (finished, or withdrawn) counts the same whatever the moment the
-- figures are asked at. Its counters are kept summed per day it was received (a day in
-- the offices' time zone) and per month, for each procedure, handling office and set of
-- offices it belonged to: every filter of the figures (an office, the supervisor's
-- offices, a procedure) keeps or leaves whole groups. Open dossiers, whose standing
-- (within the deadline, or overdue) depends on the moment, are the work in hand, few
-- whatever the history: they are counted from their rows, through a partial index.
--
-- Triggers keep the sums: a change of a dossier row that changes what it counts takes
-- its old contribution out and puts the new one in, so the sums follow the rows
-- whatever order the events are folded in. A bulk load may turn them off and call
-- stats_rebuild() once.

-- The time zone the days are cut in: the offices' zone, which status sets at start
-- (changing it rebuilds the sums).
CREATE TABLE stats_zone (
	singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
	name      text NOT NULL
);
INSERT INTO stats_zone (name) VALUES ('Asia/Ho_Chi_Minh');

-- The citizen's overall score, beside the dossier it rates, so that a rating changes the
-- row the sums follow (ratings keeps the rating itself).
ALTER TABLE dossiers ADD COLUMN score smallint;
UPDATE dossiers d SET score = r.score FROM ratings r WHERE r.dossier_id = d.id;

-- The sums of the settled dossiers received on a day (span 'day') or in a month (span
-- 'month', starting on its first day), per group.
CREATE TABLE stats_sums (
	span                 text NOT NULL CHECK (span IN ('day', 'month')),
	starts_on            date NOT NULL,
	procedure_code       text NOT NULL,
	handling_office_code text NOT NULL,
	offices              text[] NOT NULL,
	received             bigint NOT NULL,
	early                bigint NOT NULL,
	on_time              bigint NOT NULL,
	late                 bigint NOT NULL,
	withdrawn            bigint NOT NULL,
	desk                 bigint NOT NULL,
	post                 bigint NOT NULL,
	online               bigint NOT NULL,
	-- Summed over the finished dossiers with a timing (early + on_time + late of them).
	processing_seconds   bigint NOT NULL,
	ratings              bigint NOT NULL,
	score_sum            bigint NOT NULL,
	dislikes             bigint NOT NULL,
	-- Summed over the dossiers submitted online that a desk checked (checked of them).
	check_seconds        bigint NOT NULL,
	checked              bigint NOT NULL,
	PRIMARY KEY (span, starts_on, procedure_code, handling_office_code, offices)
);

-- How a settled dossier stands in the figures: withdrawn, or its final timing (judged
-- from its finish when it was folded before status knew the timing); NULL while open.
-- The open standings are judged at a moment (standingSQL in the store).
CREATE FUNCTION settled_standing(d dossiers) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
		WHEN d.status = 'withdrawn' THEN 'withdrawn'
		WHEN d.finished_at IS NULL THEN NULL
		WHEN d.timing <> '' THEN d.timing
		WHEN d.finished_at > d.due_at THEN 'late'
		ELSE 'on_time'
	END
$$;

-- stats_rows are what d adds to the sums, times sign (1 or -1): a row for its day and
-- one for its month, in that order (the order every transaction takes their locks in);
-- none for a dossier open, or not received yet.
CREATE FUNCTION stats_rows(d dossiers, sign integer) RETURNS SETOF stats_sums LANGUAGE sql STABLE AS $$
	SELECT p.span, p.starts_on, d.procedure_code, d.handling_office_code, d.offices,
		sign::bigint, sign * (c.standing = 'early')::int, sign * (c.standing = 'on_time')::int,
		sign * (c.standing = 'late')::int, sign * (c.standing = 'withdrawn')::int, sign * (d.channel = 'desk')::int,
		sign * (d.channel = 'post')::int, sign * (d.channel = 'online')::int,
		CASE WHEN c.standing IN ('early', 'on_time', 'late') THEN sign * d.processing_seconds ELSE 0 END,
		sign * (d.score IS NOT NULL)::int, sign * COALESCE(d.score, 0), sign * COALESCE(d.score <= 2, false)::int,
		CASE WHEN c.checked THEN sign * d.check_seconds ELSE 0 END, sign * c.checked::int
	FROM (SELECT settled_standing(d) AS standing, d.channel = 'online' AND d.check_seconds IS NOT NULL AS checked,
			(d.received_at AT TIME ZONE (SELECT name FROM stats_zone))::date AS day) AS c
		CROSS JOIN LATERAL (VALUES (1, 'day', c.day), (2, 'month', date_trunc('month', c.day::timestamp)::date))
			AS p (n, span, starts_on)
	WHERE c.standing IS NOT NULL AND d.received_at IS NOT NULL
	ORDER BY p.n
$$;

-- stats_add adds the rows of d, times sign, to the sums.
CREATE FUNCTION stats_add(d dossiers, sign integer) RETURNS void LANGUAGE sql AS $$
	INSERT INTO stats_sums AS s SELECT * FROM stats_rows(d, sign)
	ON CONFLICT (span, starts_on, procedure_code, handling_office_code, offices) DO UPDATE SET
		received = s.received + excluded.received, early = s.early + excluded.early,
		on_time = s.on_time + excluded.on_time, late = s.late + excluded.late,
		withdrawn = s.withdrawn + excluded.withdrawn, desk = s.desk + excluded.desk, post = s.post + excluded.post,
		online = s.online + excluded.online, processing_seconds = s.processing_seconds + excluded.processing_seconds,
		ratings = s.ratings + excluded.ratings, score_sum = s.score_sum + excluded.score_sum,
		dislikes = s.dislikes + excluded.dislikes, check_seconds = s.check_seconds + excluded.check_seconds,
		checked = s.checked + excluded.checked
$$;

-- stats_follow keeps the sums as a dossier row is added, changed or removed.
CREATE FUNCTION stats_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM stats_add(OLD, -1);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		PERFORM stats_add(NEW, 1);
	END IF;
	RETURN NULL;
END
$$;

CREATE TRIGGER dossiers_stats AFTER INSERT OR DELETE ON dossiers
	FOR EACH ROW EXECUTE FUNCTION stats_follow();
-- Most changes (a step, a hand-over, a pause) touch nothing the sums count: for them the
-- trigger is not even called.
CREATE TRIGGER dossiers_stats_change AFTER UPDATE ON dossiers FOR EACH ROW
	WHEN ((OLD.status, OLD.finished_at, OLD.timing, OLD.due_at, OLD.received_at, OLD.procedure_code,
		OLD.handling_office_code, OLD.offices, OLD.channel, OLD.processing_seconds, OLD.score, OLD.check_seconds)
		IS DISTINCT FROM (NEW.status, NEW.finished_at, NEW.timing, NEW.due_at, NEW.received_at, NEW.procedure_code,
		NEW.handling_office_code, NEW.offices, NEW.channel, NEW.processing_seconds, NEW.score, NEW.check_seconds))
	EXECUTE FUNCTION stats_follow();

-- A rating puts its score on the dossier it rates.
CREATE FUNCTION ratings_score() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE dossiers SET score = NEW.score WHERE id = NEW.dossier_id;
	RETURN NULL;
END
$$;
CREATE TRIGGER ratings_score AFTER INSERT ON ratings FOR EACH ROW EXECUTE FUNCTION ratings_score();

-- The names of the procedures and offices, as the newest dossier (by the time it was
-- received, or submitted) gives them: the supervisor's choices, read without walking
-- the dossiers. An office is named by the newest dossier it handled (handled_*), or,
-- for a desk that only receives, by the newest it received or held (held_*).
CREATE TABLE procedure_names (
	code     text PRIMARY KEY,
	name     text NOT NULL,
	named_at timestamptz NOT NULL
);
CREATE TABLE office_names (
	code         text PRIMARY KEY,
	handled_name text,
	handled_at   timestamptz,
	held_name    text,
	held_at      timestamptz
);

-- names_follow names the procedure and offices of a dossier row added or changed.
CREATE FUNCTION names_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	at timestamptz := COALESCE(NEW.received_at, NEW.submitted_at);
BEGIN
	IF at IS NULL THEN
		RETURN NULL;
	END IF;
	-- Most dossiers give the names already kept: they are only read, so that dossiers of
	-- one procedure or office folded at once do not wait for each other on a row lock.
	IF NOT EXISTS (SELECT 1 FROM procedure_names WHERE code = NEW.procedure_code AND name = NEW.procedure_name) THEN
		INSERT INTO procedure_names AS p VALUES (NEW.procedure_code, NEW.procedure_name, at)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, named_at = excluded.named_at
			WHERE p.named_at <= excluded.named_at;
	END IF;
	IF NEW.handling_office_code <> '' AND NOT EXISTS (SELECT 1 FROM office_names
			WHERE code = NEW.handling_office_code AND handled_name = NEW.handling_office_name) THEN
		INSERT INTO office_names AS o (code, handled_name, handled_at) VALUES (NEW.handling_office_code, NEW.handling_office_name, at)
		ON CONFLICT (code) DO UPDATE SET handled_name = excluded.handled_name, handled_at = excluded.handled_at
			WHERE o.handled_at IS NULL OR o.handled_at <= excluded.handled_at;
	END IF;
	INSERT INTO office_names AS o (code, held_name, held_at)
		SELECT DISTINCT ON (c) c, n, at FROM (VALUES (1, NEW.receiving_office_code, NEW.receiving_office_name),
			(2, NEW.current_office_code, NEW.current_office_name)) AS h (k, c, n)
		WHERE c <> '' AND NOT EXISTS (SELECT 1 FROM office_names WHERE code = h.c AND held_name = h.n)
		ORDER BY c, k
	ON CONFLICT (code) DO UPDATE SET held_name = excluded.held_name, held_at = excluded.held_at
		WHERE o.held_at IS NULL OR o.held_at <= excluded.held_at;
	RETURN NULL;
END
$$;

CREATE TRIGGER dossiers_names AFTER INSERT ON dossiers FOR EACH ROW EXECUTE FUNCTION names_follow();
CREATE TRIGGER dossiers_names_change AFTER UPDATE ON dossiers FOR EACH ROW
	WHEN ((OLD.procedure_name, OLD.handling_office_code, OLD.handling_office_name, OLD.receiving_office_name,
		OLD.current_office_code, OLD.current_office_name, OLD.received_at)
		IS DISTINCT FROM (NEW.procedure_name, NEW.handling_office_code, NEW.handling_office_name,
		NEW.receiving_office_name, NEW.current_office_code, NEW.current_office_name, NEW.received_at))
	EXECUTE FUNCTION names_follow();

-- stats_rebuild recomputes the sums and the names from the dossiers: after a bulk load,
-- or when the time zone changes.
CREATE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	LOCK TABLE stats_sums IN EXCLUSIVE MODE;
	DELETE FROM stats_sums;
	INSERT INTO stats_sums
		SELECT r.span, r.starts_on, r.procedure_code, r.handling_office_code, r.offices, sum(r.received),
			sum(r.early), sum(r.on_time), sum(r.late), sum(r.withdrawn), sum(r.desk), sum(r.post), sum(r.online),
			sum(r.processing_seconds), sum(r.ratings), sum(r.score_sum), sum(r.dislikes), sum(r.check_seconds),
			sum(r.checked)
		FROM dossiers d CROSS JOIN LATERAL stats_rows(d, 1) AS r
		GROUP BY 1, 2, 3, 4, 5;
	DELETE FROM procedure_names;
	INSERT INTO procedure_names
		SELECT DISTINCT ON (procedure_code) procedure_code, procedure_name, COALESCE(received_at, submitted_at)
		FROM dossiers WHERE COALESCE(received_at, submitted_at) IS NOT NULL
		ORDER BY procedure_code, COALESCE(received_at, submitted_at) DESC;
	DELETE FROM office_names;
	INSERT INTO office_names (code, handled_name, handled_at)
		SELECT DISTINCT ON (handling_office_code) handling_office_code, handling_office_name,
			COALESCE(received_at, submitted_at)
		FROM dossiers WHERE handling_office_code <> '' AND COALESCE(received_at, submitted_at) IS NOT NULL
		ORDER BY handling_office_code, COALESCE(received_at, submitted_at) DESC;
	INSERT INTO office_names AS o (code, held_name, held_at)
		SELECT DISTINCT ON (h.c) h.c, h.n, COALESCE(d.received_at, d.submitted_at)
		FROM dossiers d CROSS JOIN LATERAL (VALUES (1, d.receiving_office_code, d.receiving_office_name),
			(2, d.current_office_code, d.current_office_name)) AS h (k, c, n)
		WHERE h.c <> '' AND COALESCE(d.received_at, d.submitted_at) IS NOT NULL
		ORDER BY h.c, COALESCE(d.received_at, d.submitted_at) DESC, h.k
	ON CONFLICT (code) DO UPDATE SET held_name = excluded.held_name, held_at = excluded.held_at;
END
$$;

SELECT stats_rebuild();

-- The open dossiers received in a period, counted from their rows.
CREATE INDEX dossiers_open_received_idx ON dossiers (received_at) WHERE finished_at IS NULL AND status <> 'withdrawn';
