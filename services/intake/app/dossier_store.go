package app

import (
	"context"
	"github.com/motcua/motcua/proto/vocabulary"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/outbox"
)

// DossierStore keeps intake's dossiers. Its writes are the only transaction boundaries of
// a dossier: each claims the request's idempotency key, takes under a lock what the
// decision needs, lets the app decide, and saves the outcome, its events and the answer
// to remember in one transaction. A decision that fails leaves nothing behind.
type DossierStore interface {
	// Register takes the next number of office's sequence on day (no gaps, no repeats)
	// and calls decide with it; it saves the dossier decide returns, its events and
	// the receipt decide left in answer. When key was used before for the same request
	// it fills answer with the receipt given then, without calling decide, and reports
	// replayed; for another request it fails with ErrKeyReused.
	Register(ctx context.Context, office string, day time.Time, key IdempotencyKey, answer any,
		decide func(sequence int) (NewDossier, error)) (replayed bool, err error)
	// Update locks the dossier with code and calls decide with it; it saves the change
	// decide returns and whatever decide left in answer (a pointer), to be given again
	// for the same key. It fails with ErrNotFound when there is no such dossier, and
	// replays as Register does.
	Update(ctx context.Context, code string, key IdempotencyKey, answer any,
		decide func(StoredDossier) (Change, error)) (replayed bool, err error)
	// Answered fills answer with the answer already given to key and reports found,
	// or fails with ErrKeyReused for another request; registration says the answer is
	// a registration's or a submission's. It lets a use case that must do slow work
	// before its transaction (keep files) skip it for a request sent again.
	Answered(ctx context.Context, key IdempotencyKey, answer any, registration bool) (found bool, err error)
	// NextPickupSerial takes the next serial of the pickups intake numbers when a post
	// office takes a dossier at its counter; a number taken by a registration that
	// then fails is not given again.
	NextPickupSerial(ctx context.Context) (int, error)
	// AskedPickup returns the pickup at home asked online under trackingNumber, if
	// the post told of it; taken says a dossier already names it.
	AskedPickup(ctx context.Context, trackingNumber string) (p AskedPickup, ok, taken bool, err error)
	// Dossier returns the dossier with code and its steps; ok is false when there is
	// none.
	Dossier(ctx context.Context, code string) (record DossierRecord, ok bool, err error)
	// WorkList returns a page of an office's work list and whether more follow.
	WorkList(ctx context.Context, q WorkListQuery) (items []WorkItem, more bool, err error)
	// CountWork counts an office's open dossiers on each tab, overdue as of now and at
	// risk when due within atRisk.
	CountWork(ctx context.Context, office string, now time.Time, atRisk Window) (WorkCounts, error)
	// Search returns the newest dossiers matching q, newest first.
	Search(ctx context.Context, q SearchQuery) ([]Found, error)
	// File returns the file id of the dossier with code; ok is false when the dossier
	// has no such file.
	File(ctx context.Context, code string, id uuid.UUID) (file StoredFile, ok bool, err error)
	// RecordReads audits a member of staff's reads of the personal data of dossiers.
	RecordReads(ctx context.Context, dossierIDs []uuid.UUID, username, purpose string) error
}

// DossiersInTx changes dossiers inside a transaction another part began: a consumer's,
// which records the event it applies in the same transaction.
type DossiersInTx interface {
	// UpdateByID locks the dossier with id, calls decide with it and saves the change
	// decide returns. It fails with ErrNotFound when there is no such dossier.
	UpdateByID(ctx context.Context, id uuid.UUID, decide func(StoredDossier) (Change, error)) error
}

// IdempotencyKey names a request by its Idempotency-Key, within the scope of who sent
// it, with a hash of what it asked; an empty Key means the request carries none.
type IdempotencyKey struct {
	Scope       string
	Key         string
	RequestHash []byte
}

// StoredDossier is a dossier as an action decides on it: the state the rules read, and
// what the action's event needs besides.
type StoredDossier struct {
	ID                  uuid.UUID
	Code                string
	ProcedureCode       string
	Channel             string
	ResultAddressSealed []byte
	// SubmittedAt is when the citizen submitted the dossier online; zero for a desk's
	// registration. ContactChannel says which of the applicant's e-mail and phone is the
	// verified address that did (email or phone), if any.
	SubmittedAt    time.Time
	ContactChannel string
	// PINHash is the keyed hash of the lookup PIN, which a citizen's own actions prove.
	PINHash []byte
	State   dossier.State
}

// Change is what an action does to a dossier: its new state, the step of the hand-over
// log that led to it, and the events that tell the other services.
type Change struct {
	State  dossier.State
	Step   dossier.Step
	Events []outbox.Message
	// Files are files handed in with the action (a citizen's supplement).
	Files []StoredFile
}

// DossierRecord is a whole dossier as intake keeps it: its state, its sealed personal
// data and its hand-over log. Only staff of its offices see it, and each read is
// audited.
type DossierRecord struct {
	StoredDossier
	ApplicantName    string
	IDSealed         []byte
	PhoneSealed      []byte
	EmailSealed      []byte
	AddressSealed    []byte
	Documents        []dossier.Document
	FeeReceiptNumber string
	PINSealed        []byte
	RegisteredBy     string
	// Counter is the post office's side of a dossier a post office took (AtDoor is not
	// kept: the slip needs none of it).
	Counter Counter
	// Steps are the actions after registration, in order.
	Steps []dossier.Step
	// Files are the files handed in, in the order they were.
	Files []StoredFile
}

// NewDossier is a dossier being registered, as it is kept (personal data sealed, with
// keyed hashes for the searches), and the events that announce it.
type NewDossier struct {
	ID                  uuid.UUID
	Code                string
	ProcedureCode       string
	ReceivingOffice     string
	HandlingOffice      string
	Channel             dossier.Channel
	Status              dossier.Status
	ReceivedAt          time.Time
	DueAt               time.Time
	TimeLimitHours      int
	ApplicantName       string
	ApplicantNameFolded string
	IDSealed            []byte
	IDIndex             []byte
	PhoneSealed         []byte
	PhoneIndex          []byte
	EmailSealed         []byte
	AddressSealed       []byte
	Documents           []dossier.Document
	ResultDelivery      dossier.DeliveryMethod
	ResultAddressSealed []byte
	FeeDueVND           int64
	FeePaidVND          int64
	FeeReceiptNumber    string
	PINHash             []byte
	PINSealed           []byte
	RegisteredBy        string
	// SubmittedAt and ContactChannel are set for a dossier submitted online (see
	// StoredDossier), with ContactIndex, a keyed hash of the verified address; Files are
	// the files handed in with it.
	SubmittedAt    time.Time
	ContactChannel string
	ContactIndex   []byte
	Files          []StoredFile
	// Lang is the language the citizen reads: the one they submitted online in
	// (Vietnamese for a desk's registration); notices are written in it.
	Lang vocabulary.Lang
	// ResultPostOffice is where the citizen collects the result (method post_office);
	// Counter is the post office's side of a dossier a post office took.
	ResultPostOffice string
	Counter          Counter
	Events           []outbox.Message
}

// Counter is what a post office did when it took a dossier on an authority's behalf:
// which post office, under which seal, for what postage, and the pickup that carries it
// to the desk. Zero for a dossier a desk registered or a citizen submitted online.
type Counter struct {
	PostOffice     string
	SealNumber     string
	PostageVND     int64
	TrackingNumber string
	AtDoor         bool
}
