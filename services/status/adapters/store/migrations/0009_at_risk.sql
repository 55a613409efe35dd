-- Dossiers at risk (issue 14): open, their clock running, and due between now and the
-- cut-off the calendar gives (now plus MOTCUA_AT_RISK_HOURS working hours, computed in
-- Go), soonest first, a page at a time: the officers' list (?at_risk=true) and the
-- dashboard's count.
--
-- The index holds only the dossiers whose clock runs, in the lists' order (queue_at, id;
-- queue_at is the appointment once there is one): a query reads the range between now
-- and the cut-off, a few hours of appointments, and keeps the rows of the offices asked
-- for. Offices cannot lead a b-tree here, for a dossier belongs to several (offices is an
-- array, served by the GIN index of migration 0002); finished and paused dossiers, nearly
-- all of the table, cost it nothing.
CREATE INDEX dossiers_running_queue_idx ON dossiers (queue_at, id)
	WHERE finished_at IS NULL AND paused_at IS NULL AND due_at IS NOT NULL;
