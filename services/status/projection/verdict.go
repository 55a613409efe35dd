package projection

import (
	"errors"

	"github.com/motcua/motcua/services/platform/messaging"
	"github.com/motcua/motcua/services/status/adapters/store"
)

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
