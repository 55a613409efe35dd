package service_test

import (
	"net/http"
	"reflect"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
)

// The post offices of the tests: one takes dossiers at its counter, one is where a
// citizen collects a result, and one no dossier event ever names (status knows its code
// only, from the shipments).
var (
	postXL = &dossierv1.Ref{Code: "000.30.16.H19", Name: "Bưu điện huyện Xuân Lộc"}
	postXH = &dossierv1.Ref{Code: "000.31.16.H19", Name: "Bưu điện xã Xuân Hòa"}
	postDA = &dossierv1.Ref{Code: "000.32.16.H19"}
)

// counterDossier describes a dossier the post office took at its counter at when, for
// deskA, handled by deptB, as intake publishes it: submitted by post, no reception and
// no appointment, the post's side of it, its result to be collected at collect (at the
// desk when nil). pickup is the shipment that carries its papers from the post office
// to the desk.
func (e *env) counterDossier(when time.Time, office, collect *dossierv1.Ref) (d *dossier, pickup *shipment) {
	d = e.newDossier(time.Time{})
	d.ev.OccurredAt = ts(when.Add(time.Second))
	d.ev.Actor = &dossierv1.Actor{Username: "postal1", OfficeCode: office.Code}
	pickup = newShipment(d, postalv1.ShipmentKind_SHIPMENT_KIND_PICKUP, office, deskA)
	r := d.ev.GetReceived()
	r.ReceivingOffice, r.HandlingOffice = deskA, deptB
	r.Status, r.StatusCode, r.Channel = "submitted", 1, dossierv1.Channel_CHANNEL_POST
	r.ReceivedAt, r.DueAt, r.SubmittedAt = nil, nil, ts(when)
	r.Counter = &dossierv1.Counter{PostOffice: office, SealNumber: "KP-004211", PostageVnd: 26000,
		TrackingNumber: pickup.number}
	if collect != nil {
		r.ResultDelivery, r.ResultPostOffice = dossierv1.DeliveryMethod_DELIVERY_METHOD_POST_OFFICE, collect
	}
	return d, pickup
}

// opened is the shipment's creation at when, taken in by the post office origin and
// delivered by destination.
func (s *shipment) opened(when time.Time, origin, destination *dossierv1.Ref) *postalv1.Event {
	ev := s.created(when)
	c := ev.GetCreated()
	c.OriginPostOfficeCode, c.DestinationPostOfficeCode = origin.GetCode(), destination.GetCode()
	return ev
}

// papersDelivered is the kind of the event of the post delivering at the desk the
// papers of a dossier a post office took.
func papersDelivered(number string) func(*dossierv1.Event) {
	return func(e *dossierv1.Event) {
		e.Kind = &dossierv1.Event_PapersDelivered{PapersDelivered: &dossierv1.PapersDelivered{TrackingNumber: number}}
	}
}

// TestDossierTakenAtAPostOffice follows a dossier a post office took at its counter on
// Tuesday 10 March 2026: submitted by post, its first step names the post office, the
// lookup says where the result is collected; the post delivers the papers on Wednesday
// morning and the desk receives them that afternoon, the clock starting at the
// delivery. It counts among the dossiers received, by post, only then.
func TestDossierTakenAtAPostOffice(t *testing.T) {
	t.Parallel()
	e := startEnvAt(t, at(3, 12, 9, 0))
	taken, delivered := at(3, 10, 10, 0), at(3, 11, 10, 0)
	d, pickup := e.counterDossier(taken, postXL, postXH)
	e.received(d)
	e.settle()

	// Folded as a submitted dossier: no reception, no appointment, in the lists at its
	// handing in, the desk's only; the post office where the result is collected kept.
	if n := e.count(`SELECT count(*) FROM status.dossiers WHERE id = $1 AND status = 'submitted' AND channel = 'post'
		AND received_at IS NULL AND due_at IS NULL AND submitted_at = $2 AND queue_at = $2 AND offices = ARRAY[$3]
		AND result_delivery = 'post_office' AND result_post_office_code = $4 AND result_post_office_name = $5`,
		d.id, taken, deskA.Code, postXH.Code, postXH.Name); n != 1 {
		t.Fatalf("the row of a dossier taken at a post office: %v", e.row(d))
	}
	if n := e.count(`SELECT count(*) FROM status.post_offices WHERE (code, name) IN (($1, $2), ($3, $4))`,
		postXL.Code, postXL.Name, postXH.Code, postXH.Name); n != 2 {
		t.Errorf("%d post offices named, want 2", n)
	}
	m := e.track(d).json(t)
	if m["status"] != "submitted" || m["submitted_at"] != "2026-03-10T10:00:00+07:00" || m["received_at"] != nil ||
		m["due_at"] != nil || m["time_remaining_hours"] != nil {
		t.Errorf("the lookup before the desk has the papers: %v", m)
	}
	first := m["timeline"].([]any)[0]
	if want := any(map[string]any{"at": "2026-03-10T10:00:00+07:00", "type": "submitted_at_post",
		"label": "Nộp hồ sơ tại bưu điện", "office": map[string]any{"code": postXL.Code, "name": postXL.Name}}); !reflect.DeepEqual(first, want) {
		t.Errorf("the first step %v, want %v", first, want)
	}
	collection := map[string]any{"method": "post_office", "post_office": map[string]any{"code": postXH.Code, "name": postXH.Name}}
	if got := m["result_collection"]; !reflect.DeepEqual(got, any(collection)) {
		t.Errorf("result_collection %v, want %v", got, collection)
	}
	shows(t, "the page before the desk has the papers", e.page(defaultClient, lookupPage(d.code, d.pin), nil), http.StatusOK,
		[]string{"Ngày nộp tại bưu điện", "10:00, 10/03/2026", "Nộp hồ sơ tại bưu điện", `id="awaits-check"`,
			"Hồ sơ đã được nộp tại Bưu điện huyện Xuân Lộc; bưu điện chuyển hồ sơ đến Bộ phận Một cửa",
			"Nhận kết quả tại", `<dd id="result-collection">Bưu điện xã Xuân Hòa</dd>`},
		"Ngày nộp trực tuyến", "đã được nộp trực tuyến", "Ngày hẹn trả kết quả", "Thời gian còn lại")
	shows(t, "in English", e.page(defaultClient, lookupPage(d.code, d.pin, "lang", "en"), nil), http.StatusOK,
		[]string{"Handed in at the post office", "Handed in at a post office", "handed in at Bưu điện huyện Xuân Lộc",
			"Collect the result at"}, "Submitted online", "Nhận kết quả tại")
	if got := e.staff(e.token("supervisor", deskA.Code), "/api/v1/stats?from=2026-03-01&to=2026-03-31").json(t)["received"]; got != 0.0 {
		t.Errorf("a dossier whose papers are on the road is counted: received %v", got)
	}

	// The post takes the papers in at its counter and delivers them at the desk; the
	// desk has them (papers_delivered), then receives the dossier, its clock starting
	// at the delivery.
	e.emitPostal(pickup.opened(taken, postXL, postDA), pickup.recorded("accepted", taken),
		pickup.recorded("delivered", delivered))
	awaiting := state{status: "submitted", code: 1, current: deskA}
	due := at(3, 18, 10, 0)
	e.emit(event(d, 2, delivered.Add(5*time.Minute), awaiting, deskA, papersDelivered(pickup.number)),
		event(d, 3, at(3, 11, 14, 0), state{status: "received", code: 2, current: deskA, due: due}, deskA,
			checkedAfter(int64(28*time.Hour/time.Second), admitted(delivered))))
	e.settlePostal()
	if n := e.count(`SELECT count(*) FROM status.dossiers WHERE id = $1 AND status = 'received' AND received_at = $2
		AND due_at = $3 AND queue_at = $3 AND submitted_at = $4 AND offices = ARRAY[$5, $6]`,
		d.id, delivered, due, taken, deskA.Code, deptB.Code); n != 1 {
		t.Fatalf("the row once received: %v", e.row(d))
	}
	a := e.track(d)
	m = a.json(t)
	if m["status"] != "received" || m["received_at"] != "2026-03-11T10:00:00+07:00" || m["due_at"] != "2026-03-18T10:00:00+07:00" {
		t.Errorf("the lookup once received: %s", a.body)
	}
	if got, want := timelineTypes(t, a), []string{"submitted_at_post", "shipment_created", "shipment_accepted",
		"shipment_delivered", "papers_delivered", "admitted"}; !reflect.DeepEqual(got, want) {
		t.Errorf("timeline %v, want %v", got, want)
	}
	if got := m["result_collection"]; !reflect.DeepEqual(got, any(collection)) {
		t.Errorf("result_collection once received %v", got)
	}
	shows(t, "the page once received", e.page(defaultClient, lookupPage(d.code, d.pin), nil), http.StatusOK,
		[]string{"Ngày nộp tại bưu điện", "Bưu điện đã nhận hồ sơ tại bưu cục",
			"Bưu điện đã chuyển hồ sơ đến bộ phận một cửa, chờ kiểm tra", "Ngày tiếp nhận", "10:00, 11/03/2026",
			"Ngày hẹn trả kết quả", "10:00, 18/03/2026", `<dd id="result-collection">Bưu điện xã Xuân Hòa</dd>`},
		`id="awaits-check"`)

	// Received in March, it counts there, by post, as an online dossier counts from its
	// reception. The desk's check waited for the papers on the road: that is no wait of
	// an online dossier for its check.
	stats := e.staff(e.token("supervisor", deskA.Code), "/api/v1/stats?from=2026-03-01&to=2026-03-31").json(t)
	if stats["received"] != 1.0 || !reflect.DeepEqual(stats["channels"], any(map[string]any{"desk": 0.0, "post": 1.0, "online": 0.0})) {
		t.Errorf("stats once received: received %v, channels %v", stats["received"], stats["channels"])
	}
	if got := stats["avg_check_hours"]; got != nil {
		t.Errorf("avg_check_hours %v counts a dossier taken at a post office", got)
	}
}

// TestResultCollectedAtAPostOffice: a Completed event that names a post office says
// where the result is collected, whatever the Received event said; a result
// collected elsewhere names none in the lookup.
func TestResultCollectedAtAPostOffice(t *testing.T) {
	t.Parallel()
	e := startEnvAt(t, at(3, 18, 9, 0))
	d := e.receivedDossier(due0)
	atDesk := e.receivedDossier(due0)
	finished := at(3, 16, 10, 0)
	done := state{status: "processed", code: 9, current: deptB, due: due0, finished: &finished, timing: "early"}
	toPostOffice := func(e *dossierv1.Event) {
		e.Kind = &dossierv1.Event_Completed{Completed: &dossierv1.Completed{Outcome: dossierv1.Outcome_OUTCOME_APPROVED,
			ResultDelivery: dossierv1.DeliveryMethod_DELIVERY_METHOD_POST_OFFICE, ResultPostOffice: postXH}}
	}
	e.emit(event(d, 2, finished, done, deptB, toPostOffice), event(atDesk, 2, finished, done, deptB, completed))
	e.settle()
	if got, want := e.track(d).json(t)["result_collection"], any(map[string]any{"method": "post_office",
		"post_office": map[string]any{"code": postXH.Code, "name": postXH.Name}}); !reflect.DeepEqual(got, want) {
		t.Errorf("collected at a post office: %v, want %v", got, want)
	}
	if n := e.count(`SELECT count(*) FROM status.dossiers WHERE id = $1 AND result_delivery = 'post_office'
		AND result_post_office_code = $2`, d.id, postXH.Code); n != 1 {
		t.Errorf("the row: %v", e.row(d))
	}
	if _, ok := e.track(atDesk).json(t)["result_collection"]; ok {
		t.Errorf("a result collected at the desk names a post office: %s", e.track(atDesk).body)
	}
	shows(t, "the page of a result collected at the desk", e.page(defaultClient, lookupPage(atDesk.code, atDesk.pin), nil),
		http.StatusOK, []string{atDesk.code}, "Nhận kết quả tại", `id="result-collection"`)
}
