// Package app holds postal's use cases, told in the domain's words: opening shipments
// (from dossier events or at a desk's request), showing them, recording the steps
// postal workers report, and the run sheets. It knows nothing of HTTP, SQL or JSON.
//
// It declares the ports it needs (ports.go) and the records they carry (records.go);
// the store implements them. Every change of a shipment goes through one of the two
// transaction boundaries of a ShipmentWriter, in one style: the store begins (or joins
// the consumer's transaction), locks what the decision reads, calls the app's function,
// and saves what it returns (the state, the events, the outbox messages built with
// package events, and the answer to give again) in the same transaction. Create opens a
// shipment; Update records a step under the shipment's row lock.
//
// The use cases return typed results and the errors of errors.go and the domain; each
// port turns them into its answers in one place.
package app
