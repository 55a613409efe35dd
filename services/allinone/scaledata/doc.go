// Package scaledata puts dossiers with the histories of a working system straight into
// intake's, status's and postal's schemas, for measuring how the read paths grow with the
// data (make bench-scale): 10⁴, 10⁵, 10⁶ dossiers are too many to register through the
// API.
//
// Each dossier's life is played by the services' own rules, not imitated: intake's
// domain (dossier.Apply and the post's road steps, with the working-time calendar)
// decides every state and step; intake's events package writes the events those steps
// publish and status's projection decodes them, and the row status keeps is folded from
// the decoded events as status's store folds them (FoldReceived, FoldChange,
// FoldShipment), in Go, so that a million dossiers take minutes, not the hours of one
// statement per event. Personal data is sealed and indexed with the services' keys
// (platform/sealing), names are folded for search (platform/textnorm) and the lookup PIN
// is hashed (platform/lookuppin) as intake does, so the running services read, look up
// and find what was loaded.
//
// The dossiers were received over the three years before now at every office of the
// demo data, for every procedure, at the desk, by post and online; each one's history
// goes as far as now lets it, so that most are finished (returned, some refused,
// stopped or withdrawn) and the recent ones are open: in processing, overdue, waiting
// for a supplement, on their way between offices. Rows go in with COPY, a batch of
// dossiers per transaction (every table of the batch, parents first, so foreign keys and
// the tables' own triggers see what they would), each column named so that columns added
// later with defaults do not disturb the load.
//
// Everything is drawn from a seeded generator, dossier by dossier: the same seed and
// count give the same dossiers, codes, names and PINs (relative to now); only the
// ciphertexts' nonces differ between runs.
//
// Not loaded, because no measured read path reads them: intake's files, payments,
// custody chain, notices and queues (national sync, webhooks), idempotency keys and
// personal data reads; status's notices sent and post offices; postal's hand-over
// records and pickup requests; the services' inboxes and outboxes.
package scaledata
