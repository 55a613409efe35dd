// Package custody is the tamper-evident chain of custody of a dossier: every step and
// hand-over, whoever records it (a desk, an office, the citizen, the post), is an entry
// chained by SHA-256 to the one before, so that a row altered afterwards no longer
// matches. The hash is keyed by nothing secret: anyone holding the entries can check
// them, and another agency holding a copy of the chain's head (published after every
// entry) can tell whether the chain it is shown later is the one it saw. No I/O.
//
// # Canonical bytes
//
// An entry's canonical bytes are nine fields, in this order, each written as its length
// in bytes (a 4-byte unsigned big-endian integer) followed by its bytes (UTF-8 text):
//
//  1. the format, the ASCII text "motcua.custody.v1";
//  2. the dossier's id: its UUID in lower-case hex with hyphens (36 characters);
//  3. seq: the entry's number in its chain, in decimal ASCII without leading zeros (1, 2, …);
//  4. at: when the step happened, in UTC, as RFC 3339 with exactly six fractional digits
//     (2026-03-02T01:30:00.123456Z); times are kept to the microsecond;
//  5. event: what happened, e.g. "received", "transferred", "shipment.delivered";
//  6. from: who held the papers before (an office's code, a post office's code,
//     "citizen" or "post");
//  7. to: who holds them after;
//  8. by: who recorded it (a member of staff's username, "citizen", "postal" or
//     "motcua" for the product itself, or a post office's code);
//  9. tracking: the shipment's tracking number (UPU S10), empty when none.
//
// An empty field is its four zero bytes of length. An entry's hash is
// SHA-256(prev_hash || canonical bytes), prev_hash being the hash of the entry before
// (32 bytes) and, for the first entry of a chain, 32 zero bytes. Hashes are shown as
// lower-case hex.
package custody

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Format names the canonical encoding, and is its first field.
const Format = "motcua.custody.v1"

// HashSize is the size of a hash: SHA-256's.
const HashSize = sha256.Size

// timeLayout writes at: UTC, six fractional digits, never trimmed.
const timeLayout = "2006-01-02T15:04:05.000000Z"

// Genesis is the prev_hash of a chain's first entry: 32 zero bytes.
var Genesis = make([]byte, HashSize)

// Citizen, Post, Postal and Product name the parties that are neither an office nor a
// member of staff.
const (
	// Citizen is the applicant: who hands papers in and gets the result.
	Citizen = "citizen"
	// Post is the postal service as a holder when no post office is named.
	Post = "post"
	// Postal is the postal service as the one who recorded a step intake took from it.
	Postal = "postal"
	// Product is the product itself, for what nobody in particular recorded.
	Product = "motcua"
)

// Record is a step as it is told to the chain: what happened, between whom, by whom.
type Record struct {
	At             time.Time
	Event          string
	From           string
	To             string
	By             string
	TrackingNumber string
}

// Entry is one link of a dossier's chain.
type Entry struct {
	DossierID uuid.UUID
	Seq       int64
	Record
	PrevHash []byte
	Hash     []byte
}

// Head is the end of a chain: its last entry's number and hash, and when that entry's
// step happened. An empty chain's head has Seq 0 and the Genesis hash.
type Head struct {
	DossierID uuid.UUID
	Seq       int64
	Hash      []byte
	At        time.Time
}

// Empty is the head of the chain of dossier id before its first entry.
func Empty(id uuid.UUID) Head { return Head{DossierID: id, Hash: Genesis} }

// Next is the entry that follows head for r: numbered one more, chained to head's hash,
// its time cut to the microsecond the chain keeps.
func Next(head Head, r Record) Entry {
	r.At = r.At.UTC().Truncate(time.Microsecond)
	e := Entry{DossierID: head.DossierID, Seq: head.Seq + 1, Record: r, PrevHash: bytes.Clone(head.Hash)}
	e.Hash = e.Sum()
	return e
}

// Head is the head of the chain that ends with e.
func (e Entry) Head() Head {
	return Head{DossierID: e.DossierID, Seq: e.Seq, Hash: bytes.Clone(e.Hash), At: e.At}
}

// Canonical is e's canonical bytes (see the package's documentation); PrevHash and Hash
// are not part of them.
func (e Entry) Canonical() []byte {
	fields := []string{
		Format,
		e.DossierID.String(),
		strconv.FormatInt(e.Seq, 10),
		e.At.UTC().Format(timeLayout),
		e.Event, e.From, e.To, e.By, e.TrackingNumber,
	}
	n := 0
	for _, f := range fields {
		n += 4 + len(f)
	}
	b := make([]byte, 0, n)
	for _, f := range fields {
		b = binary.BigEndian.AppendUint32(b, uint32(len(f)))
		b = append(b, f...)
	}
	return b
}

// Sum is the hash e should have: SHA-256 over its PrevHash and its canonical bytes.
func (e Entry) Sum() []byte {
	h := sha256.New()
	h.Write(e.PrevHash)
	h.Write(e.Canonical())
	return h.Sum(nil)
}
