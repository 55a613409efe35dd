package projection

import (
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/status/adapters/store"
)

// unreadable is the verdict on a message that cannot be decoded, or lacks what every
// event must carry: poison, since retrying cannot mend it, named by its subject.
func unreadable(msg jetstream.Msg, err error) error {
	return messaging.Poison(fmt.Errorf("%s: %w", msg.Subject(), err))
}

// verdict is what the consumer does with the outcome of a fold: an event whose dossier
// has not been received yet waits (messaging.Later: its Received will come, on its own
// stream or after a relay's retry); one that names a code or a tracking number another
// dossier or shipment holds is poison, since no retry can apply it; any other failure is
// retried with back-off.
func verdict(err error) error {
	switch {
	case errors.Is(err, store.ErrNotReceivedYet):
		return messaging.Later(err)
	case errors.Is(err, store.ErrCodeTaken), errors.Is(err, store.ErrTrackingNumberTaken):
		return messaging.Poison(err)
	}
	return err
}
