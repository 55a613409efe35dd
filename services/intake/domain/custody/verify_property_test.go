package custody

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
)

// chainOf builds a random chain of n entries and returns it with its head.
func chainOf(rng *rand.Rand, n int) ([]Entry, Head) {
	words := []string{"", Citizen, Post, Postal, Product, "000.00.16.H19", "000.02.16.H19", "desk.xuanloc",
		"officer.baohoa", "Bảo Hòa", "EA123456785VN", "received", "transferred", "shipment.delivered"}
	word := func() string { return words[rng.IntN(len(words))] }
	head := Empty(uuid.UUID(randomBytes(rng, 16)))
	at := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.Int64N(int64(365 * 24 * time.Hour))))
	entries := make([]Entry, 0, n)
	for range n {
		at = at.Add(time.Duration(rng.Int64N(int64(72 * time.Hour))))
		e := Next(head, Record{At: at, Event: word(), From: word(), To: word(), By: word(), TrackingNumber: word()})
		entries = append(entries, e)
		head = e.Head()
	}
	return entries, head
}

func randomBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// clone is a deep copy of entries, so one may be altered without the other.
func clone(entries []Entry) []Entry {
	out := make([]Entry, len(entries))
	for i, e := range entries {
		e.PrevHash, e.Hash = bytes.Clone(e.PrevHash), bytes.Clone(e.Hash)
		out[i] = e
	}
	return out
}

// alterations change one field of an entry to something else; each says which problem
// it must be found as.
var alterations = []struct {
	field string
	found Problem
	alter func(rng *rand.Rand, e *Entry)
}{
	{"dossier id", BadHash, func(rng *rand.Rand, e *Entry) { e.DossierID[rng.IntN(16)] ^= 1 << rng.IntN(8) }},
	{"seq", BadSeq, func(rng *rand.Rand, e *Entry) { e.Seq += 1 + rng.Int64N(3) }},
	{"at", BadHash, func(rng *rand.Rand, e *Entry) {
		e.At = e.At.Add(time.Duration(1+rng.Int64N(1e6)) * time.Microsecond * time.Duration(1-2*rng.IntN(2)))
	}},
	{"event", BadHash, func(rng *rand.Rand, e *Entry) { e.Event = other(rng, e.Event) }},
	{"from", BadHash, func(rng *rand.Rand, e *Entry) { e.From = other(rng, e.From) }},
	{"to", BadHash, func(rng *rand.Rand, e *Entry) { e.To = other(rng, e.To) }},
	{"by", BadHash, func(rng *rand.Rand, e *Entry) { e.By = other(rng, e.By) }},
	{"tracking", BadHash, func(rng *rand.Rand, e *Entry) { e.TrackingNumber = other(rng, e.TrackingNumber) }},
	{"prev_hash", BadPrevHash, func(rng *rand.Rand, e *Entry) { e.PrevHash[rng.IntN(HashSize)] ^= 1 << rng.IntN(8) }},
	{"hash", BadHash, func(rng *rand.Rand, e *Entry) { e.Hash[rng.IntN(HashSize)] ^= 1 << rng.IntN(8) }},
}

// other is s changed: a character added, removed or replaced.
func other(rng *rand.Rand, s string) string {
	r := []rune(s)
	switch {
	case len(r) == 0 || rng.IntN(3) == 0:
		i := rng.IntN(len(r) + 1)
		return string(slices.Insert(r, i, 'a'+rune(rng.IntN(26))))
	case rng.IntN(2) == 0:
		i := rng.IntN(len(r))
		return string(slices.Delete(r, i, i+1))
	default:
		i := rng.IntN(len(r))
		c := r[i]
		for c == r[i] {
			c = []rune("aăâbđeêoôơuưy0123456789.")[rng.IntN(24)]
		}
		r[i] = c
		return string(r)
	}
}

// TestAnyAlteredFieldIsFound: in thousands of random chains, any one field of any one
// entry altered is found, at that very entry and as the right problem; the chain
// untouched verifies.
func TestAnyAlteredFieldIsFound(t *testing.T) {
	rng := rand.New(rand.NewPCG(20260302, 6))
	runs := 3000
	if testing.Short() {
		runs = 300
	}
	for range runs {
		entries, head := chainOf(rng, 1+rng.IntN(12))
		if b := Verify(entries, &head); b != nil {
			t.Fatalf("an untouched chain breaks: %s", b)
		}
		alt := alterations[rng.IntN(len(alterations))]
		altered := clone(entries)
		i := rng.IntN(len(altered))
		alt.alter(rng, &altered[i])
		b := Verify(altered, &head)
		if b == nil || b.Seq != int64(i)+1 || b.Problem != alt.found {
			t.Fatalf("%s of entry %d altered (%+v → %+v): found %v, want entry %d as %s",
				alt.field, i+1, entries[i], altered[i], b, i+1, alt.found)
		}
	}
}

// TestRewrittenEntryIsFound: an entry altered and given the hash of its new fields is
// found by the entry after it, or, when it is the last, by the chain's head.
func TestRewrittenEntryIsFound(t *testing.T) {
	rng := rand.New(rand.NewPCG(20260302, 7))
	for range 1000 {
		entries, head := chainOf(rng, 1+rng.IntN(12))
		altered := clone(entries)
		i := rng.IntN(len(altered))
		altered[i].By = other(rng, altered[i].By)
		altered[i].Hash = altered[i].Sum()
		b := Verify(altered, &head)
		switch {
		case i+1 < len(altered) && (b == nil || b.Seq != int64(i)+2 || b.Problem != BadPrevHash):
			t.Fatalf("entry %d of %d rewritten with its own hash: found %v, want entry %d's prev_hash", i+1, len(entries), b, i+2)
		case i+1 == len(altered) && (b == nil || b.Problem != BadHead || b.Seq != head.Seq):
			t.Fatalf("the last entry rewritten with its own hash: found %v, want the head", b)
		}
		// Without the head to hold it to, only a rewritten entry before the last shows.
		if b := Verify(altered, nil); (b == nil) != (i+1 == len(altered)) {
			t.Fatalf("entry %d of %d rewritten, no head: found %v", i+1, len(entries), b)
		}
	}
}

// TestReorderedEntriesAreFound: two entries swapped, whether with their numbers or
// renumbered to their new places, break the chain at the first of them; an entry removed
// breaks it there, the last one removed at the head.
func TestReorderedEntriesAreFound(t *testing.T) {
	rng := rand.New(rand.NewPCG(20260302, 8))
	for range 1000 {
		entries, head := chainOf(rng, 2+rng.IntN(11))
		i := rng.IntN(len(entries) - 1)
		j := i + 1 + rng.IntN(len(entries)-i-1)

		swapped := clone(entries)
		swapped[i], swapped[j] = swapped[j], swapped[i]
		if b := Verify(swapped, &head); b == nil || b.Seq != int64(i)+1 || b.Problem != BadSeq {
			t.Fatalf("entries %d and %d swapped: found %v, want entry %d's number", i+1, j+1, b, i+1)
		}
		renumbered := clone(swapped)
		renumbered[i].Seq, renumbered[j].Seq = int64(i)+1, int64(j)+1
		if b := Verify(renumbered, &head); b == nil || b.Seq != int64(i)+1 {
			t.Fatalf("entries %d and %d swapped and renumbered: found %v, want entry %d", i+1, j+1, b, i+1)
		}

		k := rng.IntN(len(entries))
		removed := slices.Delete(clone(entries), k, k+1)
		b := Verify(removed, &head)
		switch {
		case k+1 < len(entries) && (b == nil || b.Seq != int64(k)+1 || b.Problem != BadSeq):
			t.Fatalf("entry %d of %d removed: found %v, want entry %d's number", k+1, len(entries), b, k+1)
		case k+1 == len(entries) && (b == nil || b.Problem != BadHead):
			t.Fatalf("the last entry removed: found %v, want the head", b)
		}
	}
}
