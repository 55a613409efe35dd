package servicetest

import (
	"net/http"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/apitest"
)

// TestWhoSeesAndOpens: a dossier's shipments and their addresses are for the post
// offices that carry them and the staff of the dossier's offices only; anyone else,
// supervisors and administrators included, is told what a wrong number is told. Only the
// office holding the dossier now opens a shipment for it.
func TestWhoSeesAndOpens(t *testing.T) {
	e := start(t)
	now := time.Now()
	d := newDossier(districtDesk)
	e.publishDossier(t, d.received(now, dossierv1.Channel_CHANNEL_DESK, ""))
	e.waitDossiersApplied(t)
	leg := e.create(t, "desk.xuanloc", map[string]any{"dossier_code": d.Code, "kind": "pickup",
		"address": "Số 9, ấp 3, xã Bảo Hòa"}).Expect(t, http.StatusCreated)
	var v apiclient.Shipment
	leg.Decode(t, &v)

	missing := e.call(t, "GET", "/api/v1/shipments/EE123456785VN", e.token(t, "desk.giaray"), nil)
	missing.ExpectError(t, http.StatusNotFound, "not_found", "")
	missingList := e.call(t, "GET", "/api/v1/shipments?dossier="+giaRay+"-261201-9999", e.token(t, "desk.giaray"), nil)
	missingList.ExpectError(t, http.StatusNotFound, "not_found", "")
	for _, who := range []string{"desk.giaray", "supervisor.giaray", "admin.giaray", "postal.giaray"} {
		same := func(what string, r, missing apitest.Reply) {
			if r.Status != missing.Status || string(r.Body) != string(missing.Body) {
				t.Errorf("%s %s: %d %s; a missing one: %s", who, what, r.Status, r.Body, missing.Body)
			}
		}
		same("reading another office's shipment", e.call(t, "GET", "/api/v1/shipments/"+v.TrackingNumber, e.token(t, who), nil), missing)
		same("listing another office's shipments", e.call(t, "GET", "/api/v1/shipments?dossier="+d.Code, e.token(t, who), nil), missingList)
	}
	for _, who := range []string{"desk.xuanloc", "supervisor.xuanloc", "postal.xuanloc"} {
		e.get(t, who, v.TrackingNumber)
	}

	// A desk of another office cannot open a shipment on the dossier, nor learn it exists.
	body := map[string]any{"dossier_code": d.Code, "kind": "transfer", "from": giaRay, "to": districtDesk}
	other := e.create(t, "desk.giaray", body)
	body["dossier_code"] = giaRay + "-261201-9999"
	unknown := e.create(t, "desk.giaray", body)
	unknown.ExpectError(t, http.StatusUnprocessableEntity, "unknown_dossier", "dossier_code")
	if other.Status != unknown.Status || string(other.Body) != string(unknown.Body) {
		t.Errorf("a shipment on another office's dossier: %d %s; on a missing one: %s", other.Status, other.Body, unknown.Body)
	}

	// Once Bảo Hòa holds the dossier, Bảo Hòa opens its shipments and the district desk,
	// which still sees them, no longer does.
	e.publishDossier(t, d.transferred(now.Add(time.Minute), districtDesk, baoHoa, dossierv1.Via_VIA_HAND))
	accepted := d.event(now.Add(2*time.Minute), baoHoa)
	accepted.Kind = &dossierv1.Event_Accepted{Accepted: &dossierv1.Accepted{FromOffice: ref(districtDesk)}}
	e.publishDossier(t, accepted)
	e.waitDossiersApplied(t)
	back := map[string]any{"dossier_code": d.Code, "kind": "transfer", "from": baoHoa, "to": districtDesk}
	e.create(t, "desk.xuanloc", back).ExpectError(t, http.StatusForbidden, "dossier_not_held", "")
	e.create(t, "officer.baohoa", back).Expect(t, http.StatusCreated)
	e.get(t, "desk.xuanloc", v.TrackingNumber)
	e.get(t, "officer.baohoa", v.TrackingNumber)
}
