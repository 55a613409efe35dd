// Package webhook speaks the Standard Webhooks specification (standardwebhooks.com):
// the secrets ("whsec_" and the base64 of random bytes), the signed headers of a call
// (webhook-id, webhook-timestamp, webhook-signature: "v1," and the base64 of an
// HMAC-SHA256 over "<id>.<timestamp>.<body>" keyed with the secret's decoded bytes),
// their verification by a receiver, and the guard that keeps calls to endpoints
// off the product's own networks (SSRF). The sender and the receivers of the tests use
// the same code, so a delivery that verifies here verifies with any of the
// specification's libraries: the test holds the specification's published vector.
package webhook

// The headers of a call, as the specification names them.
const (
	// HeaderID is the delivery's id: the same on every try of it, so that a receiver
	// takes it once.
	HeaderID = "webhook-id"
	// HeaderTimestamp is when the try was made, in Unix seconds.
	HeaderTimestamp = "webhook-timestamp"
	// HeaderSignature is one signature or more, space-separated: one per secret valid
	// at the time of the try (two while a rotation overlaps).
	HeaderSignature = "webhook-signature"
)
