-- The offices' work lists (intake's pages), earliest appointment first, a page at a
-- time: an office's open dossiers, those on their way to it, and those of one status
-- (finished ones included). Without them a page sorts every dossier of the table.
CREATE INDEX dossiers_open_by_office ON dossiers (current_office, due_at, id)
	WHERE status NOT IN ('returned', 'refused', 'stopped', 'withdrawn');
CREATE INDEX dossiers_incoming ON dossiers (pending_office, due_at, id)
	WHERE pending_office IS NOT NULL;
CREATE INDEX dossiers_by_office_status ON dossiers (current_office, status, due_at, id);
