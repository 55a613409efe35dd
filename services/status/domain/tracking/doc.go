// Package tracking holds what a citizen is told about a dossier: whether it is on time
// and how much working time is left (on the shared clock, worktime), and which words of
// the catalogue (proto/vocabulary) tell each step of its journey. No I/O.
package tracking
