package custody

import (
	"encoding/hex"
	"testing"
	"time"

	"github.com/google/uuid"
)

var (
	dossierID = uuid.MustParse("5a1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b")
	hanoi     = time.FixedZone("ICT", 7*3600)
)

// TestKnownHashes holds the encoding to the one the package's documentation describes:
// the hashes below were computed apart from this code, from that description (each field
// as its 4-byte big-endian length and its UTF-8 bytes, SHA-256 over the previous hash
// and them), as another agency would compute them.
func TestKnownHashes(t *testing.T) {
	first := Next(Empty(dossierID), Record{
		// Nanoseconds and a zone of its own: the chain keeps microseconds, in UTC.
		At:    time.Date(2026, time.March, 2, 8, 30, 0, 123456789, hanoi),
		Event: "received", From: Citizen, To: "000.00.16.H19", By: "desk.xuanloc",
	})
	if got := hex.EncodeToString(first.Hash); got != "80c1d29e2adcf3fe9512f9c02c5601745a18ebcdba978396d3ee803db8dafaa8" {
		t.Errorf("first entry's hash %s", got)
	}
	if first.Seq != 1 || hex.EncodeToString(first.PrevHash) != "0000000000000000000000000000000000000000000000000000000000000000" {
		t.Errorf("first entry: seq %d, prev_hash %x", first.Seq, first.PrevHash)
	}
	if want := "000000116d6f746375612e637573746f64792e7631" + "00000024" + hex.EncodeToString([]byte(dossierID.String())); hex.EncodeToString(first.Canonical()[:4+17+4+36]) != want {
		t.Errorf("canonical bytes start %x, want %s", first.Canonical()[:4+17+4+36], want)
	}
	second := Next(first.Head(), Record{
		At:    time.Date(2026, time.March, 3, 8, 0, 0, 0, time.UTC),
		Event: "shipment.accepted", From: "000.00.16.H19", To: "000.30.16.H19", By: "000.30.16.H19",
		TrackingNumber: "EA123456785VN",
	})
	if got := hex.EncodeToString(second.Hash); got != "1165de827de19255a31460da0bc9e208fe8e6572da1f1c1f92ecb5d232697bf9" {
		t.Errorf("second entry's hash %s", got)
	}
	if second.Seq != 2 || hex.EncodeToString(second.PrevHash) != hex.EncodeToString(first.Hash) {
		t.Errorf("second entry: seq %d, prev_hash %x", second.Seq, second.PrevHash)
	}
	head := second.Head()
	if b := Verify([]Entry{first, second}, &head); b != nil {
		t.Errorf("the chain does not verify: %s", b)
	}
	if b := Verify(nil, nil); b != nil {
		t.Errorf("an empty chain does not verify: %s", b)
	}
	empty := Empty(dossierID)
	if b := Verify(nil, &empty); b != nil {
		t.Errorf("an empty chain with its empty head does not verify: %s", b)
	}
}

// TestFieldsAreDelimited: moving text from one field to the next changes the hash, as
// lengths delimit the fields.
func TestFieldsAreDelimited(t *testing.T) {
	at := time.Date(2026, time.March, 2, 1, 30, 0, 0, time.UTC)
	a := Next(Empty(dossierID), Record{At: at, Event: "received", From: "ab", To: "c", By: "x"})
	b := Next(Empty(dossierID), Record{At: at, Event: "received", From: "a", To: "bc", By: "x"})
	if hex.EncodeToString(a.Hash) == hex.EncodeToString(b.Hash) {
		t.Error("from \"ab\" to \"c\" hashes as from \"a\" to \"bc\"")
	}
}

// TestBreakWords: each problem is told with the entry's number and the hashes in hex.
func TestBreakWords(t *testing.T) {
	for _, tc := range []struct {
		b    Break
		want string
	}{
		{Break{Seq: 3, Problem: BadSeq, StoredSeq: 4}, "entry 3: numbered 4"},
		{Break{Seq: 2, Problem: BadHash, Stored: []byte{0xab}, Want: []byte{0xcd}}, "entry 2: stored hash ab, recomputed cd"},
		{Break{Seq: 2, Problem: BadPrevHash, Stored: []byte{0xab}, Want: []byte{0xcd}},
			"entry 2: prev_hash ab is not the hash of the entry before, cd"},
		{Break{Seq: 5, Problem: BadHead, Stored: []byte{0xab}, Want: []byte{0xcd}, StoredSeq: 4},
			"head: entry 5 with hash ab, but the chain ends at entry 4 with hash cd"},
	} {
		if got := tc.b.String(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.b.Problem, got, tc.want)
		}
	}
}
