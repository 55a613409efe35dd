package projection

import (
	"reflect"
	"testing"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/status/adapters/store"
)

var (
	desk      = &dossierv1.Ref{Code: "000.00.16.H19", Name: "Bộ phận Một cửa"}
	dept      = &dossierv1.Ref{Code: "000.00.16.H19.07", Name: "Phòng Quản lý đô thị"}
	t0        = time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC)
	dossierID = uuid.New()
)

// later builds an event of version v with a state at office cur (pending when set).
func later(v int64, status string, code int32, cur, pending *dossierv1.Ref, step *dossierv1.Ref) *dossierv1.Event {
	return &dossierv1.Event{
		EventId: uuid.NewString(), DossierId: dossierID.String(), Version: v,
		OccurredAt: timestamppb.New(t0.Add(time.Duration(v) * time.Hour)),
		State: &dossierv1.State{Status: status, StatusCode: code, CurrentOffice: cur, PendingOffice: pending,
			DueAt: timestamppb.New(t0.Add(72 * time.Hour))},
		Step: &dossierv1.Step{Office: step, Timing: "on_time"},
	}
}

// laterEvents is one of each kind after Received.
func laterEvents() []*dossierv1.Event {
	tr := later(2, "in_transit", 4, desk, dept, desk)
	tr.Kind = &dossierv1.Event_Transferred{Transferred: &dossierv1.Transferred{FromOffice: desk, ToOffice: dept}}
	acc := later(3, "processing", 4, dept, nil, dept)
	acc.Kind = &dossierv1.Event_Accepted{Accepted: &dossierv1.Accepted{FromOffice: desk}}
	sr := later(4, "supplement_requested", 5, dept, nil, dept)
	sr.State.PausedAt = timestamppb.New(t0.Add(4 * time.Hour))
	sr.Kind = &dossierv1.Event_SupplementRequested{SupplementRequested: &dossierv1.SupplementRequested{Items: []string{"Bản vẽ"}}}
	ext := later(5, "processing", 4, dept, nil, dept)
	ext.Kind = &dossierv1.Event_Extended{Extended: &dossierv1.Extended{NewDueAt: timestamppb.New(t0.Add(100 * time.Hour))}}
	done := later(6, "processed", 9, dept, nil, dept)
	done.State.FinishedAt, done.State.Timing = timestamppb.New(t0.Add(6*time.Hour)), "late"
	done.Kind = &dossierv1.Event_Completed{Completed: &dossierv1.Completed{Outcome: dossierv1.Outcome_OUTCOME_APPROVED}}
	back := later(7, "result_in_transit", 9, dept, desk, dept)
	back.Kind = &dossierv1.Event_Transferred{Transferred: &dossierv1.Transferred{FromOffice: dept, ToOffice: desk, CarriesResult: true}}
	racc := later(8, "processed", 9, desk, nil, desk)
	racc.Kind = &dossierv1.Event_Accepted{Accepted: &dossierv1.Accepted{FromOffice: dept}}
	ret := later(9, "returned", 10, desk, nil, desk)
	ret.Kind = &dossierv1.Event_Returned{Returned: &dossierv1.Returned{}}
	out := []*dossierv1.Event{tr, acc, sr, ext, done, back, racc, ret}
	for i, k := range []func(*dossierv1.Event){
		func(e *dossierv1.Event) {
			e.Kind = &dossierv1.Event_Supplemented{Supplemented: &dossierv1.Supplemented{}}
		},
		func(e *dossierv1.Event) { e.Kind = &dossierv1.Event_Refused{Refused: &dossierv1.Refused{}} },
		func(e *dossierv1.Event) { e.Kind = &dossierv1.Event_Stopped{Stopped: &dossierv1.Stopped{}} },
		func(e *dossierv1.Event) { e.Kind = &dossierv1.Event_Withdrawn{Withdrawn: &dossierv1.Withdrawn{}} },
		func(e *dossierv1.Event) {
			e.Kind = &dossierv1.Event_PaymentRequested{PaymentRequested: &dossierv1.PaymentRequested{AmountVnd: 1}}
		},
		func(e *dossierv1.Event) {
			e.Kind = &dossierv1.Event_PaymentRecorded{PaymentRecorded: &dossierv1.PaymentRecorded{AmountVnd: 1}}
		},
	} {
		e := later(int64(10+i), "processing", 4, dept, nil, dept)
		k(e)
		out = append(out, e)
	}
	return out
}

func TestDecodeEveryLaterKind(t *testing.T) {
	wantTypes := []string{"transferred", "accepted", "supplement_requested", "extended", "completed",
		"result_transferred", "result_accepted", "returned", "supplemented", "refused", "stopped", "withdrawn",
		"payment_requested", "payment_recorded"}
	evs := laterEvents()
	for i, ev := range evs {
		data, _ := proto.Marshal(ev)
		d, err := Decode(data)
		if err != nil || d.Change == nil || d.Received != nil {
			t.Fatalf("%s: Decode = %+v, %v", wantTypes[i], d, err)
		}
		c := d.Change
		if c.Step.Type != wantTypes[i] || c.Version != ev.Version || c.ID != dossierID ||
			c.State.Status != ev.State.Status || c.Step.EventID.String() != ev.EventId {
			t.Errorf("%s: %+v", wantTypes[i], c)
		}
	}
	decode := func(ev *dossierv1.Event) store.Change {
		data, _ := proto.Marshal(ev)
		d, err := Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		return *d.Change
	}
	// A transfer names the office it goes to; the rest the office that acted.
	if c := decode(evs[0]); c.Step.OfficeCode != dept.Code || c.State.PendingOfficeCode != dept.Code || c.State.CurrentOfficeCode != desk.Code {
		t.Errorf("transferred: %+v", c)
	}
	if c := decode(evs[2]); c.State.PausedAt == nil || !reflect.DeepEqual(c.Step.Detail.Items, []string{"Bản vẽ"}) {
		t.Errorf("supplement requested: %+v", c)
	}
	if c := decode(evs[3]); c.Step.Detail == nil || !c.Step.Detail.NewDueAt.Equal(t0.Add(100*time.Hour)) {
		t.Errorf("extended: %+v", c)
	}
	if c := decode(evs[4]); c.Outcome != "approved" || c.State.Timing != "late" || c.State.FinishedAt == nil {
		t.Errorf("completed: %+v", c)
	}
}

func TestDecodeRefusesMalformedChanges(t *testing.T) {
	for name, mutate := range map[string]func(*dossierv1.Event){
		"no state":             func(e *dossierv1.Event) { e.State = nil },
		"no step":              func(e *dossierv1.Event) { e.Step = nil },
		"no step office":       func(e *dossierv1.Event) { e.Step.Office = nil },
		"no current office":    func(e *dossierv1.Event) { e.State.CurrentOffice = nil },
		"no status":            func(e *dossierv1.Event) { e.State.Status = "" },
		"status not a name":    func(e *dossierv1.Event) { e.State.Status = "Robert'); DROP" },
		"status code 0":        func(e *dossierv1.Event) { e.State.StatusCode = 0 },
		"status code 11":       func(e *dossierv1.Event) { e.State.StatusCode = 11 },
		"impossible due":       func(e *dossierv1.Event) { e.State.DueAt = &timestamppb.Timestamp{Seconds: 1 << 62} },
		"unknown timing":       func(e *dossierv1.Event) { e.State.Timing = "sometime" },
		"transfer nowhere":     func(e *dossierv1.Event) { e.GetTransferred().ToOffice = nil },
		"NUL in an office":     func(e *dossierv1.Event) { e.State.CurrentOffice = &dossierv1.Ref{Code: "A\x00"} },
		"negative requests":    func(e *dossierv1.Event) { e.State.SupplementRequests = -1 },
		"impossible pause":     func(e *dossierv1.Event) { e.State.PausedAt = &timestamppb.Timestamp{Seconds: 1 << 62} },
		"version beyond int32": func(e *dossierv1.Event) { e.Version = 1 << 40 },
		"no kind":              func(e *dossierv1.Event) { e.Kind = nil },
	} {
		ev := laterEvents()[0]
		mutate(ev)
		data, _ := proto.Marshal(ev)
		if d, err := Decode(data); err == nil {
			t.Errorf("%s: accepted as %+v", name, d.Change)
		}
	}
}

// TestDecodeBeforeAndAtReception reads the events of a dossier submitted online before a
// desk receives it (no appointment in their state) and the Admitted event that starts
// its clock.
func TestDecodeBeforeAndAtReception(t *testing.T) {
	decode := func(ev *dossierv1.Event) (store.Change, error) {
		data, _ := proto.Marshal(ev)
		d, err := Decode(data)
		if err != nil {
			return store.Change{}, err
		}
		return *d.Change, nil
	}
	// Asked for what is missing, before reception: no appointment, no pause.
	sr := later(2, "supplement_requested", 5, desk, nil, desk)
	sr.State.DueAt = nil
	sr.Kind = &dossierv1.Event_SupplementRequested{SupplementRequested: &dossierv1.SupplementRequested{Items: []string{"Tờ khai"}}}
	c, err := decode(sr)
	if err != nil || c.State.DueAt != nil || c.State.PausedAt != nil || c.Step.Type != "supplement_requested" ||
		c.Step.Detail == nil || c.Step.Detail.Items[0] != "Tờ khai" {
		t.Fatalf("supplement requested before reception: %+v, %v", c, err)
	}
	// Refused before reception: finished, no timing, no appointment.
	ref := later(3, "refused", 3, desk, nil, desk)
	ref.State.DueAt, ref.State.FinishedAt = nil, timestamppb.New(t0.Add(3*time.Hour))
	ref.Kind = &dossierv1.Event_Refused{Refused: &dossierv1.Refused{Reason: "Sai thủ tục"}}
	if c, err := decode(ref); err != nil || c.State.DueAt != nil || c.State.FinishedAt == nil || c.Step.Type != "refused" {
		t.Fatalf("refused before reception: %+v, %v", c, err)
	}

	received := t0.Add(26 * time.Hour)
	adm := later(4, "received", 2, desk, nil, desk)
	adm.Kind = &dossierv1.Event_Admitted{Admitted: &dossierv1.Admitted{ReceivedAt: timestamppb.New(received)}}
	c, err = decode(adm)
	if err != nil || c.Step.Type != "admitted" || c.ReceivedAt == nil || !c.ReceivedAt.Equal(received) ||
		c.State.DueAt == nil || !c.State.DueAt.Equal(t0.Add(72*time.Hour)) || c.State.Status != "received" {
		t.Fatalf("admitted: %+v, %v", c, err)
	}
	for name, mutate := range map[string]func(*dossierv1.Event){
		"admitted without its time":       func(e *dossierv1.Event) { e.GetAdmitted().ReceivedAt = nil },
		"admitted without an appointment": func(e *dossierv1.Event) { e.State.DueAt = nil },
		"admitted at an impossible time":  func(e *dossierv1.Event) { e.GetAdmitted().ReceivedAt = &timestamppb.Timestamp{Seconds: 1 << 62} },
		"extended without any appointment": func(e *dossierv1.Event) {
			e.State.DueAt = nil
			e.Kind = &dossierv1.Event_Extended{Extended: &dossierv1.Extended{}}
		},
	} {
		ev := later(4, "received", 2, desk, nil, desk)
		ev.Kind = &dossierv1.Event_Admitted{Admitted: &dossierv1.Admitted{ReceivedAt: timestamppb.New(received)}}
		mutate(ev)
		if c, err := decode(ev); err == nil {
			t.Errorf("%s: accepted as %+v", name, c)
		}
	}
}
