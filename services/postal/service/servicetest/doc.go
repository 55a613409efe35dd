// Package servicetest drives a whole postal service through its HTTP API and the events
// it consumes, against a real PostgreSQL database and a real NATS JetStream server. It
// publishes the dossier and office events itself, as intake would. It holds tests only.
package servicetest
