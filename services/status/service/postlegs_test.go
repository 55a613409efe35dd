package service_test

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
)

// legsSet publishes the legs of the post of the post-legs tests, status judging them on
// Friday 3 April 2026, for a supervisor of deskA, deptB and deptC (times in March
// unless said):
//
//	c1 taken at Xuân Lộc      pickup accepted 10th 08:00, delivered 14:00   6 h
//	   collected at Xuân Hòa  result ready 12th 09:00, collected 13th 11:00  26 h
//	c2 taken at the door      pickup asked 10th 08:00, accepted 11th 08:00, delivered 15:00  7 h
//	c3 desk, P2, delivered    result ready 16th 09:00, delivered 21:00       12 h (by a post office no event names)
//	c4 taken at Xuân Lộc      pickup accepted 31st 20:00, delivered 1 April 09:00: April's
//	c5 taken at Xuân Lộc      pickup accepted 12th, not delivered yet
//	c3's delivery failed once before; a transfer delivered in March is no pickup nor result
//	c6 taken at Xuân Lộc      for deskX, delivered 12th: another office's
func legsSet(t *testing.T) *env {
	e := startEnvAt(t, at(4, 3, 12, 0))
	c1, p1 := e.counterDossier(at(3, 10, 8, 0), postXL, postXH)
	c2, p2 := e.counterDossier(at(3, 11, 8, 0), postXL, nil)
	c4, p4 := e.counterDossier(at(3, 31, 20, 0), postXL, nil)
	c5, p5 := e.counterDossier(at(3, 12, 8, 0), postXL, nil)
	c6, p6 := e.counterDossier(at(3, 12, 8, 0), postXL, nil)
	c6.ev.GetReceived().ReceivingOffice, c6.ev.GetReceived().HandlingOffice = deskX, deskX
	p6.to = deskX.Code
	c3 := byPost(e.newDossier(due0))
	c3.ev.GetReceived().Procedure = procP2
	for _, d := range []*dossier{c1, c2, c3, c4, c5, c6} {
		e.received(d)
	}
	e.settle()

	r1 := newShipment(c1, postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY, deskA, postXH)
	r3 := newShipment(c3, postalv1.ShipmentKind_SHIPMENT_KIND_DELIVERY, deskA, nil)
	tr := newShipment(c3, postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER, deskA, deptB)
	var evs []*postalv1.Event
	for _, p := range []struct {
		s                          *shipment
		asked, accepted, delivered time.Time
	}{
		{p1, at(3, 10, 8, 0), at(3, 10, 8, 0), at(3, 10, 14, 0)},
		// A pickup at the citizen's door, asked for the day before: its leg starts when
		// the post took the papers in.
		{p2, at(3, 10, 8, 0), at(3, 11, 8, 0), at(3, 11, 15, 0)},
		{p4, at(3, 31, 20, 0), at(3, 31, 20, 0), at(4, 1, 9, 0)},
		{p5, at(3, 12, 8, 0), at(3, 12, 8, 0), time.Time{}},
		{p6, at(3, 12, 8, 0), at(3, 12, 8, 0), at(3, 12, 15, 0)},
	} {
		took := "accepted"
		if p.s == p2 {
			took = "picked_up" // at the door the post picks the papers up: no acceptance at a counter
		}
		evs = append(evs, p.s.opened(p.asked, postXL, postDA), p.s.recorded(took, p.accepted))
		if !p.delivered.IsZero() {
			evs = append(evs, p.s.recorded("in_transit", p.accepted.Add(time.Hour)), p.s.recorded("delivered", p.delivered))
		}
	}
	evs = append(evs,
		r1.opened(at(3, 12, 9, 0), postDA, postXH), r1.recorded("accepted", at(3, 12, 10, 0)),
		r1.recorded("arrived", at(3, 12, 16, 0)), r1.recorded("delivered", at(3, 13, 11, 0)),
		r3.opened(at(3, 16, 9, 0), postDA, postDA), r3.recorded("accepted", at(3, 16, 9, 30)),
		r3.recorded("delivery_failed", at(3, 16, 15, 0), "recipient_absent"), r3.recorded("delivered", at(3, 16, 21, 0)),
		tr.opened(at(3, 10, 9, 0), postDA, postDA), tr.recorded("accepted", at(3, 10, 9, 0)),
		tr.recorded("delivered", at(3, 10, 11, 0)))
	// The events of each leg come in reverse: the figures do not depend on their order.
	for i, j := 0, len(evs)-1; i < j; i, j = i+1, j-1 {
		evs[i], evs[j] = evs[j], evs[i]
	}
	e.emitPostal(evs...)
	e.settlePostal()
	return e
}

// leg is a post office's legs as the statistics answer them.
func leg(office *dossierv1.Ref, name string, pickups int, pickupHours any, results int, resultHours any) map[string]any {
	return map[string]any{"post_office": map[string]any{"code": office.Code, "name": name},
		"pickups": map[string]any{"count": float64(pickups), "avg_hours": pickupHours},
		"results": map[string]any{"count": float64(results), "avg_hours": resultHours}}
}

// TestPostLegs: per post office, the pickups it took in, from their acceptance to their
// delivery at the desk, and the results it delivered or handed over, from their
// opening; only the legs delivered in the period, of the dossiers the filters keep.
func TestPostLegs(t *testing.T) {
	t.Parallel()
	e := legsSet(t)
	supervisor := e.token("supervisor", deskA.Code, deptB.Code, deptC.Code)
	march := "/api/v1/stats?from=2026-03-01&to=2026-03-31"
	legs := func(a answer) any {
		t.Helper()
		if a.status != http.StatusOK {
			t.Fatalf("%d %s", a.status, a.body)
		}
		return a.json(t)["post_legs"]
	}
	want := []any{
		leg(postXL, postXL.Name, 2, 6.5, 0, nil),
		leg(postXH, postXH.Name, 0, nil, 1, 26.0),
		// Named by no dossier event: its code stands for its name.
		leg(postDA, postDA.Code, 0, nil, 1, 12.0),
	}
	if got := legs(e.staff(supervisor, march)); !reflect.DeepEqual(got, any(want)) {
		t.Errorf("March:\n%v\nwant\n%v", got, want)
	}
	for _, c := range []struct {
		name, query string
		want        []any
	}{
		{"one procedure", march + "&procedure=" + procP2.Code, []any{leg(postDA, postDA.Code, 0, nil, 1, 12.0)}},
		{"April", "/api/v1/stats?from=2026-04-01&to=2026-04-30", []any{leg(postXL, postXL.Name, 1, 13.0, 0, nil)}},
		{"February", "/api/v1/stats?from=2026-02-01&to=2026-02-28", []any{}},
		{"an office no dossier of theirs passed", march + "&office=nowhere", []any{}},
	} {
		if got := legs(e.staff(supervisor, c.query)); !reflect.DeepEqual(got, any(c.want)) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	// Another office's supervisor sees the legs of its own dossiers only.
	if got, want := legs(e.staff(e.token("supervisor", deskX.Code), march)), []any{leg(postXL, postXL.Name, 1, 7.0, 0, nil)}; !reflect.DeepEqual(got, any(want)) {
		t.Errorf("deskX: %v, want %v", got, want)
	}

	// The dashboard shows the same, for its period and office, in a table of its own.
	a := e.signedIn(supervisor, "/giam-sat?from=2026-03-01&to=2026-03-31")
	shows(t, "the dashboard", a, http.StatusOK, []string{`id="post-legs"`, "Bưu chính: thời gian các chặng",
		"Bưu cục", "Chặng nhận hồ sơ", "Chặng trả kết quả",
		`<tr data-post-office="` + postXL.Code + `"><th scope="row">Bưu điện huyện Xuân Lộc</th><td class="pickups">2</td><td class="pickup-hours">6,5 giờ</td><td class="results">0</td><td class="result-hours">Chưa có số liệu</td></tr>`,
		`<tr data-post-office="` + postXH.Code + `"><th scope="row">Bưu điện xã Xuân Hòa</th><td class="pickups">0</td><td class="pickup-hours">Chưa có số liệu</td><td class="results">1</td><td class="result-hours">26,0 giờ</td></tr>`,
		`<tr data-post-office="` + postDA.Code + `"><th scope="row">` + postDA.Code + `</th>`},
		`id="post-legs-none"`)
	if got := attrs(a.body, `<tr data-post-office="([^"]+)"`); strings.Join(got, " ") != postXL.Code+" "+postXH.Code+" "+postDA.Code {
		t.Errorf("post offices %q", got)
	}
	a = e.signedIn(supervisor, "/giam-sat?lang=en&from=2026-03-01&to=2026-03-31&procedure="+url.QueryEscape(procP2.Code))
	shows(t, "one procedure in English", a, http.StatusOK, []string{"Post: time per leg", "Post office", "12.0 h"},
		postXL.Name)
	shows(t, "a period without legs", e.signedIn(supervisor, "/giam-sat?from=2026-02-01&to=2026-02-28"), http.StatusOK,
		[]string{`id="post-legs-none"`, "Không có chặng bưu chính nào hoàn thành trong kỳ."}, `id="post-legs-table"`)
}
