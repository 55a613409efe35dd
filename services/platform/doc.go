// Package platform is the shared plumbing of motcua's services: configuration, logging,
// the PostgreSQL pool and migrations, NATS JetStream streams and consumers, the
// transactional outbox and inbox, HTTP conventions and staff authentication. It holds no
// domain rules; those live in each service.
package platform
