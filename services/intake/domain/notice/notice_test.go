package notice

import (
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
)

func TestSendableAt(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	at := func(day, h, m int) time.Time { return time.Date(2026, 12, day, h, m, 0, 0, loc) }
	for _, c := range []struct {
		ch       Channel
		at, want time.Time
	}{
		{Mail, at(7, 23, 30), at(7, 23, 30)},
		{SMS, at(7, 6, 59), at(7, 7, 0)},
		{SMS, at(7, 7, 0), at(7, 7, 0)},
		{SMS, at(7, 20, 59), at(7, 20, 59)},
		{ZNS, at(7, 21, 0), at(8, 7, 0)},
		{SMS, at(31, 23, 0), time.Date(2027, 1, 1, 7, 0, 0, 0, loc)},
		// The hour is the citizen's, whatever the clock's zone.
		{SMS, at(7, 22, 0).UTC(), at(8, 7, 0)},
	} {
		if got := SendableAt(c.ch, c.at, loc); !got.Equal(c.want) {
			t.Errorf("%s at %s: %s, want %s", c.ch, c.at, got, c.want)
		}
	}
}

func TestChannelsFor(t *testing.T) {
	for _, c := range []struct {
		on           Channels
		email, phone string
		want         []Channel
	}{
		{Channels{Mail: true, SMS: true}, "a@b.vn", "0912345678", []Channel{Mail, SMS}},
		{Channels{Mail: true, SMS: true, ZNS: true}, "", "0912345678", []Channel{ZNS}},
		{Channels{Mail: true}, "", "0912345678", nil},
		{Channels{SMS: true}, "a@b.vn", "", nil},
	} {
		if got := c.on.For(c.email, c.phone); !slices.Equal(got, c.want) {
			t.Errorf("%+v for %q %q: %v, want %v", c.on, c.email, c.phone, got, c.want)
		}
	}
}

func TestIDOncePerEventAndChannel(t *testing.T) {
	n := Notice{EventID: uuid.New(), DossierID: uuid.New(), Kind: Received}
	first, again := n.ID(Mail), n.ID(Mail)
	if first != again || first == n.ID(SMS) {
		t.Error("a notice's id must be the same for the same event and channel, and differ between channels")
	}
	m := n
	m.EventID = uuid.New()
	if m.ID(Mail) == n.ID(Mail) {
		t.Error("two events gave one id")
	}
	if !Submitted.CarriesPIN() || Received.CarriesPIN() {
		t.Error("only the online submission's notice gives the PIN")
	}
}
