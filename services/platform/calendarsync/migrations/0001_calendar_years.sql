-- The calendar years an administrator edited, each replacing the days the default rules
-- generate for that year. Intake holds the original; every other service a copy kept
-- from the REFERENCE stream. revision orders the edits of a year.
CREATE TABLE calendar_years (
	year                 integer PRIMARY KEY,
	revision             bigint NOT NULL,
	-- [{"date": "YYYY-MM-DD", "reason": "..."}]
	days_off             jsonb NOT NULL,
	-- ["YYYY-MM-DD", ...]
	working_weekend_days jsonb NOT NULL,
	updated_by           text NOT NULL DEFAULT '',
	updated_at           timestamptz NOT NULL DEFAULT now()
);
