package store

// Answer is a response given before to a request with the same Idempotency-Key.
type Answer struct {
	RequestHash []byte
	Status      int
	Body        []byte
}

const saveAnswerSQL = "UPDATE idempotency_keys SET status = $3, response = $4 WHERE scope = $1 AND key = $2"
