-- Desk staff find a citizen's dossiers by ID number or phone (exact, through the keyed
-- hashes) when the citizen comes back without the receipt.
CREATE INDEX dossiers_applicant_id ON dossiers (applicant_id_index);
CREATE INDEX dossiers_applicant_phone ON dossiers (applicant_phone_index);
