package shipment

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"
)

// FuzzRecord feeds arbitrary JSON events to Normalize, Validate and Record on shipments
// of every status: nothing panics, Normalize is idempotent, and Record either refuses
// with a known error and leaves the shipment alone, or moves it on by one version per
// recorded event.
func FuzzRecord(f *testing.F) {
	sig := base64.StdEncoding.EncodeToString(makePNG(f, 3, 2))
	f.Add([]byte(`{"event_id":"7f1c2b9e-3d4a-4c5b-9e6f-0a1b2c3d4e5f","type":"accepted","occurred_at":"2026-03-09T09:00:00+07:00","seal_number":"NB-1"}`), uint8(0), uint8(0))
	f.Add([]byte(`{"event_id":"7F1C2B9E3D4A4C5B9E6F0A1B2C3D4E5F","type":" DELIVERY_FAILED","occurred_at":"2026-03-11T09:00:00+07:00","reason_code":"recipient_absent","action_code":"retry"}`), uint8(6), uint8(2))
	f.Add([]byte(`{"event_id":"7f1c2b9e-3d4a-4c5b-9e6f-0a1b2c3d4e5f","type":"delivered","occurred_at":"2026-03-09T09:00:00Z","proof":{"recipient_name":"  An ","relation":"Self","id_last4":"1234","signature_png":"`+sig+`"},"postage_vnd":12000,"paid_by":"citizen"}`), uint8(5), uint8(2))
	f.Add([]byte(`{"event_id":"7f1c2b9e-3d4a-4c5b-9e6f-0a1b2c3d4e5f","type":"returned","occurred_at":"2026-03-09T09:00:00+07:00"}`), uint8(7), uint8(2))
	f.Add([]byte(`{"type":"delivered","proof":{"signature_png":"iVBORw0KGgo="},"postage_vnd":-5}`), uint8(5), uint8(1))
	f.Add([]byte(`{"event_id":"urn:uuid:7f1c2b9e-3d4a-4c5b-9e6f-0a1b2c3d4e5f","type":"in_transit","occurred_at":"0001-01-01T00:00:00Z"}`), uint8(3), uint8(3))
	clock := clockOf(f)
	last := vn(2026, time.March, 9, 8, 0)
	now := vn(2026, time.March, 12, 8, 0)
	f.Fuzz(func(t *testing.T, data []byte, status, kind uint8) {
		var in Input
		if json.Unmarshal(data, &in) != nil {
			return
		}
		raw := in
		if raw.Proof != nil {
			p := *raw.Proof
			raw.Proof = &p
		}
		norm := in
		if in.Proof != nil {
			p := *in.Proof
			norm.Proof = &p
		}
		norm.Normalize()
		again := norm
		if norm.Proof != nil {
			p := *norm.Proof
			again.Proof = &p
		}
		again.Normalize()
		if !reflect.DeepEqual(norm, again) {
			t.Fatalf("Normalize is not idempotent:\n%+v\n%+v", norm, again)
		}
		first, second := norm.Validate(), again.Validate()
		if !reflect.DeepEqual(first, second) {
			t.Fatalf("verdict changed on a second Normalize: %v then %v", first, second)
		}

		s := Shipment{Kind: Kinds[int(kind)%len(Kinds)], Status: Statuses[int(status)%len(Statuses)], LastEventAt: last, Version: 7}
		if s.Status == DeliveryFailed || s.Status == Returned {
			s.FailedAttempts, s.FirstFailedAt = 1, ptr(last)
		}
		got, recs, err := Record(s, in, now, clock)
		if !reflect.DeepEqual(in, raw) {
			t.Fatal("Record changed its input")
		}
		if err != nil {
			var fe *FieldError
			var oe *OrderError
			if !errors.As(err, &fe) && !errors.As(err, &oe) {
				t.Fatalf("unknown error %T %v", err, err)
			}
			if !reflect.DeepEqual(got, s) || recs != nil {
				t.Fatal("a refused event changed the shipment")
			}
			return
		}
		if first != nil {
			t.Fatalf("Record accepted an input Validate refused: %v", first)
		}
		if got.Version != s.Version+len(recs) || len(recs) == 0 || len(recs) > 2 || recs[0].Type != norm.Type {
			t.Fatalf("Record = %+v, %+v", got, recs)
		}
	})
}

// FuzzSignature: any bytes as a signature are checked without panicking, and what passes
// is a PNG within the limits.
func FuzzSignature(f *testing.F) {
	f.Add(makePNG(f, 5, 5))
	f.Add(append([]byte(nil), pngSignature...))
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\xff\xff\xff\xff\x00\x00\x00\x01\x08\x00\x00\x00\x00"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		fe := validSignature(b)
		if fe == nil && (len(b) == 0 || len(b) > MaxSignatureBytes || !bytes.HasPrefix(b, pngSignature)) {
			t.Fatalf("accepted %x", b)
		}
	})
}
