package custody

import (
	"bytes"
	"encoding/hex"
	"fmt"
)

// Problem says how an entry breaks its chain.
type Problem string

// The ways an entry can break its chain, in the order they are checked.
const (
	// BadSeq: the entry is not numbered one after the entry before (an entry removed,
	// inserted or renumbered).
	BadSeq Problem = "seq"
	// BadPrevHash: the entry does not name the hash of the entry before (that entry was
	// rewritten with a hash of its own, or the entries were reordered).
	BadPrevHash Problem = "prev_hash"
	// BadHash: the entry's stored hash is not the hash of its fields (a field altered).
	BadHash Problem = "hash"
	// BadHead: the chain does not end where its recorded head says (entries removed at
	// the end, or the head altered).
	BadHead Problem = "head"
)

// Break is the first entry at which a chain fails to verify.
type Break struct {
	// Seq is the number of the entry (for BadSeq, the number it should have; for
	// BadHead, the head's).
	Seq     int64
	Problem Problem
	// Stored is what the entry (or the head) holds and Want what it should hold: the
	// hashes for BadPrevHash, BadHash and BadHead (Stored the head's), nil for BadSeq.
	Stored, Want []byte
	// StoredSeq is the number the entry holds for BadSeq, and the number of the chain's
	// last entry for BadHead.
	StoredSeq int64
}

// String tells b in words, hashes in hex.
func (b Break) String() string {
	switch b.Problem {
	case BadSeq:
		return fmt.Sprintf("entry %d: numbered %d", b.Seq, b.StoredSeq)
	case BadPrevHash:
		return fmt.Sprintf("entry %d: prev_hash %s is not the hash of the entry before, %s",
			b.Seq, hex.EncodeToString(b.Stored), hex.EncodeToString(b.Want))
	case BadHash:
		return fmt.Sprintf("entry %d: stored hash %s, recomputed %s", b.Seq, hex.EncodeToString(b.Stored), hex.EncodeToString(b.Want))
	default:
		return fmt.Sprintf("head: entry %d with hash %s, but the chain ends at entry %d with hash %s",
			b.Seq, hex.EncodeToString(b.Stored), b.StoredSeq, hex.EncodeToString(b.Want))
	}
}

// Verify checks a chain's entries, in the order of their numbers, against each other and
// against head, the chain's recorded end (nil when none is known). It returns the first
// entry that breaks the chain, or nil when the chain holds.
func Verify(entries []Entry, head *Head) *Break {
	prev := Genesis
	for i, e := range entries {
		want := int64(i) + 1
		if e.Seq != want {
			return &Break{Seq: want, Problem: BadSeq, StoredSeq: e.Seq}
		}
		if !bytes.Equal(e.PrevHash, prev) {
			return &Break{Seq: e.Seq, Problem: BadPrevHash, Stored: e.PrevHash, Want: prev}
		}
		if sum := e.Sum(); !bytes.Equal(e.Hash, sum) {
			return &Break{Seq: e.Seq, Problem: BadHash, Stored: e.Hash, Want: sum}
		}
		prev = e.Hash
	}
	if head != nil {
		last := int64(len(entries))
		if head.Seq != last || !bytes.Equal(head.Hash, prev) {
			return &Break{Seq: head.Seq, Problem: BadHead, Stored: head.Hash, Want: prev, StoredSeq: last}
		}
	}
	return nil
}
