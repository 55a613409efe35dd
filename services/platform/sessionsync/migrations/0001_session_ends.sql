-- When the sessions of each staff account last ended (the account was disabled, given
-- another role or other offices, or had its password reset): tokens signed before
-- not_before no longer speak for the account. Intake publishes the ends; every other
-- service keeps this copy from the REFERENCE stream.
CREATE TABLE session_ends (
	username   text PRIMARY KEY,
	not_before timestamptz NOT NULL
);
