-- Fees paid online through a payment gateway (issue 12). A payment is asked for the fee
-- a dossier still owes; its id is the order's reference at the gateway (VNPay's
-- vnp_TxnRef). The gateway's signed notification settles it once: paid (with the
-- gateway's transaction number, and the electronic receipt issued for it) or failed.
CREATE TABLE payments (
	id             text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
	dossier_id     uuid NOT NULL REFERENCES dossiers (id),
	gateway        text NOT NULL,
	amount_vnd     bigint NOT NULL CHECK (amount_vnd > 0),
	created_at     timestamptz NOT NULL,
	status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed')),
	transaction_no text,
	bank_code      text,
	response_code  text,
	paid_at        timestamptz,
	settled_at     timestamptz,
	receipt_number text UNIQUE,
	CHECK ((status = 'pending') = (settled_at IS NULL)),
	CHECK ((status = 'paid') = (receipt_number IS NOT NULL))
);

CREATE INDEX payments_dossier ON payments (dossier_id, created_at);

-- The electronic receipts' numbers, one run per year: the row lock a settling takes
-- holds until its transaction ends, so numbers are taken one after another, and a
-- settling rolled back gives its number back: no repeats, no gaps.
CREATE TABLE receipt_sequences (
	year       integer PRIMARY KEY,
	last_value integer NOT NULL
);
