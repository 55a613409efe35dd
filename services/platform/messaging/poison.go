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

// laterError marks a message that depends on another not applied yet (a later event of
// an aggregate whose first event is still on its way): it is retried with back-off for
// as long as it takes, and never dead-lettered for it.
type laterError struct{ err error }

func (l laterError) Error() string { return "not yet applicable: " + l.err.Error() }
func (l laterError) Unwrap() error { return l.err }

// Later wraps err to say that the message must wait for another one.
func Later(err error) error { return laterError{err: err} }

// IsLater reports whether err was marked with Later.
func IsLater(err error) bool {
	var l laterError
	return errors.As(err, &l)
}
