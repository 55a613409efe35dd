package service_test

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
)

// listed publishes a dossier received at receiving, handled by handling and due at due,
// then the events life builds for it.
func (e *env) listed(receiving, handling *dossierv1.Ref, due time.Time, life func(*dossier) []*dossierv1.Event) *dossier {
	d := e.newDossier(due)
	r := d.ev.GetReceived()
	r.ReceivingOffice, r.HandlingOffice = receiving, handling
	e.received(d)
	if life != nil {
		e.emit(life(d)...)
	}
	return d
}

func listCodes(t *testing.T, a answer) (codes []string, next any) {
	t.Helper()
	if a.status != http.StatusOK {
		t.Fatalf("list: %d %s", a.status, a.body)
	}
	m := a.json(t)
	for _, it := range m["items"].([]any) {
		codes = append(codes, it.(map[string]any)["code"].(string))
	}
	return codes, m["next_cursor"]
}

func TestStaffLists(t *testing.T) {
	t.Parallel()
	// Wednesday 18 March 2026, 09:00.
	e := startEnvAt(t, at(3, 18, 9, 0))

	// processing: handed to B and accepted there, due on Friday 13 March at 17:00.
	processing := func(d *dossier) []*dossierv1.Event {
		due := at(3, 13, 17, 0)
		return []*dossierv1.Event{
			event(d, 2, at(3, 10, 10, 0), state{status: "in_transit", code: 4, current: deskA, pending: deptB, due: due}, deskA, transferred(deskA, deptB)),
			event(d, 3, at(3, 10, 11, 0), state{status: "processing", code: 4, current: deptB, due: due}, deptB, accepted(deskA)),
		}
	}
	l1 := e.listed(deskA, deptB, at(3, 12, 17, 0), nil) // open, overdue
	l2 := e.listed(deskA, deptB, at(3, 13, 17, 0), processing)
	l3 := e.listed(deskA, deptB, at(3, 13, 17, 0), processing) // the same appointment as l2
	l4 := e.listed(deskA, deptB, at(3, 16, 17, 0), func(d *dossier) []*dossierv1.Event {
		fin := at(3, 17, 8, 0)
		return []*dossierv1.Event{event(d, 2, fin, state{status: "processed", code: 9, current: deskA,
			due: at(3, 16, 17, 0), finished: &fin, timing: "late", processing: 9 * time.Hour}, deskA, completed)}
	})
	l5 := e.listed(deskX, deptC, at(3, 14, 17, 0), nil)
	l6 := e.listed(deskX, deptB, at(3, 20, 17, 0), nil)
	l7 := e.listed(deskA, deptB, at(3, 25, 17, 0), func(d *dossier) []*dossierv1.Event {
		due := at(3, 25, 17, 0)
		return []*dossierv1.Event{
			event(d, 2, at(3, 10, 10, 0), state{status: "in_transit", code: 4, current: deskA, pending: deptB, due: due}, deskA, transferred(deskA, deptB)),
			event(d, 3, at(3, 10, 11, 0), state{status: "processing", code: 4, current: deptB, due: due}, deptB, accepted(deskA)),
			event(d, 4, at(3, 11, 11, 0), state{status: "in_transit", code: 4, current: deptB, pending: deptC, due: due}, deptB, transferred(deptB, deptC)),
		}
	})
	l8 := e.listed(deskA, deptB, at(3, 12, 12, 0), func(d *dossier) []*dossierv1.Event {
		paused := at(3, 11, 10, 0)
		return []*dossierv1.Event{event(d, 2, paused, state{status: "supplement_requested", code: 5, current: deskA,
			due: at(3, 12, 12, 0), paused: &paused, requests: 1}, deskA, supplementRequested("Tờ khai"))}
	})
	e.settle()
	// l2 and l3 share an appointment: the id decides.
	tied := []*dossier{l2, l3}
	slices.SortFunc(tied, func(a, b *dossier) int { return slices.Compare(a.id[:], b.id[:]) })
	codes := func(ds ...*dossier) []string {
		out := make([]string, len(ds))
		for i, d := range ds {
			out[i] = d.code
		}
		return out
	}

	officerB := e.token("officer", deptB.Code)
	deskOnly := e.token("desk", deskA.Code)
	both := e.token("officer", deptB.Code, deptC.Code)
	const path = "/api/v1/dossiers"

	for _, tc := range []struct {
		name, token, query string
		want               []string
	}{
		{"every dossier that belonged to B", officerB, "", codes(l8, l1, tied[0], tied[1], l4, l6, l7)},
		{"the desk's own", deskOnly, "", codes(l8, l1, tied[0], tied[1], l4, l7)},
		{"C through a pending transfer", e.token("officer", deptC.Code), "", codes(l5, l7)},
		{"one of two offices", both, "?office=" + url.QueryEscape(deptC.Code), codes(l5, l7)},
		{"both offices", both, "", codes(l8, l1, tied[0], tied[1], l5, l4, l6, l7)},
		{"by status", officerB, "?status=processing", codes(tied[0], tied[1])},
		{"in transit", officerB, "?status=in_transit", codes(l7)},
		{"due before a day leaves that day out", officerB, "?due_before=2026-03-13", codes(l8, l1)},
		{"due before an instant, strictly", officerB, "?due_before=" + url.QueryEscape("2026-03-13T17:00:00+07:00"), codes(l8, l1)},
		{"due before a second later", officerB, "?due_before=" + url.QueryEscape("2026-03-13T10:00:01Z"), codes(l8, l1, tied[0], tied[1])},
		{"late: finished late or open overdue; paused before due is not", officerB, "?late=true", codes(l1, tied[0], tied[1], l4)},
		{"late=false filters nothing", officerB, "?late=false", codes(l8, l1, tied[0], tied[1], l4, l6, l7)},
		{"filters combine", officerB, "?late=true&status=received", codes(l1)},
		{"a status nobody has", officerB, "?status=returned", nil},
	} {
		got, next := listCodes(t, e.staff(tc.token, path+tc.query))
		if !reflect.DeepEqual(got, tc.want) || next != nil {
			t.Errorf("%s: %v (next %v), want %v", tc.name, got, next, tc.want)
		}
	}

	// Paging by two: every dossier once, in order.
	var all []string
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("paging does not end")
		}
		q := "?limit=2"
		if cursor != "" {
			q += "&cursor=" + url.QueryEscape(cursor)
		}
		got, next := listCodes(t, e.staff(officerB, path+q))
		if len(got) > 2 {
			t.Fatalf("page of %d", len(got))
		}
		all = append(all, got...)
		if next == nil {
			break
		}
		cursor = next.(string)
	}
	if want := codes(l8, l1, tied[0], tied[1], l4, l6, l7); !reflect.DeepEqual(all, want) {
		t.Errorf("paged: %v, want %v", all, want)
	}

	// One item in full: in transit from B to C.
	a := e.staff(officerB, path+"?status=in_transit", "Accept-Language", "en")
	item := a.json(t)["items"].([]any)[0].(map[string]any)
	want := map[string]any{
		"code":           l7.code,
		"procedure":      map[string]any{"code": procP1.Code, "name": procP1.Name},
		"status":         "in_transit",
		"status_code":    float64(4),
		"status_label":   "Being transferred",
		"channel":        "desk",
		"received_at":    "2026-03-10T09:00:00+07:00",
		"due_at":         "2026-03-25T17:00:00+07:00",
		"timing":         "within_deadline",
		"current_office": map[string]any{"code": deptB.Code, "name": deptB.Name},
		"pending_office": map[string]any{"code": deptC.Code, "name": deptC.Name},
		"applicant":      "N*** V** A*",
	}
	if !reflect.DeepEqual(item, want) {
		t.Errorf("item: %v\nwant %v", item, want)
	}
	if got, _ := listCodes(t, e.staff(officerB, path+"?late=true&limit=1")); len(got) != 1 {
		t.Errorf("limit=1 gave %v", got)
	}
	l4item := e.staff(officerB, path+"?late=true").json(t)["items"].([]any)[3].(map[string]any)
	if l4item["code"] != l4.code || l4item["timing"] != "late" || l4item["status"] != "processed" {
		t.Errorf("the finished late dossier: %v", l4item)
	}
}

func TestStaffListRefusals(t *testing.T) {
	t.Parallel()
	e := startEnv(t)
	officerB := e.token("officer", deptB.Code)
	const path = "/api/v1/dossiers"
	if a := e.get(defaultClient, path); a.status != http.StatusUnauthorized {
		t.Errorf("no token: %d %s", a.status, a.body)
	}
	if a := e.staff("not.a.token", path); a.status != http.StatusUnauthorized {
		t.Errorf("bad token: %d %s", a.status, a.body)
	}
	if a := e.staff(officerB, path+"?office="+url.QueryEscape(deskA.Code)); a.status != http.StatusForbidden {
		t.Errorf("another office: %d %s, want 403", a.status, a.body)
	}
	notATime := base64.RawURLEncoding.EncodeToString([]byte("yesterday|" + "00000000-0000-0000-0000-000000000000"))
	for _, tc := range []struct {
		query  string
		status int
		field  string
	}{
		{"?status=lost", 422, "status"},
		{"?status=%FF", 422, "status"},
		{"?due_before=tomorrow", 422, "due_before"},
		{"?due_before=2026-02-30", 422, "due_before"},
		{"?late=maybe", 422, "late"},
		{"?limit=0", 422, "limit"},
		{"?limit=201", 422, "limit"},
		{"?limit=ten", 422, "limit"},
		{"?limit=99999999999999999999", 422, "limit"},
		{"?cursor=!!!", 400, "cursor"},
		{"?cursor=" + notATime, 400, "cursor"},
		{"?cursor=" + base64.RawURLEncoding.EncodeToString([]byte("2026-03-10T10:00:00Z|nope")), 400, "cursor"},
	} {
		a := e.staff(officerB, path+tc.query)
		if a.status != tc.status {
			t.Errorf("%s: %d %s, want %d", tc.query, a.status, a.body, tc.status)
			continue
		}
		if _, field := errorOf(t, a); field != tc.field {
			t.Errorf("%s: field %q, want %q", tc.query, field, tc.field)
		}
	}
	// An account without offices sees nothing, and is not refused.
	if got, next := listCodes(t, e.staff(e.token("admin"), path)); len(got) != 0 || next != nil {
		t.Errorf("no offices: %v %v", got, next)
	}
}
