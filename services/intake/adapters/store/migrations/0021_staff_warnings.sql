-- Staff warnings: the mail to staff (the officers' morning digests of dossiers at risk,
-- the supervisors' warnings of dossiers gone late), queued with what decided it
-- (platform/delivery's columns; the payload is the rendered message: kind, to, subject,
-- text, html); the days whose digest was made, so that each is made once whatever the
-- replicas; and when a dossier's supervisors were told it went late.
CREATE TABLE staff_mail (
	id         uuid PRIMARY KEY,
	seq        bigint GENERATED ALWAYS AS IDENTITY,
	order_key  text NOT NULL DEFAULT '',
	payload    jsonb NOT NULL,
	state      text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead')),
	tries      int NOT NULL DEFAULT 0,
	next_at    timestamptz NOT NULL,
	last_error text NOT NULL DEFAULT '',
	created_at timestamptz NOT NULL,
	sent_at    timestamptz,
	kind       text GENERATED ALWAYS AS (payload ->> 'kind') STORED
);
CREATE INDEX staff_mail_due ON staff_mail (next_at) WHERE state = 'pending';
CREATE INDEX staff_mail_dead ON staff_mail (created_at) WHERE state = 'dead';

CREATE TABLE staff_digests (
	day     date PRIMARY KEY,
	made_at timestamptz NOT NULL,
	mails   integer NOT NULL
);

-- A dossier is told late once. Those already late when this runs went late before
-- anyone could be told: they count as told, so that the first start does not mail a
-- supervisor every dossier ever overdue.
ALTER TABLE dossiers ADD COLUMN late_told_at timestamptz;
UPDATE dossiers SET late_told_at = now()
	WHERE status NOT IN ('returned', 'refused', 'stopped', 'withdrawn') AND finished_at IS NULL
	  AND due_at < coalesce(paused_at, now());
-- The scan each minute of what went late reads only the open dossiers not told yet, by
-- appointment: those due before now are the late ones (and the few paused before).
CREATE INDEX dossiers_late_untold ON dossiers (due_at)
	WHERE late_told_at IS NULL AND finished_at IS NULL AND due_at IS NOT NULL
	  AND status NOT IN ('returned', 'refused', 'stopped', 'withdrawn');
