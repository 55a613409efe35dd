-- A remembered answer is the use case's result; the HTTP status it is sent with is the
-- API's to know, not the database's.
ALTER TABLE idempotency_keys DROP COLUMN status;
