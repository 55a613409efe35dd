// Package e2e runs motcua as separate processes (a nats-server, intake, status and
// postal) against a real PostgreSQL and checks that no dossier is lost or doubled when a
// process dies in the middle of the traffic. The tests live in the _test files; they
// need DATABASE_URL, as every database test of the project does.
package e2e
