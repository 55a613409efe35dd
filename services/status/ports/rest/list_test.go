package rest

import (
	"encoding/base64"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/status/app/stafflist"
)

func TestCursorRoundTrip(t *testing.T) {
	p := stafflist.Position{At: time.Date(2026, 3, 10, 17, 0, 0, 123456000, time.FixedZone("ICT", 7*3600)), ID: uuid.New()}
	got, ok := decodeCursor(encodeCursor(p))
	if !ok || !got.At.Equal(p.At) || got.ID != p.ID {
		t.Fatalf("round trip: %+v %v, want %+v", got, ok, p)
	}
	for _, bad := range []string{"", "!!", base64.RawURLEncoding.EncodeToString([]byte("no separator")),
		base64.RawURLEncoding.EncodeToString([]byte("2026-03-10T10:00:00Z|not-a-uuid")),
		base64.RawURLEncoding.EncodeToString([]byte("10 March|" + uuid.NewString()))} {
		if _, ok := decodeCursor(bad); ok {
			t.Errorf("decodeCursor(%q) accepted", bad)
		}
	}
}

func FuzzDecodeCursor(f *testing.F) {
	f.Add(encodeCursor(stafflist.Position{At: time.Unix(1773000000, 0), ID: uuid.New()}))
	f.Add("")
	f.Add("MjAyNi0wMy0xMFQxMDowMDowMFp8")
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := decodeCursor(s)
		if !ok {
			return
		}
		// What decodes encodes back to a cursor of the same position.
		again, ok := decodeCursor(encodeCursor(p))
		if !ok || !again.At.Equal(p.At) || again.ID != p.ID {
			t.Fatalf("%q decodes to %+v, which does not survive a round trip", s, p)
		}
	})
}
