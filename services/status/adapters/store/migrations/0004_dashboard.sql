-- The supervisor's dashboard.

-- Overdue dossiers: only the open ones, by appointment. Finished dossiers are nearly all
-- of the table and never overdue, so they stay out of the index, which stays as small as
-- the work in hand.
CREATE INDEX dossiers_open_due_idx ON dossiers (due_at) WHERE finished_at IS NULL;

-- The procedures and offices to choose from (a loose scan: one probe per code), and the
-- statistics of one procedure or one handling office over a period (a range of the
-- index instead of every dossier of the period). Neither column changes after a
-- dossier's reception.
CREATE INDEX dossiers_procedure_idx ON dossiers (procedure_code, received_at);
CREATE INDEX dossiers_handling_office_idx ON dossiers (handling_office_code, received_at);
