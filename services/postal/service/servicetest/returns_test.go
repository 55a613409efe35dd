package servicetest

import (
	"net/http"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/worktime"
)

// at is a time of day on a date in Vietnam.
func at(date string, hour, minute int) time.Time {
	d, err := worktime.ParseDate(date)
	if err != nil {
		panic(err)
	}
	return time.Date(d.Year, d.Month, d.Day, hour, minute, 0, 0, worktime.VietnamLocation())
}

// delivery is a result to deliver to the citizen, opened from the dossier's completion at
// the district desk at opened, with the clock fixed then.
func (e *env) delivery(t *testing.T, opened time.Time) (*dossier, apiclient.Shipment) {
	t.Helper()
	e.Clock.Set(opened)
	d := newDossier(districtDesk)
	e.publishDossier(t, d.received(opened.Add(-time.Hour), dossierv1.Channel_CHANNEL_DESK, ""))
	e.publishDossier(t, d.completed(opened, districtDesk, dossierv1.DeliveryMethod_DELIVERY_METHOD_POST, deliveryAddress))
	s := e.waitShipments(t, d, 1)[0]
	if s.Kind != "delivery" {
		t.Fatalf("opened %+v", s)
	}
	return d, s
}

// stepAt records a step of type typ at t, with the service's clock at t.
func (e *env) stepAt(t *testing.T, tn, typ string, when time.Time, fields ...string) apiclient.Shipment {
	t.Helper()
	e.Clock.Set(when)
	s := newStep(typ, when)
	for i := 0; i+1 < len(fields); i += 2 {
		s[fields[i]] = fields[i+1]
	}
	return e.recordOK(t, "postal.xuanloc", tn, s)
}

// attempt takes the item out and fails to deliver it at when.
func (e *env) attempt(t *testing.T, tn string, when time.Time, fields ...string) apiclient.Shipment {
	t.Helper()
	e.stepAt(t, tn, "out_for_delivery", when.Add(-30*time.Minute))
	return e.stepAt(t, tn, "delivery_failed", when, fields...)
}

// returnOf is the return shipment of the delivery tn among the dossier's shipments.
func (e *env) returnOf(t *testing.T, d *dossier, tn string) *apiclient.Shipment {
	t.Helper()
	for _, s := range e.shipments(t, "desk.xuanloc", d.Code) {
		if s.Kind == "return" && s.ReturnsTrackingNumber == tn {
			return &s
		}
	}
	return nil
}

// checkReturned checks that the delivery went back by itself after its last failed
// attempt and that its return to the desk is open and published.
func (e *env) checkReturned(t *testing.T, d *dossier, delivery apiclient.Shipment, failures int) apiclient.Shipment {
	t.Helper()
	v := e.get(t, "desk.xuanloc", delivery.TrackingNumber)
	last := v.Events[len(v.Events)-1]
	if v.Status != "returned" || v.FailedAttempts != failures || last.Type != "returned" || !last.Automatic ||
		last.ActionCode != "return_to_sender" {
		t.Fatalf("the delivery after %d failures: %s, %d attempts, last step %+v", failures, v.Status, v.FailedAttempts, last)
	}
	ret := e.returnOf(t, d, delivery.TrackingNumber)
	if ret == nil {
		t.Fatalf("no return shipment of %s", delivery.TrackingNumber)
	}
	if ret.Status != "created" || ret.OriginPostOffice.Code != delivery.DestinationPostOffice.Code ||
		ret.DestinationPostOffice.Code != districtPostOffice || ret.PaidBy != "authority" {
		t.Errorf("return shipment: %+v", ret)
	}
	checkS10(t, ret.TrackingNumber, "EB")
	e.waitPostal(t, "the automatic return", recorded(delivery.TrackingNumber, "returned"))
	c := e.waitPostal(t, "the return's creation", created(ret.TrackingNumber))[0].GetCreated()
	if c.GetKind() != postalv1.ShipmentKind_SHIPMENT_KIND_RETURN || c.GetReturnsTrackingNumber() != delivery.TrackingNumber ||
		c.GetDossierId() != d.ID.String() {
		t.Errorf("the return's created event: %v", c)
	}
	return *ret
}

func TestFailedDeliveries(t *testing.T) {
	e := start(t)

	t.Run("two failures the same day", func(t *testing.T) {
		d, s := e.delivery(t, at("2026-11-13", 8, 0)) // a Friday
		e.stepAt(t, s.TrackingNumber, "picked_up", at("2026-11-13", 8, 30))
		e.attempt(t, s.TrackingNumber, at("2026-11-13", 9, 30))
		v := e.attempt(t, s.TrackingNumber, at("2026-11-13", 15, 0))
		if v.Status != "delivery_failed" || v.FailedAttempts != 2 {
			t.Errorf("after two failures the same day: %s, %d attempts", v.Status, v.FailedAttempts)
		}
		if r := e.returnOf(t, d, s.TrackingNumber); r != nil {
			t.Errorf("a return was opened: %+v", r)
		}
	})

	t.Run("failures two working days apart", func(t *testing.T) {
		d, s := e.delivery(t, at("2026-11-16", 8, 0)) // a Monday
		e.stepAt(t, s.TrackingNumber, "picked_up", at("2026-11-16", 8, 30))
		e.attempt(t, s.TrackingNumber, at("2026-11-16", 10, 0))
		e.attempt(t, s.TrackingNumber, at("2026-11-18", 9, 0)) // Wednesday
		e.checkReturned(t, d, s, 2)
	})

	t.Run("a weekend is not working days", func(t *testing.T) {
		d, s := e.delivery(t, at("2026-11-20", 8, 0)) // a Friday
		e.stepAt(t, s.TrackingNumber, "picked_up", at("2026-11-20", 8, 30))
		e.attempt(t, s.TrackingNumber, at("2026-11-20", 10, 0))
		v := e.attempt(t, s.TrackingNumber, at("2026-11-23", 10, 0)) // Monday: one working day later
		if v.Status != "delivery_failed" || e.returnOf(t, d, s.TrackingNumber) != nil {
			t.Fatalf("returned one working day after the first failure: %+v", v)
		}
		e.attempt(t, s.TrackingNumber, at("2026-11-24", 10, 0)) // Tuesday
		e.checkReturned(t, d, s, 3)
	})

	t.Run("nor are public holidays", func(t *testing.T) {
		d, s := e.delivery(t, at("2026-09-01", 8, 0)) // Tuesday; 2 and 3 September are off
		e.stepAt(t, s.TrackingNumber, "picked_up", at("2026-09-01", 8, 30))
		e.attempt(t, s.TrackingNumber, at("2026-09-01", 10, 0))
		if v := e.attempt(t, s.TrackingNumber, at("2026-09-04", 10, 0)); v.Status != "delivery_failed" {
			t.Fatalf("returned one working day after the first failure, over the National Day: %+v", v)
		}
		e.attempt(t, s.TrackingNumber, at("2026-09-07", 10, 0))
		e.checkReturned(t, d, s, 3)
	})

	t.Run("return to sender at once", func(t *testing.T) {
		d, s := e.delivery(t, at("2026-11-25", 8, 0))
		e.stepAt(t, s.TrackingNumber, "picked_up", at("2026-11-25", 8, 30))
		e.attempt(t, s.TrackingNumber, at("2026-11-25", 10, 0), "action_code", "return_to_sender")
		e.checkReturned(t, d, s, 1)

		// A refusal cannot be cured by another attempt either.
		d, s = e.delivery(t, at("2026-11-25", 8, 0))
		e.stepAt(t, s.TrackingNumber, "picked_up", at("2026-11-25", 8, 30))
		e.attempt(t, s.TrackingNumber, at("2026-11-25", 10, 0), "reason_code", "refused")
		e.checkReturned(t, d, s, 1)
	})

	t.Run("the return delivered at the desk", func(t *testing.T) {
		d, s := e.delivery(t, at("2026-11-26", 8, 0))
		e.stepAt(t, s.TrackingNumber, "picked_up", at("2026-11-26", 8, 30))
		e.attempt(t, s.TrackingNumber, at("2026-11-26", 10, 0), "action_code", "return_to_sender")
		ret := e.checkReturned(t, d, s, 1)
		e.stepAt(t, ret.TrackingNumber, "picked_up", at("2026-11-26", 14, 0))
		e.Clock.Set(at("2026-11-26", 15, 0))
		done := newStep("delivered", at("2026-11-26", 15, 0))
		done["proof"] = proof("Phạm Văn Thư", "office_clerk")
		if v := e.recordOK(t, "postal.xuanloc", ret.TrackingNumber, done); v.Status != "delivered" {
			t.Errorf("the return after its delivery: %+v", v)
		}
		r := e.waitPostal(t, "the return's delivery", recorded(ret.TrackingNumber, "delivered"))[0].GetRecorded()
		if r.GetKind() != postalv1.ShipmentKind_SHIPMENT_KIND_RETURN || r.GetDossierId() != d.ID.String() ||
			r.GetDossierCode() != d.Code || r.GetRecipientRelation() != "office_clerk" || !r.GetAt().AsTime().Equal(at("2026-11-26", 15, 0)) {
			t.Errorf("the return's delivered event: %v", r)
		}
	})

	t.Run("the return goes to the desk", func(t *testing.T) {
		d, s := e.delivery(t, at("2026-11-27", 8, 0))
		e.stepAt(t, s.TrackingNumber, "picked_up", at("2026-11-27", 8, 30))
		e.attempt(t, s.TrackingNumber, at("2026-11-27", 10, 0), "action_code", "return_to_sender")
		ret := e.checkReturned(t, d, s, 1)
		if codeOf(ret.To) != districtDesk {
			t.Errorf("the return goes to %+v, want the desk %s", ret.To, districtDesk)
		}
		c := e.waitPostal(t, "the return's creation", created(ret.TrackingNumber))[0].GetCreated()
		if c.GetToOfficeCode() != districtDesk {
			t.Errorf("the return's created event goes to %q", c.GetToOfficeCode())
		}
		e.stepAt(t, ret.TrackingNumber, "picked_up", at("2026-11-27", 14, 0))
		e.Clock.Set(at("2026-11-27", 15, 0))
		done := newStep("delivered", at("2026-11-27", 15, 0))
		done["proof"] = proof("Phạm Văn Thư", "office_clerk")
		e.recordOK(t, "postal.xuanloc", ret.TrackingNumber, done)
		r := e.waitPostal(t, "the return's delivery", recorded(ret.TrackingNumber, "delivered"))[0].GetRecorded()
		if r.GetToOfficeCode() != districtDesk {
			t.Errorf("the return's delivered event goes to %q: intake would put the result at no office", r.GetToOfficeCode())
		}
	})

	t.Run("an attempt dated after the clock", func(t *testing.T) {
		_, s := e.delivery(t, at("2026-11-30", 8, 0))
		e.Clock.Set(at("2026-11-30", 9, 0))
		e.record(t, "postal.xuanloc", s.TrackingNumber, newStep("picked_up", at("2026-11-30", 9, 10))).
			ExpectError(t, http.StatusUnprocessableEntity, "in_the_future", "occurred_at")
		e.record(t, "postal.xuanloc", s.TrackingNumber, newStep("picked_up", at("2026-11-30", 9, 4))).Expect(t, http.StatusOK)
	})
}
