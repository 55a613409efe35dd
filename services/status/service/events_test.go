package service_test

import (
	"bytes"
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/auth"
)

// The offices of the tests beyond the desk and department newDossier uses.
var (
	deskA  = &dossierv1.Ref{Code: "000.00.16.H19", Name: "Bộ phận Một cửa huyện Đông Anh"}
	deptB  = &dossierv1.Ref{Code: "000.00.16.H19.07", Name: "Phòng Quản lý đô thị"}
	deptC  = &dossierv1.Ref{Code: "000.00.16.H19.09", Name: "Phòng Tài nguyên và Môi trường"}
	deskX  = &dossierv1.Ref{Code: "000.00.20.H19", Name: "Bộ phận Một cửa xã Xuân Hòa"}
	procP1 = &dossierv1.Ref{Code: "1.004227", Name: "Cấp giấy phép xây dựng nhà ở riêng lẻ"}
)

// at is a time in Hà Nội.
func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, ict)
}

func ts(t time.Time) *timestamppb.Timestamp { return timestamppb.New(t) }

// state is the dossier's state after an event, as intake would compute it. A zero due
// is none: the state of a dossier submitted online that no desk has received yet.
type state struct {
	status     string
	code       int32
	current    *dossierv1.Ref
	pending    *dossierv1.Ref
	due        time.Time
	paused     *time.Time
	requests   int32
	extended   bool
	finished   *time.Time
	timing     string
	processing time.Duration
}

func (s state) proto() *dossierv1.State {
	p := &dossierv1.State{Status: s.status, StatusCode: s.code, CurrentOffice: s.current, PendingOffice: s.pending,
		SupplementRequests: s.requests, Extended: s.extended, Timing: s.timing,
		ProcessingSeconds: int64(s.processing / time.Second)}
	if !s.due.IsZero() {
		p.DueAt = ts(s.due)
	}
	if s.paused != nil {
		p.PausedAt = ts(*s.paused)
	}
	if s.finished != nil {
		p.FinishedAt = ts(*s.finished)
	}
	return p
}

// event builds an event of d after Received: version, time, state, the office the step
// was taken for, and its kind (set by kind).
func event(d *dossier, version int64, when time.Time, s state, office *dossierv1.Ref, kind func(*dossierv1.Event)) *dossierv1.Event {
	ev := &dossierv1.Event{EventId: uuid.NewString(), OccurredAt: ts(when), DossierId: d.id.String(), Version: version,
		Actor: &dossierv1.Actor{Username: "officer1", OfficeCode: office.GetCode()},
		State: s.proto(), Step: &dossierv1.Step{Office: office, Timing: "on_time"}}
	kind(ev)
	return ev
}

func transferred(from, to *dossierv1.Ref) func(*dossierv1.Event) {
	return func(e *dossierv1.Event) {
		e.Kind = &dossierv1.Event_Transferred{Transferred: &dossierv1.Transferred{FromOffice: from, ToOffice: to,
			Via: dossierv1.Via_VIA_HAND}}
	}
}

func accepted(from *dossierv1.Ref) func(*dossierv1.Event) {
	return func(e *dossierv1.Event) {
		e.Kind = &dossierv1.Event_Accepted{Accepted: &dossierv1.Accepted{FromOffice: from}}
	}
}

func supplementRequested(items ...string) func(*dossierv1.Event) {
	return func(e *dossierv1.Event) {
		e.Kind = &dossierv1.Event_SupplementRequested{SupplementRequested: &dossierv1.SupplementRequested{Items: items,
			Reason: "Thiếu giấy tờ"}}
	}
}

func supplemented(e *dossierv1.Event) {
	e.Kind = &dossierv1.Event_Supplemented{Supplemented: &dossierv1.Supplemented{}}
}

func extended(old, next time.Time) func(*dossierv1.Event) {
	return func(e *dossierv1.Event) {
		e.Kind = &dossierv1.Event_Extended{Extended: &dossierv1.Extended{OldDueAt: ts(old), NewDueAt: ts(next),
			Reason: "Cần xác minh thực địa"}}
	}
}

func completed(e *dossierv1.Event) {
	e.Kind = &dossierv1.Event_Completed{Completed: &dossierv1.Completed{Outcome: dossierv1.Outcome_OUTCOME_APPROVED,
		ResultDelivery: dossierv1.DeliveryMethod_DELIVERY_METHOD_DESK}}
}

func returned(e *dossierv1.Event) {
	e.Kind = &dossierv1.Event_Returned{Returned: &dossierv1.Returned{}}
}

func refused(e *dossierv1.Event) {
	e.Kind = &dossierv1.Event_Refused{Refused: &dossierv1.Refused{Reason: "Không đủ điều kiện"}}
}

func withdrawn(e *dossierv1.Event) {
	e.Kind = &dossierv1.Event_Withdrawn{Withdrawn: &dossierv1.Withdrawn{Reason: "Công dân xin rút"}}
}

// kindOf is the name of the event's kind, as its subject ends.
func kindOf(ev *dossierv1.Event) string {
	m := ev.ProtoReflect()
	return string(m.WhichOneof(m.Descriptor().Oneofs().ByName("kind")).Name())
}

func subjectOf(ev *dossierv1.Event) string {
	return "dossier.v1." + ev.DossierId + "." + kindOf(ev)
}

// marshal is an event (of intake or of postal) as its relay publishes it.
func marshal(t *testing.T, ev proto.Message) []byte {
	t.Helper()
	b, err := proto.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// emit publishes events as intake's relay does: each on its subject, its event id as the
// Nats-Msg-Id.
func (e *env) emit(evs ...*dossierv1.Event) {
	e.t.Helper()
	for _, ev := range evs {
		e.publishNew(subjectOf(ev), ev.EventId, marshal(e.t, ev))
	}
}

// token signs a staff token for role and offices.
func (e *env) token(role string, offices ...string) string {
	e.t.Helper()
	tok, err := e.issuer.Issue(auth.Principal{Username: role + "1", Role: role, Offices: offices}, time.Now())
	if err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// staff asks status for path as the bearer of token.
func (e *env) staff(token, path string, header ...string) answer {
	e.t.Helper()
	return e.get(defaultClient, path, append([]string{"Authorization", "Bearer " + token}, header...)...)
}

// post sends body to path from client c.
func (e *env) post(c *http.Client, path, body string) answer {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.url+path, bytes.NewBufferString(body))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	return e.do(c, req)
}

// errorOf returns the code and field of an error answer.
func errorOf(t *testing.T, a answer) (code, field string) {
	t.Helper()
	m := a.json(t)
	env, ok := m["error"].(map[string]any)
	if !ok {
		t.Fatalf("not the error envelope: %s", a.body)
	}
	code, _ = env["code"].(string)
	field, _ = env["field"].(string)
	if msg, _ := env["message"].(string); msg == "" {
		t.Errorf("error without a message: %s", a.body)
	}
	return code, field
}
