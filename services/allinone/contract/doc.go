// Package contract drives the public contract across the services of the all-in-one,
// as a citizen, a desk and the other services' readers meet it: one test a section of
// the contract where it spans intake, status and postal, on a server of its own (with
// its embedded NATS, the demo data and a Mailpit of its own for the mail the citizen
// gets). The tests live in the _test files; they need DATABASE_URL, as every database
// test of the project does.
package contract
