package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/apitest"
)

// This file holds the client side of the post tests (post_test.go): postal workers
// speaking HTTP to the postal process, and the words a citizen should read about the
// post's legs of a dossier.

const (
	postXuanLoc = demo.DistrictPostOffice // the district post office, serving the desk
	postBaoHoa  = "000.32.16.H19"         // the postal point serving Bảo Hòa
	postGiaRay  = "000.31.16.H19"         // the postal point serving Gia Ray: none of the legs here
	workerXL    = "postal.xuanloc"
	workerBH    = "postal.baohoa"

	resultAddress = "Số 12, ấp 1, xã Bảo Hòa, Xuân Lộc, Đồng Nai"
	pickupAddress = "Ấp 3, xã Bảo Hòa, Xuân Lộc, Đồng Nai" // the applicant's address of registration()
)

// find returns the shipment with tracking number tn in list.
func find(list []apiclient.Shipment, tn string) (apiclient.Shipment, bool) {
	for _, s := range list {
		if s.TrackingNumber == tn {
			return s, true
		}
	}
	return apiclient.Shipment{}, false
}

// timelineKeys are the types of the citizen's timeline, each shipment step's followed by
// its tracking number in brackets.
func timelineKeys(tr apiclient.Track) []string {
	out := make([]string, len(tr.Timeline))
	for i, s := range tr.Timeline {
		out[i] = s.Type
		if s.TrackingNumber != "" {
			out[i] += "[" + s.TrackingNumber + "]"
		}
	}
	return out
}

// s10Number is the shape of a tracking number of the given service indicator.
func s10Number(service string) *regexp.Regexp {
	return regexp.MustCompile(`^` + service + `[0-9]{9}VN$`)
}

// s10Check is the UPU S10 check digit of the 8 serial digits (domain §5).
func s10Check(serial string) byte {
	weights := []int{8, 6, 4, 2, 3, 5, 9, 7}
	sum := 0
	for i, w := range weights {
		sum += int(serial[i]-'0') * w
	}
	c := 11 - sum%11
	switch c {
	case 10:
		c = 0
	case 11:
		c = 5
	}
	return byte('0' + c)
}

// validS10 reports whether tn is an S10 number of service whose check digit is right.
func validS10(tn, service string) bool {
	return s10Number(service).MatchString(tn) && tn[10] == s10Check(tn[2:10])
}

// wrongCheckDigit is tn with another check digit.
func wrongCheckDigit(tn string) string {
	b := []byte(tn)
	b[10] = '0' + (b[10]-'0'+1)%10
	return string(b)
}

// signaturePNG draws a small signature, a real PNG a phone could capture.
func signaturePNG(*testing.T) []byte { return apitest.SignaturePNG() }

// proof is a delivery's proof of the contract; []byte goes as base64.
func proof(t *testing.T, name, relation, last4 string) map[string]any {
	return map[string]any{"recipient_name": name, "relation": relation, "id_last4": last4, "signature_png": signaturePNG(t)}
}

// shipmentsOf lists the shipments of d as user (GET /shipments?dossier=).
func (l *life) shipmentsOf(t *testing.T, user string, d *made) []apiclient.Shipment {
	t.Helper()
	a := l.call(t, l.e.cl.Postal.Addr, http.MethodGet, "/api/v1/shipments?dossier="+url.QueryEscape(d.code()), user, "", nil)
	if a.Status == http.StatusNotFound {
		return nil // the post has not heard of the dossier yet
	}
	if a.Status != http.StatusOK {
		t.Fatalf("shipments of %s as %s: %d %s", d.code(), user, a.Status, a.Body)
	}
	var p apiclient.Shipments
	decode(t, a, &p)
	return p.Items
}

// awaitShipment waits until the post has opened the n-th shipment of kind for d (n from
// 1) and returns it, as user sees it.
func (l *life) awaitShipment(t *testing.T, user string, d *made, kind string, n int) apiclient.Shipment {
	t.Helper()
	var found apiclient.Shipment
	poll(t, fmt.Sprintf("a %s shipment #%d of %s", kind, n, d.code()), func() (bool, string) {
		list := l.shipmentsOf(t, user, d)
		seen := 0
		for _, s := range list {
			if s.Kind == kind {
				if seen++; seen == n {
					found = s
					return true, ""
				}
			}
		}
		b, _ := json.Marshal(list)
		return false, string(b)
	})
	return found
}

// shipment reads one shipment with its steps as user.
func (l *life) shipment(t *testing.T, user, tn string) apiclient.Shipment {
	t.Helper()
	a := l.call(t, l.e.cl.Postal.Addr, http.MethodGet, "/api/v1/shipments/"+tn, user, "", nil)
	if a.Status != http.StatusOK {
		t.Fatalf("GET shipment %s as %s: %d %s", tn, user, a.Status, a.Body)
	}
	var s apiclient.Shipment
	decode(t, a, &s)
	return s
}

// eventBody is a postal worker's event of type typ, happening now, with fields.
func eventBody(typ string, fields map[string]any) (map[string]any, time.Time) {
	// Microseconds, as the database keeps them: the order of steps of the same
	// instant is then the documented one, not an artefact of rounding.
	at := time.Now().Truncate(time.Microsecond).In(ict)
	body := map[string]any{"event_id": uuid.NewString(), "type": typ, "occurred_at": at.Format(time.RFC3339Nano)}
	for k, v := range fields {
		body[k] = v
	}
	return body, at
}

// recordRaw posts body (already JSON) as an event of tn, as user.
func (l *life) recordRaw(t *testing.T, user, tn string, body []byte) apiclient.Answer {
	t.Helper()
	return l.send(t, l.e.cl.Postal.Addr, http.MethodPost, "/api/v1/shipments/"+tn+"/events", user, "", body)
}

// record posts an event of type typ with fields on tn as user and returns the answer as
// it came and the time the event says it happened.
func (l *life) record(t *testing.T, user, tn, typ string, fields map[string]any) (apiclient.Answer, time.Time) {
	t.Helper()
	body, at := eventBody(typ, fields)
	return l.call(t, l.e.cl.Postal.Addr, http.MethodPost, "/api/v1/shipments/"+tn+"/events", user, "", body), at
}

// stepOK records an event that must be taken: 200 and the shipment now in status
// typ (or want, when given: an automatic return).
func (l *life) stepOK(t *testing.T, user, tn, typ string, fields map[string]any, want ...string) (apiclient.Shipment, time.Time) {
	t.Helper()
	a, at := l.record(t, user, tn, typ, fields)
	if a.Status != http.StatusOK {
		t.Fatalf("%s on %s by %s: %d %s", typ, tn, user, a.Status, a.Body)
	}
	var s apiclient.Shipment
	decode(t, a, &s)
	status := typ
	if len(want) > 0 {
		status = want[0]
	}
	if s.TrackingNumber != tn || s.Status != status || a.Header.Get("Idempotent-Replayed") != "" {
		t.Fatalf("%s on %s by %s: answer %s (replayed %q), want status %s", typ, tn, user, a.Body,
			a.Header.Get("Idempotent-Replayed"), status)
	}
	return s, at
}

// legStep is a postal worker's event on a leg, for walk: who records it, its type and
// its fields (nil for none).
type legStep struct {
	worker, typ string
	fields      map[string]any
}

// walk records each step on leg s in turn, each of which must be taken (stepOK), and
// returns the entries the citizen's timeline should then hold for them, at office.
func (l *life) walk(t *testing.T, s apiclient.Shipment, office string, steps ...legStep) []roadStep {
	t.Helper()
	var out []roadStep
	for _, step := range steps {
		_, at := l.stepOK(t, step.worker, s.TrackingNumber, step.typ, step.fields)
		out = append(out, shipStep(s, step.typ, office, at))
	}
	return out
}

// manifest reads a post office's run sheet for today as user.
func (l *life) manifest(t *testing.T, user, office string) (apiclient.Manifest, apiclient.Answer) {
	t.Helper()
	q := url.Values{"office": {office}, "date": {time.Now().In(ict).Format(time.DateOnly)}}
	a := l.call(t, l.e.cl.Postal.Addr, http.MethodGet, "/api/v1/manifests?"+q.Encode(), user, "", nil)
	var m apiclient.Manifest
	if a.Status == http.StatusOK {
		decode(t, a, &m)
	}
	return m, a
}

// manifestOK reads a run sheet that must be given.
func (l *life) manifestOK(t *testing.T, user, office string) apiclient.Manifest {
	t.Helper()
	m, a := l.manifest(t, user, office)
	if a.Status != http.StatusOK {
		t.Fatalf("run sheet of %s as %s: %d %s", office, user, a.Status, a.Body)
	}
	if m.PostOffice.Code != office {
		t.Errorf("run sheet of %s names the post office %+v", office, m.PostOffice)
	}
	return m
}

// awaitIntake waits until intake's dossier, read as user, has a last step action.
func (l *life) awaitIntake(t *testing.T, user string, d *made, action string) apiclient.WholeDossier {
	t.Helper()
	var w apiclient.WholeDossier
	poll(t, fmt.Sprintf("intake to take the post's step %s on %s", action, d.code()), func() (bool, string) {
		w = l.wholeOf(t, user, d)
		return len(w.Steps) > 0 && w.Steps[len(w.Steps)-1].Action == action,
			fmt.Sprintf("status %s, steps %v", w.Status, w.Actions())
	})
	return w
}

// awaitPostTrack waits until the citizen's lookup of d in lang ("" Vietnamese) satisfies
// done, and returns it.
func (l *life) awaitPostTrack(t *testing.T, d *made, lang, what string, done func(apiclient.Track) bool) apiclient.Track {
	t.Helper()
	var tr apiclient.Track
	l.awaitLookup(t, d, lang, what, func(a apiclient.Answer) bool {
		tr = apiclient.Track{}
		decode(t, a, &tr)
		return done(tr)
	})
	return tr
}

// The words of the citizen's timeline for the post (status: tracking/labels.go and
// postal.go), in Vietnamese and English.
var (
	roadStepWords = map[string][2]string{
		"arrived":          {"Bưu điện đã chuyển hồ sơ đến, chờ tiếp nhận", "Delivered by post, awaiting acceptance"},
		"result_delivered": {"Bưu điện đã phát kết quả cho công dân", "Result delivered by post"},
		"result_back":      {"Không phát được, kết quả chờ nhận tại bộ phận một cửa", "Undelivered; result waiting at the desk"},
	}
	legWords = map[string]map[string][2]string{
		"pickup": {
			"created":   {"Đã đăng ký gửi hồ sơ qua bưu điện", "Pickup of the dossier by post booked"},
			"accepted":  {"Bưu điện đã nhận hồ sơ tại nhà", "The post collected the dossier at the applicant's home"},
			"picked_up": {"Bưu điện đã lấy hồ sơ, chuyển về bộ phận một cửa", "Dossier taken by the post, on its way to the one-stop desk"},
			"delivered": {"Bưu điện đã giao hồ sơ cho bộ phận một cửa", "Dossier handed to the one-stop desk by the post"},
		},
		"transfer": {
			"created":    {"Đã gửi hồ sơ qua bưu điện để chuyển giữa các cơ quan", "Dossier sent by post between offices"},
			"accepted":   {"Bưu điện đã nhận hồ sơ tại cơ quan gửi", "The post took the dossier in at the sending office"},
			"picked_up":  {"Bưu điện đã lấy hồ sơ tại cơ quan gửi", "Dossier collected from the sending office by the post"},
			"in_transit": {"Hồ sơ đang được bưu điện chuyển giữa các cơ quan", "Dossier on its way between offices"},
			"arrived":    {"Hồ sơ đã đến bưu cục phát gần cơ quan nhận", "Dossier at the post office serving the receiving office"},
			"delivered":  {"Bưu điện đã giao hồ sơ cho cơ quan nhận", "Dossier handed to the receiving office by the post"},
		},
		"delivery": {
			"created":          {"Đã đăng ký trả kết quả qua bưu điện", "Delivery of the result by post booked"},
			"accepted":         {"Bưu điện đã nhận kết quả tại bộ phận một cửa", "The post took the result in at the one-stop desk"},
			"picked_up":        {"Bưu điện đã lấy kết quả tại bộ phận một cửa", "Result collected from the one-stop desk by the post"},
			"in_transit":       {"Kết quả đang được bưu điện chuyển đến công dân", "Result on its way to the applicant"},
			"arrived":          {"Kết quả đã đến bưu cục phát", "Result at the delivering post office"},
			"out_for_delivery": {"Bưu điện đang phát kết quả đến địa chỉ của công dân", "Result out for delivery to the applicant's address"},
			"delivered":        {"Bưu điện đã phát kết quả, công dân đã ký nhận", "Result delivered by the post and signed for"},
			"delivery_failed":  {"Bưu điện phát không thành công", "The post could not deliver the result"},
			"returned":         {"Không phát được kết quả, bưu điện chuyển hoàn về bộ phận một cửa", "Result undeliverable; the post is sending it back to the one-stop desk"},
		},
		"return": {
			"created":    {"Bưu điện đã lập bưu gửi chuyển hoàn kết quả về bộ phận một cửa", "Return of the result to the one-stop desk booked"},
			"accepted":   {"Bưu điện đã nhận kết quả để chuyển hoàn", "The post took the result in to bring it back"},
			"in_transit": {"Kết quả đang được chuyển hoàn về bộ phận một cửa", "Result on its way back to the one-stop desk"},
			"delivered":  {"Bưu điện đã chuyển hoàn kết quả về bộ phận một cửa", "Result brought back to the one-stop desk by the post"},
		},
	}
	reasonWords = map[string][2]string{
		"recipient_absent": {"không có người nhận", "nobody was there to receive it"},
	}
	shipmentStatusWords = map[string][2]string{
		"delivered": {"Đã phát thành công", "Delivered"},
		"returned":  {"Đã chuyển hoàn", "Sent back"},
	}
)

// roadStep is an entry the citizen's timeline should hold: a step of the dossier (tn
// empty) or of one of its shipments (kind and tn set).
type roadStep struct {
	typ    string // the dossier's step type, or the shipment event's type (without shipment_)
	kind   string // the shipment's leg; "" for a step of the dossier
	tn     string
	office string    // "" for none
	at     time.Time // zero when the test cannot know it to the second
	reason string
}

func dossierStep(typ, office string, at time.Time) roadStep {
	return roadStep{typ: typ, office: office, at: at}
}

func shipStep(s apiclient.Shipment, typ, office string, at time.Time) roadStep {
	return roadStep{typ: typ, kind: s.Kind, tn: s.TrackingNumber, office: office, at: at}
}

func (r roadStep) wantType() string {
	if r.kind == "" {
		return r.typ
	}
	return "shipment_" + r.typ
}

func (r roadStep) label(t *testing.T, lang int) string {
	t.Helper()
	var words [2]string
	var ok bool
	if r.kind == "" {
		if words, ok = stepWords[r.typ]; !ok {
			words, ok = roadStepWords[r.typ]
		}
	} else {
		words, ok = legWords[r.kind][r.typ]
	}
	if !ok {
		t.Fatalf("no words for %s %s", r.kind, r.typ)
	}
	if r.reason != "" {
		return words[lang] + ": " + reasonWords[r.reason][lang]
	}
	return words[lang]
}

// checkRoad checks the citizen's timeline against want: the order of the entries; then
// each entry, matched by type and tracking number (so that one out of place does not hide
// the rest), for its office, its label in lang (0 Vietnamese, 1 English) and, when known,
// its time; and that time never goes back.
func checkRoad(t *testing.T, what string, tr apiclient.Track, want []roadStep, lang int) {
	t.Helper()
	var wantTypes []string
	for _, w := range want {
		s := w.wantType()
		if w.tn != "" {
			s += "[" + w.tn + "]"
		}
		wantTypes = append(wantTypes, s)
	}
	got := timelineKeys(tr)
	if !slices.Equal(got, wantTypes) {
		t.Errorf("%s: the timeline is\n  %s\nwant\n  %s", what, strings.Join(got, "\n  "), strings.Join(wantTypes, "\n  "))
		if !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(wantTypes))) {
			return
		}
	}
	// The k-th entry of a type and tracking number in want is the k-th in the answer.
	taken := map[string]int{}
	for wi, w := range want {
		key := wantTypes[wi]
		k := taken[key]
		taken[key]++
		i := -1
		for gi, g := range got {
			if g == key {
				if k == 0 {
					i = gi
					break
				}
				k--
			}
		}
		g := tr.Timeline[i]
		if label := w.label(t, lang); g.Label != label {
			t.Errorf("%s: timeline[%d] %s is labelled %q, want %q", what, i, key, g.Label, label)
		}
		switch {
		case w.office == "" && g.Office != nil:
			t.Errorf("%s: timeline[%d] %s names the office %+v, want none", what, i, key, *g.Office)
		case w.office != "" && (g.Office == nil || *g.Office != officeRef(w.office)):
			t.Errorf("%s: timeline[%d] %s names the office %+v, want %s", what, i, key, g.Office, w.office)
		}
		if !w.at.IsZero() && !g.At.Equal(w.at.Truncate(time.Second)) {
			t.Errorf("%s: timeline[%d] %s at %s, want %s", what, i, key, g.At.Format(time.RFC3339),
				w.at.Truncate(time.Second).Format(time.RFC3339))
		}
	}
	for i := 1; i < len(tr.Timeline); i++ {
		if tr.Timeline[i].At.Before(tr.Timeline[i-1].At) {
			t.Errorf("%s: timeline[%d] %s at %s is before the entry above it", what, i, got[i], tr.Timeline[i].At)
		}
	}
}
