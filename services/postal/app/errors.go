package app

import "errors"

// The app's errors. The ports turn each into its answer (a status and words); the store
// turns the driver's errors into them where the driver is the one to notice.
var (
	// ErrNotFound is returned for a tracking number, dossier or run sheet the post does
	// not know, and alike for one the member of staff may not see.
	ErrNotFound = errors.New("no such shipment or dossier")
	// ErrNotHeld is a shipment asked for by staff of an office that does not hold the
	// dossier now.
	ErrNotHeld = errors.New("the dossier is not at your office now")
	// ErrEventReused is an event id sent before for another shipment or with other
	// content: the phone must make a new id for a new step.
	ErrEventReused = errors.New("event id reused")
	// ErrKeyReused is an Idempotency-Key sent again with another request.
	ErrKeyReused = errors.New("idempotency key reused for another request")
	// ErrUnknownDossier is a shipment for a dossier the post does not know (yet): its
	// first event is still on its way.
	ErrUnknownDossier = errors.New("the post does not know this dossier")
	// ErrUnknownOffice is an opening that names an office the post does not know (yet).
	ErrUnknownOffice = errors.New("the post does not know this office")
	// ErrNotServed is an opening between offices no post office serves: only an
	// administrator naming one can cure it.
	ErrNotServed = errors.New("no post office serves this office")
)
