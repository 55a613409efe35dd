package shipment

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/worktime"
)

var testCalendar = sync.OnceValues(func() (*worktime.Calendar, error) {
	return worktime.DefaultCalendar(2025, 2026, 2027)
})

// clockOf returns the default calendar of 2025-2027 (Asia/Ho_Chi_Minh), the Clock of
// these tests.
func clockOf(t testing.TB) *worktime.Calendar {
	t.Helper()
	c, err := testCalendar()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// vn is a wall-clock time in Hanoi.
func vn(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, worktime.VietnamLocation())
}

var (
	pngOnce  sync.Once
	tinyPNGb []byte
)

// tinyPNG is a real 12x6 PNG: a short grey stroke on white.
func tinyPNG(t testing.TB) []byte {
	t.Helper()
	pngOnce.Do(func() { tinyPNGb = makePNG(t, 12, 6) })
	return bytes.Clone(tinyPNGb)
}

func makePNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.SetGray(x, y, color.Gray{Y: 255})
		}
		img.SetGray(x, h/2, color.Gray{Y: 40})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// dateOf is a calendar day.
func dateOf(y int, m time.Month, d int) worktime.Date {
	return worktime.Date{Year: y, Month: m, Day: d}
}

func ptr[T any](v T) *T { return &v }

// newID returns a fresh event id.
func newID() string { return uuid.NewString() }

// validInput returns a valid event of type typ at at, with what that type needs; a
// failed delivery is a recipient who was out and a notice left, so the rule does not
// fire on the first attempt.
func validInput(t testing.TB, typ Status, at time.Time) Input {
	in := Input{EventID: newID(), Type: typ, OccurredAt: at}
	switch typ {
	case Accepted:
		in.SealNumber = "NB-2026-000123"
	case DeliveryFailed:
		in.ReasonCode, in.ActionCode = ReasonRecipientAbsent, ActionLeaveNotice
	case Delivered:
		in.Proof = &Proof{RecipientName: "Nguyễn Thị Hoa", Relation: RelationFamily, IDLast4: "0427", SignaturePNG: tinyPNG(t)}
	}
	return in
}

// failed returns a failed attempt at at with the given reason and action.
func failed(at time.Time, reason, action string) Input {
	return Input{EventID: newID(), Type: DeliveryFailed, OccurredAt: at, ReasonCode: reason, ActionCode: action}
}

// outForDelivery returns a delivery shipment out for delivery since at.
func outForDelivery(at time.Time) Shipment {
	return Shipment{TrackingNumber: "EE123456785VN", Kind: KindDelivery, Status: OutForDelivery,
		OriginPostOffice: "PO-HN-01", DestinationPostOffice: "PO-HN-07", LastEventAt: at, Version: 4}
}
