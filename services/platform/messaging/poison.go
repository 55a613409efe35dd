package messaging

import "errors"

// poisonError marks a message that no retry can apply (it cannot be decoded, or breaks a
// rule of the schema); the consumer sends it to the dead-letter subject at once.
type poisonError struct{ err error }

func (p poisonError) Error() string { return "poison message: " + p.err.Error() }
func (p poisonError) Unwrap() error { return p.err }

// Poison wraps err to say that retrying the message is pointless.
func Poison(err error) error { return poisonError{err: err} }

// IsPoison reports whether err was marked with Poison.
func IsPoison(err error) bool {
	var p poisonError
	return errors.As(err, &p)
}
