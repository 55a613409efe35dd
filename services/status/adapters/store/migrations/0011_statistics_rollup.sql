-- Statistics at scale (issue 16): a year's figures over a million dossiers read a few
-- thousand rows, not a third of a million.
--
-- A settled dossier (finished, or withdrawn) counts the same whatever the moment the
-- figures are asked at. Its counters are kept summed per day it was received (a day in
-- the offices' time zone) and per month, for each procedure, handling office and set of
-- offices it belonged to: every filter of the figures (an office, the supervisor's
-- offices, a procedure) keeps or leaves whole groups. Open dossiers, whose standing
-- (within the deadline, or overdue) depends on the moment, are the work in hand, few
-- whatever the history: they are counted one by one from open_dossiers, a narrow copy
-- of what the figures read of them (a dozen of them fit a page where a dossier row with
-- its timeline fills one).
--
-- Triggers keep the sums: a change of a dossier row that changes what it counts takes
-- its old contribution out and puts the new one in, so the sums follow the rows
-- whatever order the events are folded in. A bulk load may turn them off and call
-- figures_rebuild() once. The functions run with the schema they were made in, whatever
-- the search path of the session that writes the rows.

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

-- What each settled dossier adds to the sums: a row for the day it was received and one
-- for its month. Open dossiers, and those not received yet, add nothing.
CREATE VIEW dossier_sums AS
SELECT d.id, p.span, p.starts_on, d.procedure_code, d.handling_office_code, d.offices,
	1 AS received, (c.standing = 'early')::int AS early, (c.standing = 'on_time')::int AS on_time,
	(c.standing = 'late')::int AS late, (c.standing = 'withdrawn')::int AS withdrawn,
	(d.channel = 'desk')::int AS desk, (d.channel = 'post')::int AS post, (d.channel = 'online')::int AS online,
	CASE WHEN c.standing IN ('early', 'on_time', 'late') THEN d.processing_seconds ELSE 0 END AS processing_seconds,
	(d.score IS NOT NULL)::int AS ratings, COALESCE(d.score, 0) AS score_sum,
	COALESCE(d.score <= 2, false)::int AS dislikes,
	CASE WHEN c.checked THEN d.check_seconds ELSE 0 END AS check_seconds, c.checked::int AS checked
FROM dossiers d
	CROSS JOIN LATERAL (SELECT settled_standing(d) AS standing,
		d.channel = 'online' AND d.check_seconds IS NOT NULL AS checked,
		(d.received_at AT TIME ZONE z.name)::date AS day FROM stats_zone z) AS c
	CROSS JOIN LATERAL (VALUES ('day', c.day), ('month', date_trunc('month', c.day::timestamp)::date))
		AS p (span, starts_on)
WHERE c.standing IS NOT NULL AND d.received_at IS NOT NULL;

-- stats_add adds what dossier id adds to the sums as the table holds it now, times sign
-- (1 or -1): its month's sums, then its day's. Every writer takes a month's row before a
-- day's, so a citizen's rating and a batch of folds settling dossiers of the same month
-- cannot wait for each other in a circle.
CREATE FUNCTION stats_add(id uuid, sign integer) RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	INSERT INTO stats_sums AS s
	SELECT v.span, v.starts_on, v.procedure_code, v.handling_office_code, v.offices, sign * v.received,
		sign * v.early, sign * v.on_time, sign * v.late, sign * v.withdrawn, sign * v.desk, sign * v.post,
		sign * v.online, sign * v.processing_seconds, sign * v.ratings, sign * v.score_sum, sign * v.dislikes,
		sign * v.check_seconds, sign * v.checked
	FROM dossier_sums v WHERE v.id = stats_add.id
	ORDER BY v.span DESC
	ON CONFLICT (span, starts_on, procedure_code, handling_office_code, offices) DO UPDATE SET
		received = s.received + excluded.received, early = s.early + excluded.early,
		on_time = s.on_time + excluded.on_time, late = s.late + excluded.late,
		withdrawn = s.withdrawn + excluded.withdrawn, desk = s.desk + excluded.desk, post = s.post + excluded.post,
		online = s.online + excluded.online, processing_seconds = s.processing_seconds + excluded.processing_seconds,
		ratings = s.ratings + excluded.ratings, score_sum = s.score_sum + excluded.score_sum,
		dislikes = s.dislikes + excluded.dislikes, check_seconds = s.check_seconds + excluded.check_seconds,
		checked = s.checked + excluded.checked;
END
$$;

-- The open dossiers received, as the figures read them: the counts, and the overdue and
-- at-risk dossiers of the dashboard (read here, the supervisor's offices kept from a few
-- thousand narrow rows, rather than through the index of every dossier's offices).
CREATE TABLE open_dossiers (
	id                   uuid PRIMARY KEY,
	code                 text NOT NULL,
	received_at          timestamptz NOT NULL,
	due_at               timestamptz NOT NULL,
	paused_at            timestamptz,
	procedure_code       text NOT NULL,
	handling_office_code text NOT NULL,
	offices              text[] NOT NULL,
	channel              text NOT NULL,
	check_seconds        bigint
);
CREATE INDEX open_dossiers_received ON open_dossiers (received_at);

-- open_keep keeps dossier d in open_dossiers while it is open and received, out of it
-- otherwise.
CREATE FUNCTION open_keep(d dossiers) RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	IF d.finished_at IS NULL AND d.status <> 'withdrawn' AND d.received_at IS NOT NULL AND d.due_at IS NOT NULL THEN
		INSERT INTO open_dossiers VALUES (d.id, d.code, d.received_at, d.due_at, d.paused_at, d.procedure_code,
			d.handling_office_code, d.offices, d.channel, d.check_seconds)
		ON CONFLICT (id) DO UPDATE SET code = excluded.code, received_at = excluded.received_at, due_at = excluded.due_at,
			paused_at = excluded.paused_at, procedure_code = excluded.procedure_code,
			handling_office_code = excluded.handling_office_code, offices = excluded.offices,
			channel = excluded.channel, check_seconds = excluded.check_seconds;
	ELSE
		DELETE FROM open_dossiers WHERE id = d.id;
	END IF;
END
$$;

-- counted_changed reports whether a change of a dossier row from a to b changes what the
-- figures count of it.
CREATE FUNCTION counted_changed(a dossiers, b dossiers) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT (a.status, a.finished_at, a.timing, a.due_at, a.received_at, a.procedure_code, a.handling_office_code,
		a.offices, a.channel, a.processing_seconds, a.score, a.check_seconds, a.paused_at)
		IS DISTINCT FROM (b.status, b.finished_at, b.timing, b.due_at, b.received_at, b.procedure_code,
		b.handling_office_code, b.offices, b.channel, b.processing_seconds, b.score, b.check_seconds, b.paused_at)
$$;

-- Before a dossier row changes or goes, what it added is taken out; after it is added or
-- has changed, what it adds now is put in, and its open copy follows.
CREATE FUNCTION stats_take_out() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	-- A BEFORE trigger's WHEN may not read NEW's generated columns: the test is here.
	IF TG_OP = 'UPDATE' AND NOT counted_changed(OLD, NEW) THEN
		RETURN NEW;
	END IF;
	PERFORM stats_add(OLD.id, -1);
	IF TG_OP = 'DELETE' THEN
		DELETE FROM open_dossiers WHERE id = OLD.id;
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;
CREATE FUNCTION stats_put_in() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	PERFORM stats_add(NEW.id, 1);
	PERFORM open_keep(NEW);
	RETURN NULL;
END
$$;

CREATE TRIGGER dossiers_stats_added AFTER INSERT ON dossiers FOR EACH ROW EXECUTE FUNCTION stats_put_in();
CREATE TRIGGER dossiers_stats_removed BEFORE DELETE ON dossiers FOR EACH ROW EXECUTE FUNCTION stats_take_out();
-- Most changes (a step, a hand-over) touch nothing the sums count: for them the trigger
-- after is not even called, the one before returns at once.
CREATE TRIGGER dossiers_stats_changing BEFORE UPDATE ON dossiers FOR EACH ROW EXECUTE FUNCTION stats_take_out();
CREATE TRIGGER dossiers_stats_changed AFTER UPDATE ON dossiers FOR EACH ROW
	WHEN (counted_changed(OLD, NEW))
	EXECUTE FUNCTION stats_put_in();

-- A rating puts its score on the dossier it rates.
CREATE FUNCTION ratings_score() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	UPDATE dossiers SET score = NEW.score WHERE id = NEW.dossier_id;
	RETURN NULL;
END
$$;
CREATE TRIGGER ratings_score AFTER INSERT ON ratings FOR EACH ROW EXECUTE FUNCTION ratings_score();

-- The names of the procedures and offices: the supervisor's choices, read without
-- walking the dossiers. A code keeps the name a dossier first gave it until a dossier
-- received (or submitted) later gives another; the time kept is that of the dossier
-- that gave the name kept. An office is named by the dossiers it handled (handled_*),
-- or, for a desk that only receives, by those it received or held (held_*).
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
CREATE FUNCTION names_follow() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
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

-- stats_rebuild recomputes the sums, the open dossiers and the names from the dossiers
-- and their ratings: after a bulk load (with the triggers off), or when the time zone
-- changes.
CREATE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
	LOCK TABLE stats_sums, open_dossiers IN EXCLUSIVE MODE;
	-- Ratings loaded while the triggers were off have not put their scores on the dossiers.
	UPDATE dossiers d SET score = r.score FROM ratings r WHERE r.dossier_id = d.id AND d.score IS DISTINCT FROM r.score;
	DELETE FROM stats_sums;
	INSERT INTO stats_sums
		SELECT span, starts_on, procedure_code, handling_office_code, offices, sum(received), sum(early), sum(on_time),
			sum(late), sum(withdrawn), sum(desk), sum(post), sum(online), sum(processing_seconds), sum(ratings),
			sum(score_sum), sum(dislikes), sum(check_seconds), sum(checked)
		FROM dossier_sums GROUP BY 1, 2, 3, 4, 5;
	DELETE FROM open_dossiers;
	INSERT INTO open_dossiers
		SELECT id, code, received_at, due_at, paused_at, procedure_code, handling_office_code, offices, channel,
			check_seconds
		FROM dossiers
		WHERE finished_at IS NULL AND status <> 'withdrawn' AND received_at IS NOT NULL AND due_at IS NOT NULL;
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
