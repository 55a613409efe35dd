package servicetest

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	postalv1 "github.com/motcua/motcua/proto/motcua/postal/v1"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/waitfor"
	"github.com/motcua/motcua/services/platform/webhook"
	"github.com/motcua/motcua/services/platform/webhook/webhooktest"
)

// hookCreated is the answer to POST /api/v1/webhooks.
type hookCreated struct {
	ID     string   `json:"id"`
	Secret string   `json:"secret"`
	URL    string   `json:"url"`
	Events []string `json:"events"`
}

// hookCall is a call's body.
type hookCall struct {
	Type      string    `json:"type"`
	Timestamp time.Time `json:"timestamp"`
	Data      struct {
		Code           string `json:"code"`
		Status         string `json:"status"`
		StatusCode     int    `json:"status_code"`
		Office         string `json:"office"`
		TrackingNumber string `json:"tracking_number"`
		Event          string `json:"event"`
	} `json:"data"`
}

func bodyOf(t *testing.T, c webhooktest.Call) hookCall {
	t.Helper()
	var b hookCall
	if err := json.Unmarshal(c.Body, &b); err != nil {
		t.Fatalf("a call's body %s: %v", c.Body, err)
	}
	return b
}

// callsOf are the calls r got of type typ.
func callsOf(t *testing.T, r *webhooktest.Receiver, typ string) []webhooktest.Call {
	t.Helper()
	var out []webhooktest.Call
	for _, c := range r.Calls() {
		if bodyOf(t, c).Type == typ {
			out = append(out, c)
		}
	}
	return out
}

// logEntry is a call in GET /api/v1/webhooks/{id}/deliveries.
type logEntry struct {
	ID         string  `json:"id"`
	Type       string  `json:"type"`
	State      string  `json:"state"`
	Tries      int     `json:"tries"`
	LastStatus *int    `json:"last_status"`
	LastError  string  `json:"last_error"`
	SentAt     *string `json:"sent_at"`
	NextAt     *string `json:"next_at"`
}

// TestWebhooks drives the webhooks through the API against a local receiver that
// fails its first call: the retry comes under the same webhook-id with a signature
// that verifies; the log shows both tries; a shipment event consumed twice calls once;
// a call is sent again on demand, a test on demand, and after a rotation both secrets
// sign. Bodies carry no personal data.
func TestWebhooks(t *testing.T) {
	r := webhooktest.Start(t)
	r.FailNext(http.StatusServiceUnavailable)
	e := startWith(t, nil, map[string]string{"MOTCUA_WEBHOOK_ALLOW_PRIVATE": "true", "MOTCUA_WEBHOOK_RETRY_BASE": "300ms"})
	admin := e.token(t, "admin.xuanloc")

	e.call(t, "POST", "/api/v1/webhooks", admin, []byte(`{"url":`)).ExpectError(t, http.StatusBadRequest, "", "")
	e.call(t, "POST", "/api/v1/webhooks", admin, apitest.JSON(t, map[string]any{"url": "ftp://example.org/x", "events": []string{"dossier.*"}})).
		ExpectError(t, http.StatusUnprocessableEntity, "url_format", "url")
	e.call(t, "POST", "/api/v1/webhooks", admin, apitest.JSON(t, map[string]any{"url": r.URL, "events": []string{"dossier.lost"}})).
		ExpectError(t, http.StatusUnprocessableEntity, "events_unknown", "events")
	e.call(t, "POST", "/api/v1/webhooks", e.token(t, "desk.xuanloc"), apitest.JSON(t, map[string]any{"url": r.URL, "events": []string{"dossier.*"}})).
		ExpectError(t, http.StatusForbidden, "forbidden", "")
	var hook hookCreated
	e.call(t, "POST", "/api/v1/webhooks", admin, apitest.JSON(t, map[string]any{"url": r.URL, "events": []string{"dossier.*", "shipment.in_transit"}})).
		Expect(t, http.StatusCreated).Decode(t, &hook)
	if _, err := webhook.Key(hook.Secret); err != nil || hook.ID == "" || !slices.Equal(hook.Events, []string{"dossier.*", "shipment.in_transit"}) {
		t.Fatalf("created: %+v (%v)", hook, err)
	}
	list := e.call(t, "GET", "/api/v1/webhooks", admin, nil).Expect(t, http.StatusOK)
	if !strings.Contains(string(list.Body), hook.ID) || strings.Contains(string(list.Body), "secret\"") || strings.Contains(string(list.Body), hook.Secret) {
		t.Errorf("the list: %s", list.Body)
	}

	rc := e.registerAtDistrict(t)
	defer func() {
		if n := e.count(t, "SELECT count(*) FROM national_sync"); n != 0 {
			t.Errorf("%d national records made without MOTCUA_NATIONAL_SYNC_URL", n)
		}
	}()
	waitfor.Within(t, 20*time.Second, "the receiver to take dossier.received on its second try", func() bool {
		c := callsOf(t, r, "dossier.received")
		return len(c) == 2 && c[1].Answered == http.StatusOK
	})
	tries := callsOf(t, r, "dossier.received")
	if tries[0].Answered != http.StatusServiceUnavailable || tries[0].ID() == "" || tries[0].ID() != tries[1].ID() {
		t.Fatalf("the tries came as %q (%d) and %q (%d)", tries[0].ID(), tries[0].Answered, tries[1].ID(), tries[1].Answered)
	}
	for i, c := range tries {
		if err := c.Verify(hook.Secret); err != nil {
			t.Errorf("try %d does not verify: %v", i+1, err)
		}
		if b := bodyOf(t, c); b.Data.Code != rc.Code || b.Data.Status != "received" || b.Data.StatusCode != 2 || b.Data.Office != demo.DistrictDesk {
			t.Errorf("try %d: %s", i+1, c.Body)
		}
		for _, personal := range []string{"Nguyễn Văn An", "075123456789", "0912345678", "an.nguyen@example.vn", applicantAddress} {
			if strings.Contains(string(c.Body), personal) {
				t.Errorf("a call carries %q", personal)
			}
		}
	}
	id := tries[0].ID()

	// The log shows the call sent on its second try, after a 503.
	var log []logEntry
	i := -1
	waitfor.Within(t, 10*time.Second, "the log to say the call was sent", func() bool {
		e.call(t, "GET", "/api/v1/webhooks/"+hook.ID+"/deliveries", admin, nil).Expect(t, http.StatusOK).Decode(t, &log)
		i = slices.IndexFunc(log, func(l logEntry) bool { return l.ID == id })
		return i >= 0 && log[i].State != "pending" // the answer is recorded once the try commits, just after it came
	})
	if log[i].Type != "dossier.received" || log[i].State != "sent" || log[i].Tries != 2 || log[i].LastStatus == nil ||
		*log[i].LastStatus != 200 || log[i].SentAt == nil || log[i].NextAt != nil {
		t.Fatalf("the log: %+v", log)
	}

	// A shipment's event consumed twice (published again under another message id, as a
	// replay would) calls once.
	event := uuid.New()
	for range 2 {
		e.publishShipment(t, rc, event, uuid.New())
	}
	waitfor.Within(t, 20*time.Second, "both copies of the shipment event consumed", func() bool {
		return e.count(t, "SELECT count(*) FROM inbox WHERE consumer = 'intake-webhooks-shipments'") >= 2
	})
	waitfor.Within(t, 20*time.Second, "the shipment's call", func() bool { return len(callsOf(t, r, "shipment.in_transit")) >= 1 })
	if n := e.count(t, "SELECT count(*) FROM webhook_deliveries WHERE event_id = $1", event); n != 1 {
		t.Errorf("%d calls for one shipment event consumed twice", n)
	}
	if b := bodyOf(t, callsOf(t, r, "shipment.in_transit")[0]); b.Data.Code != rc.Code || b.Data.TrackingNumber != "EE123456785VN" || b.Data.Event != "in_transit" {
		t.Errorf("the shipment's call: %+v", b)
	}

	// Sent again on demand, under its id.
	e.call(t, "POST", "/api/v1/webhooks/"+hook.ID+"/deliveries/"+id+"/retry", admin, nil).Expect(t, http.StatusAccepted)
	waitfor.Within(t, 20*time.Second, "the call sent again", func() bool { return len(callsOf(t, r, "dossier.received")) == 3 })
	if again := callsOf(t, r, "dossier.received")[2]; again.ID() != id || again.Verify(hook.Secret) != nil {
		t.Errorf("sent again as %q", again.ID())
	}
	e.call(t, "POST", "/api/v1/webhooks/"+hook.ID+"/deliveries/"+uuid.NewString()+"/retry", admin, nil).
		ExpectError(t, http.StatusNotFound, "delivery_not_found", "")
	e.call(t, "GET", "/api/v1/webhooks/"+uuid.NewString()+"/deliveries", admin, nil).ExpectError(t, http.StatusNotFound, "webhook_not_found", "")

	// A test, then a rotation: both secrets sign the next test.
	var tested struct {
		DeliveryID string `json:"delivery_id"`
	}
	e.call(t, "POST", "/api/v1/webhooks/"+hook.ID+"/test", admin, nil).Expect(t, http.StatusAccepted).Decode(t, &tested)
	waitfor.Within(t, 20*time.Second, "the test", func() bool { return len(callsOf(t, r, "webhook.test")) == 1 })
	if c := callsOf(t, r, "webhook.test")[0]; c.ID() != tested.DeliveryID || c.Verify(hook.Secret) != nil {
		t.Errorf("the test came as %q", c.ID())
	}
	var rotated hookCreated
	e.call(t, "POST", "/api/v1/webhooks/"+hook.ID+"/secret", admin, nil).Expect(t, http.StatusOK).Decode(t, &rotated)
	e.call(t, "POST", "/api/v1/webhooks/"+hook.ID+"/test", admin, nil).Expect(t, http.StatusAccepted)
	waitfor.Within(t, 20*time.Second, "the test after the rotation", func() bool { return len(callsOf(t, r, "webhook.test")) == 2 })
	c := callsOf(t, r, "webhook.test")[1]
	if rotated.Secret == hook.Secret || c.Verify(hook.Secret) != nil || c.Verify(rotated.Secret) != nil {
		t.Errorf("after the rotation the call is not signed by both secrets: %s", c.Header.Get(webhook.HeaderSignature))
	}

	e.call(t, "DELETE", "/api/v1/webhooks/"+hook.ID, admin, nil).Expect(t, http.StatusNoContent)
	e.call(t, "DELETE", "/api/v1/webhooks/"+hook.ID, admin, nil).ExpectError(t, http.StatusNotFound, "webhook_not_found", "")
	e.call(t, "GET", "/api/v1/webhooks/"+hook.ID+"/deliveries", admin, nil).ExpectError(t, http.StatusNotFound, "webhook_not_found", "")
	e.call(t, "POST", "/api/v1/webhooks/"+hook.ID+"/test", admin, nil).ExpectError(t, http.StatusNotFound, "webhook_not_found", "")
	if list := e.call(t, "GET", "/api/v1/webhooks", admin, nil).Expect(t, http.StatusOK); string(list.Body) != "[]" {
		t.Errorf("the list after the deletion: %s", list.Body)
	}
	// A deleted endpoint is owed no call for what happens next.
	before := e.count(t, "SELECT count(*) FROM webhook_deliveries")
	e.registerAtDistrict(t)
	waitfor.Within(t, 20*time.Second, "the next registration consumed", func() bool {
		return e.count(t, "SELECT count(*) FROM inbox WHERE consumer = 'intake-webhooks'") >= 2
	})
	if n := e.count(t, "SELECT count(*) FROM webhook_deliveries"); n != before {
		t.Errorf("%d calls owed to a deleted endpoint", n-before)
	}
}

// publishShipment publishes a transfer's in_transit step of rc's dossier as the event
// event, under the message id msgID.
func (e *env) publishShipment(t *testing.T, rc receipt, event, msgID uuid.UUID) {
	t.Helper()
	ev := &postalv1.Event{EventId: event.String(), OccurredAt: timestamppb.Now(), ShipmentId: uuid.NewString(), Version: 2,
		Kind: &postalv1.Event_Recorded{Recorded: &postalv1.ShipmentEventRecorded{TrackingNumber: "EE123456785VN", DossierId: rc.ID,
			DossierCode: rc.Code, Kind: postalv1.ShipmentKind_SHIPMENT_KIND_TRANSFER, Type: "in_transit", PostOfficeCode: "000.30.16.H19",
			At: timestamppb.Now()}}}
	data, err := proto.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	msg := &nats.Msg{Subject: "postal.v1." + ev.GetShipmentId() + ".recorded", Data: data, Header: nats.Header{}}
	msg.Header.Set(nats.MsgIdHdr, msgID.String())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := e.JS.PublishMsg(ctx, msg); err != nil {
		t.Fatal(err)
	}
}

// nationalRecord is a record as the portal gets it.
type nationalRecord struct {
	ID                  string     `json:"id"`
	DossierCode         string     `json:"dossier_code"`
	StatusCode          int        `json:"status_code"`
	Status              string     `json:"status"`
	ProcedureCode       string     `json:"procedure_code"`
	ReceivingAgencyCode string     `json:"receiving_agency_code"`
	Channel             string     `json:"channel"`
	ReceivedAt          *time.Time `json:"received_at"`
	DueAt               *time.Time `json:"due_at"`
	FinishedAt          *time.Time `json:"finished_at"`
}

// TestNationalSync: every status a dossier reaches goes to the portal as one record,
// in order, an event that leaves the status as it was (an extension) none; the portal
// refusing one record, the dossier's later ones wait behind it until it is taken.
// GET /api/v1/sync/status tells the backlog.
func TestNationalSync(t *testing.T) {
	portal := webhooktest.Start(t)
	refused := false
	portal.FailWhen(func(body []byte) int {
		var rec nationalRecord
		_ = json.Unmarshal(body, &rec)
		if rec.Status == "processing" && !refused {
			refused = true
			return http.StatusBadGateway
		}
		return 0
	})
	e := startWith(t, nil, map[string]string{"MOTCUA_NATIONAL_SYNC_URL": portal.URL, "MOTCUA_WEBHOOK_RETRY_BASE": "500ms"})
	// Private addresses are not allowed here: a webhook on one is refused, in words.
	r := e.call(t, "POST", "/api/v1/webhooks", e.token(t, "admin.xuanloc"),
		apitest.JSON(t, map[string]any{"url": "http://127.0.0.1:9/hooks", "events": []string{"dossier.*"}}))
	r.ExpectError(t, http.StatusUnprocessableEntity, "url_private", "url")
	if msg := r.APIError(t).Error.Message; !strings.HasPrefix(msg, "Không gửi webhook tới địa chỉ nội bộ") {
		t.Errorf("the refusal of a private address says %q", msg)
	}
	rc := e.registerAtDistrict(t)
	e.actOK(t, "desk.xuanloc", rc.Code, "transfer", map[string]any{"to_office": baoHoa, "via": "hand"})
	s := e.actOK(t, "officer.baohoa", rc.Code, "accept", map[string]any{})
	e.actOK(t, "officer.baohoa", rc.Code, "extend", map[string]any{"new_due_at": s.DueAt.Add(48 * time.Hour).Format(time.RFC3339),
		"reason": "Cần xác minh thêm"})
	e.actOK(t, "officer.baohoa", rc.Code, "complete", map[string]any{"outcome": "approved"})
	e.actOK(t, "officer.baohoa", rc.Code, "transfer", map[string]any{"to_office": demo.DistrictDesk})
	e.actOK(t, "desk.xuanloc", rc.Code, "accept", map[string]any{})
	e.actOK(t, "desk.xuanloc", rc.Code, "return", map[string]any{})

	want := []string{"received", "in_transit", "processing", "processed", "result_in_transit", "processed", "returned"}
	var got []nationalRecord
	var answered []int
	waitfor.Within(t, 30*time.Second, "every status at the portal", func() bool {
		got, answered = nil, nil
		for _, c := range portal.Calls() {
			var rec nationalRecord
			if err := json.Unmarshal(c.Body, &rec); err != nil {
				t.Fatalf("a record %s: %v", c.Body, err)
			}
			if rec.DossierCode == rc.Code {
				got, answered = append(got, rec), append(answered, c.Answered)
			}
		}
		return len(got) == len(want)+1
	})
	// The refused record came again next, before any later one of its dossier.
	i := slices.Index(answered, http.StatusBadGateway)
	if i < 0 || got[i].Status != "processing" || got[i+1].ID != got[i].ID || answered[i+1] != http.StatusOK {
		t.Fatalf("the portal answered %v to %+v", answered, got)
	}
	taken := slices.Delete(slices.Clone(got), i, i+1)
	var statuses []string
	for _, rec := range taken {
		statuses = append(statuses, rec.Status)
	}
	if !slices.Equal(statuses, want) {
		t.Fatalf("the portal got %v, want %v", statuses, want)
	}
	first, last := taken[0], taken[len(taken)-1]
	if first.StatusCode != 2 || first.ProcedureCode != "1.004873" || first.ReceivingAgencyCode != demo.DistrictDesk || first.Channel != "desk" ||
		first.ReceivedAt == nil || first.DueAt == nil || first.FinishedAt != nil || rc.ReceivedAt == "" {
		t.Errorf("the first record: %+v", first)
	}
	if last.StatusCode != 10 || last.FinishedAt == nil || last.ReceivedAt == nil || !last.ReceivedAt.Equal(*first.ReceivedAt) {
		t.Errorf("the last record: %+v", last)
	}
	var backlog struct {
		Pending    int     `json:"pending"`
		Failed     int     `json:"failed"`
		LastSentAt *string `json:"last_sent_at"`
	}
	// The last record is counted sent once its try commits, just after the portal took it.
	waitfor.Within(t, 10*time.Second, "the backlog to empty", func() bool {
		e.call(t, "GET", "/api/v1/sync/status", e.token(t, "supervisor.xuanloc"), nil).Expect(t, http.StatusOK).Decode(t, &backlog)
		return backlog.Pending == 0
	})
	if backlog.Failed != 0 || backlog.LastSentAt == nil {
		t.Errorf("the backlog: %+v", backlog)
	}
	e.call(t, "GET", "/api/v1/sync/status", e.token(t, "desk.xuanloc"), nil).ExpectError(t, http.StatusForbidden, "forbidden", "")
}
