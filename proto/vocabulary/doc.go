// Package vocabulary is the one catalogue of the words people read about a dossier and
// its journey: statuses, actions, timings, kinds of copy, and (for the citizen's
// timeline) the steps of a dossier and of the post, each in Vietnamese and English side
// by side. Every service and page reads them here, so the citizen, the desk, the office,
// the post and the supervisor see the same word for the same thing, printed or on a
// screen.
//
// It stands beside the event schemas because every service may import those, while no
// service may import another's domain. Keys are the values the events and the API carry
// ("received", "request-supplement", "on_time", …); an unknown key reads as itself, so a
// word that is missing is seen rather than blank.
package vocabulary
