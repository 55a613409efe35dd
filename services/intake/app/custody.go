package app

import (
	"context"
	"encoding/hex"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/custody"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/worktime"
)

// CustodyInTx appends to the custody chains inside a transaction another part began: the
// consumer's that read the step, which records the event it applies in the same
// transaction.
type CustodyInTx interface {
	// LockHead locks the chain of dossier id, beginning an empty one when it has none,
	// and returns its head and the dossier's code: the chain's, else code (when the event
	// names it), else intake's for that dossier, else empty.
	LockHead(ctx context.Context, id uuid.UUID, code string) (head custody.Head, chainCode string, err error)
	// Append adds e to its chain as its new end, and msgs to the outbox.
	Append(ctx context.Context, e custody.Entry, msgs ...outbox.Message) error
}

// CustodyStore reads the custody chains.
type CustodyStore interface {
	// Chain returns the entries of the chain of dossier id in the order of their
	// numbers, and its recorded head (nil when it has none), as of one moment.
	Chain(ctx context.Context, id uuid.UUID) (entries []custody.Entry, head *custody.Head, err error)
	// EachChain calls fn with every chain, by dossier code, as of one moment: the
	// dossier's id and code, its entries in order and its head (nil when it has none).
	EachChain(ctx context.Context, fn func(id uuid.UUID, code string, entries []custody.Entry, head *custody.Head) error) error
}

// Handover is a step of a dossier as the events tell it, for its custody chain.
type Handover struct {
	DossierID uuid.UUID
	// Code is the dossier's code when the event names it.
	Code string
	custody.Record
}

// Custodian keeps every dossier's custody chain: each step and hand-over that intake or
// the post publishes is appended to it, and the chain's new head is published for other
// agencies to keep.
type Custodian struct{}

// Record appends h to its dossier's chain in chains and publishes the chain's new head
// with it.
func (Custodian) Record(ctx context.Context, chains CustodyInTx, h Handover) error {
	head, code, err := chains.LockHead(ctx, h.DossierID, h.Code)
	if err != nil {
		return err
	}
	e := custody.Next(head, h.Record)
	msg, err := events.CustodyHead(e, code)
	if err != nil {
		return err
	}
	return chains.Append(ctx, e, msg)
}

// Custody shows a dossier's custody chain to the staff of its offices, verified, and
// verifies every chain for the command line.
type Custody struct {
	Dossiers DossierStore
	Chains   CustodyStore
	// Calendar gives the time zone times are shown in; the command line needs none.
	Calendar *worktime.Live
}

// CustodyEntry is an entry of a chain in an answer: hashes in lower-case hex.
type CustodyEntry struct {
	Seq            int64     `json:"seq"`
	At             time.Time `json:"at"`
	Event          string    `json:"event"`
	From           string    `json:"from"`
	To             string    `json:"to"`
	By             string    `json:"by"`
	TrackingNumber string    `json:"tracking_number,omitempty"`
	PrevHash       string    `json:"prev_hash"`
	Hash           string    `json:"hash"`
}

// CustodyChain is a dossier's custody chain and whether it verified when it was read.
type CustodyChain struct {
	DossierID string         `json:"dossier_id"`
	Code      string         `json:"code"`
	Entries   []CustodyEntry `json:"entries"`
	Verified  bool           `json:"verified"`
	// Broken says, when the chain does not verify, where it breaks.
	Broken string `json:"broken,omitempty"`
}

// Chain is the custody chain of the dossier with code for who, verified as it is read.
// It fails with ErrNotFound when there is no such dossier and, alike, when who belongs
// to none of its offices (as Reader.Open).
func (c *Custody) Chain(ctx context.Context, who *auth.Principal, code string) (*CustodyChain, error) {
	rec, ok, err := c.Dossiers.Dossier(ctx, code)
	if err != nil {
		return nil, err
	}
	if !ok || !involves(rec, who) {
		return nil, ErrNotFound
	}
	entries, head, err := c.Chains.Chain(ctx, rec.ID)
	if err != nil {
		return nil, err
	}
	loc := c.Calendar.Calendar().Location()
	out := &CustodyChain{DossierID: rec.ID.String(), Code: rec.Code, Entries: make([]CustodyEntry, len(entries))}
	for i, e := range entries {
		out.Entries[i] = CustodyEntry{Seq: e.Seq, At: e.At.In(loc), Event: e.Event, From: e.From, To: e.To, By: e.By,
			TrackingNumber: e.TrackingNumber, PrevHash: hex.EncodeToString(e.PrevHash), Hash: hex.EncodeToString(e.Hash)}
	}
	b := verify(rec.ID, entries, head)
	out.Verified = b == nil
	if b != nil {
		out.Broken = b.String()
	}
	return out, nil
}

// verify checks a chain against its recorded head; a chain with entries and no head
// is held to an empty one, so that a head removed is found too.
func verify(id uuid.UUID, entries []custody.Entry, head *custody.Head) *custody.Break {
	if head == nil {
		empty := custody.Empty(id)
		head = &empty
	}
	return custody.Verify(entries, head)
}

// BrokenChain is a chain that does not verify: whose, and its first broken entry.
type BrokenChain struct {
	DossierID uuid.UUID
	Code      string
	Break     custody.Break
}

// CustodyCheck is what verifying every chain found.
type CustodyCheck struct {
	Chains, Entries int
	// Broken are the chains that do not verify, by dossier code.
	Broken []BrokenChain
}

// VerifyAll checks every custody chain.
func (c *Custody) VerifyAll(ctx context.Context) (CustodyCheck, error) {
	var out CustodyCheck
	err := c.Chains.EachChain(ctx, func(id uuid.UUID, code string, entries []custody.Entry, head *custody.Head) error {
		out.Chains++
		out.Entries += len(entries)
		if b := verify(id, entries, head); b != nil {
			out.Broken = append(out.Broken, BrokenChain{DossierID: id, Code: code, Break: *b})
		}
		return nil
	})
	return out, err
}
