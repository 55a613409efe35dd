-- Citizen notices: one queue per channel (platform/delivery's columns, plus the dossier
-- and the kind, which the lookup shows), the language a dossier's citizen reads, and
-- the dossiers whose citizen asked for no more messages.
ALTER TABLE dossiers ADD COLUMN lang text NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en'));

CREATE TABLE notice_mail (
	id           uuid PRIMARY KEY,
	seq          bigint GENERATED ALWAYS AS IDENTITY,
	order_key    text NOT NULL DEFAULT '',
	payload      jsonb NOT NULL,
	state        text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead')),
	tries        int NOT NULL DEFAULT 0,
	next_at      timestamptz NOT NULL,
	last_error   text NOT NULL DEFAULT '',
	created_at   timestamptz NOT NULL,
	sent_at      timestamptz,
	dossier_code text GENERATED ALWAYS AS (payload ->> 'code') STORED,
	kind         text GENERATED ALWAYS AS (payload ->> 'kind') STORED
);
CREATE INDEX notice_mail_due ON notice_mail (next_at) WHERE state = 'pending';
CREATE INDEX notice_mail_dossier ON notice_mail (dossier_code);
CREATE INDEX notice_mail_dead ON notice_mail (created_at) WHERE state = 'dead';

CREATE TABLE notice_sms (LIKE notice_mail INCLUDING ALL);
CREATE TABLE notice_zns (LIKE notice_mail INCLUDING ALL);

CREATE TABLE notice_optouts (
	dossier_code text PRIMARY KEY,
	at           timestamptz NOT NULL DEFAULT now()
);
