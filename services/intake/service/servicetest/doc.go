// Package servicetest drives a whole intake service through its HTTP API, against a real
// PostgreSQL database and a real NATS JetStream server. It holds tests only.
package servicetest
