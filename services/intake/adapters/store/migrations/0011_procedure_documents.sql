-- The documents a dossier of each procedure is made of (thành phần hồ sơ), in the
-- order the procedure lists them, and whether citizens may submit the procedure online
-- (every procedure may, until an administrator says otherwise).
ALTER TABLE procedures ADD COLUMN online boolean NOT NULL DEFAULT true;

CREATE TABLE procedure_documents (
	procedure_code text NOT NULL REFERENCES procedures (code),
	position       integer NOT NULL CHECK (position >= 0),
	name           text NOT NULL CHECK (name <> ''),
	kind           text NOT NULL CHECK (kind IN ('original', 'certified_copy', 'copy')),
	copies         integer NOT NULL CHECK (copies BETWEEN 1 AND 100),
	required       boolean NOT NULL,
	PRIMARY KEY (procedure_code, position)
);
