package servicetest

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// call sends a request and checks the conventions every answer follows (apitest.Call);
// headers come in name, value pairs.
func (e *env) call(t testing.TB, method, path, token string, body []byte, headers ...string) apitest.Reply {
	t.Helper()
	return apitest.Call(t, client, method, e.URL, path, token, body, headers...)
}

// client gives up on an answer after a while, so that a service that hangs fails the
// test instead of holding it until the test binary's deadline.
var client = &http.Client{Timeout: 30 * time.Second}

// do sends a request and reads the answer; it is safe to call from any goroutine.
func (e *env) do(method, path, token string, body []byte, headers ...string) (apitest.Reply, error) {
	return e.doWith(client, method, path, token, body, headers...)
}

// doWith is do with another client.
func (e *env) doWith(c *http.Client, method, path, token string, body []byte, headers ...string) (apitest.Reply, error) {
	return apitest.Do(c, method, e.URL+path, token, body, headers...)
}

// codeOf is the code of the office r, "" for none.
func codeOf(r *apiclient.Ref) string {
	if r == nil {
		return ""
	}
	return r.Code
}

// shipments lists the shipments of a dossier as who sees them.
func (e *env) shipments(t testing.TB, who, code string) []apiclient.Shipment {
	t.Helper()
	var list apiclient.Shipments
	e.call(t, "GET", "/api/v1/shipments?dossier="+code, e.token(t, who), nil).Expect(t, http.StatusOK).Decode(t, &list)
	return list.Items
}

// waitShipments waits until the dossier has n shipments (as the supervisor sees them).
func (e *env) waitShipments(t testing.TB, d *dossier, n int) []apiclient.Shipment {
	t.Helper()
	var list []apiclient.Shipment
	waitfor.Until(t, fmt.Sprintf("%d shipments of %s", n, d.Code), func() bool {
		if e.count(t, "SELECT count(*) FROM dossiers WHERE code = $1", d.Code) == 0 {
			return false
		}
		list = e.shipments(t, "supervisor.xuanloc", d.Code)
		return len(list) >= n
	})
	if len(list) != n {
		t.Fatalf("%s has %d shipments, want %d: %+v", d.Code, len(list), n, list)
	}
	return list
}

// get reads a shipment with its steps.
func (e *env) get(t testing.TB, who, tn string) apiclient.Shipment {
	t.Helper()
	var v apiclient.Shipment
	e.call(t, "GET", "/api/v1/shipments/"+tn, e.token(t, who), nil).Expect(t, http.StatusOK).Decode(t, &v)
	return v
}

// create asks for a shipment as a desk.
func (e *env) create(t testing.TB, who string, body map[string]any, headers ...string) apitest.Reply {
	t.Helper()
	return e.call(t, "POST", "/api/v1/shipments", e.token(t, who), apitest.JSON(t, body), headers...)
}

// step is a postal worker's event.
type step map[string]any

// newStep is an event of type typ at at, with a fresh id.
func newStep(typ string, at time.Time) step {
	s := step{"event_id": uuid.NewString(), "type": typ, "occurred_at": at.Format(time.RFC3339Nano)}
	switch typ {
	case "accepted":
		s["seal_number"] = "SEAL-0001"
	case "delivery_failed":
		s["reason_code"], s["action_code"] = "recipient_absent", "leave_notice"
	case "delivered":
		s["proof"] = proof("Trần Thị Bích", "family")
	}
	return s
}

// proof is a valid proof of delivery.
func proof(name, relation string) map[string]any {
	return map[string]any{"recipient_name": name, "relation": relation, "id_last4": "0427", "signature_png": signaturePNG(40, 20)}
}

// signaturePNG is a small PNG image.
func signaturePNG(w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// record posts a step as who.
func (e *env) record(t testing.TB, who, tn string, s step) apitest.Reply {
	t.Helper()
	return e.call(t, "POST", "/api/v1/shipments/"+tn+"/events", e.token(t, who), apitest.JSON(t, s))
}

// recordOK posts a step that must be accepted and returns the shipment after it.
func (e *env) recordOK(t testing.TB, who, tn string, s step) apiclient.Shipment {
	t.Helper()
	var v apiclient.Shipment
	e.record(t, who, tn, s).Expect(t, http.StatusOK).Decode(t, &v)
	return v
}

// checkS10 checks a tracking number's form and check digit from first principles
// (domain §5: weights 8 6 4 2 3 5 9 7, c = 11 − sum mod 11, 10 → 0, 11 → 5).
func checkS10(t testing.TB, tn, service string) {
	t.Helper()
	if len(tn) != 13 || tn[:2] != service || tn[11:] != "VN" {
		t.Errorf("tracking number %q: want %s + 9 digits + VN", tn, service)
		return
	}
	weights := []int{8, 6, 4, 2, 3, 5, 9, 7}
	sum := 0
	for i, w := range weights {
		c := tn[2+i]
		if c < '0' || c > '9' {
			t.Errorf("tracking number %q: serial digit %q", tn, c)
			return
		}
		sum += int(c-'0') * w
	}
	want := 11 - sum%11
	switch want {
	case 10:
		want = 0
	case 11:
		want = 5
	}
	if got := int(tn[10] - '0'); got != want {
		t.Errorf("tracking number %q: check digit %d, want %d", tn, got, want)
	}
}

// wrongCheckDigit is tn with another check digit.
func wrongCheckDigit(tn string) string {
	d := (tn[10]-'0'+1)%10 + '0'
	return tn[:10] + string(d) + tn[11:]
}
