package servicetest

import (
	"context"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/worktime"
)

// leaks counts, table by table, the rows of the postal schema where secret appears in
// clear: in a text column, or as the bytes of a bytea column (which a row shows in hex).
func (e *env) leaks(t *testing.T, secret string) map[string]int {
	t.Helper()
	ctx := context.Background()
	rows, err := e.DB.Query(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'postal' AND table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(tables) < 5 {
		t.Fatalf("the postal schema has tables %v", tables)
	}
	found := map[string]int{}
	for _, table := range tables {
		n := e.count(t, `SELECT count(*) FROM postal.`+table+` x WHERE strpos(x::text, $1) > 0 OR strpos(x::text, $2) > 0`,
			secret, hex.EncodeToString([]byte(secret)))
		if n > 0 {
			found[table] = n
		}
	}
	return found
}

func TestPersonalData(t *testing.T) {
	e := start(t)
	now := time.Now()
	const (
		deskAddress = "Số 77, đường Trần Phú, ấp Bình Hòa, xã Bảo Hòa"
		recipient   = "Hoàng Thị Mỹ Duyên"
	)

	d := newDossier(districtDesk)
	e.publishDossier(t, d.received(now, dossierv1.Channel_CHANNEL_POST, pickupAddress))
	e.publishDossier(t, d.completed(now, districtDesk, dossierv1.DeliveryMethod_DELIVERY_METHOD_POST, deliveryAddress))
	opened := e.waitShipments(t, d, 2)
	pickup, delivery := ofKind(t, opened, "pickup"), ofKind(t, opened, "delivery")
	var byDesk apiclient.Shipment
	e.create(t, "desk.xuanloc", map[string]any{"dossier_code": d.Code, "kind": "pickup", "address": deskAddress}).
		Expect(t, http.StatusCreated).Decode(t, &byDesk)
	e.recordOK(t, "postal.xuanloc", delivery.TrackingNumber, newStep("picked_up", time.Now()))
	e.recordOK(t, "postal.xuanloc", delivery.TrackingNumber, newStep("out_for_delivery", time.Now()))
	done := newStep("delivered", time.Now())
	done["proof"] = proof(recipient, "self")
	e.recordOK(t, "postal.xuanloc", delivery.TrackingNumber, done)
	e.waitPostal(t, "the delivery", recorded(delivery.TrackingNumber, "delivered"))

	t.Run("sealed at rest", func(t *testing.T) {
		// The sweep finds what is there: text in clear, and bytes in a bytea column (the
		// stored answers to the workers' steps name the tracking number).
		if found := e.leaks(t, d.Code); found["dossiers"] != 1 {
			t.Fatalf("the sweep does not find the dossier's code: %v", found)
		}
		if found := e.leaks(t, `"tracking_number":"`+delivery.TrackingNumber); found["shipment_events"] == 0 {
			t.Fatalf("the sweep does not look into bytea columns: %v", found)
		}
		for _, secret := range []string{pickupAddress, deliveryAddress, deskAddress, recipient, "Mỹ Duyên"} {
			if found := e.leaks(t, secret); len(found) > 0 {
				t.Errorf("%q is in clear in %v", secret, found)
			}
		}
		// And it is there, sealed.
		if n := e.count(t, `SELECT count(*) FROM dossiers WHERE code = $1 AND pickup_address_sealed IS NOT NULL
			AND delivery_address_sealed IS NOT NULL`, d.Code); n != 1 {
			t.Error("the dossier's addresses are not kept")
		}
		if n := e.count(t, `SELECT count(*) FROM shipments WHERE tracking_number = ANY($1) AND address_sealed IS NOT NULL`,
			[]string{pickup.TrackingNumber, delivery.TrackingNumber, byDesk.TrackingNumber}); n != 3 {
			t.Errorf("%d of 3 shipments keep their address", n)
		}
		if n := e.count(t, `SELECT count(*) FROM shipment_events WHERE event_id = $1 AND recipient_name_sealed IS NOT NULL
			AND id_last4_sealed IS NOT NULL AND length(id_last4_sealed) > 4 AND signature_png IS NOT NULL
			AND substr(signature_png, 1, 8) <> '\x89504e470d0a1a0a'::bytea`, done["event_id"]); n != 1 {
			t.Error("the proof of delivery is not kept sealed")
		}
	})

	t.Run("nor published nor logged", func(t *testing.T) {
		for _, ev := range e.postalEvents(t) {
			for _, secret := range []string{pickupAddress, deliveryAddress, deskAddress, recipient} {
				if strings.Contains(string(ev.Data), secret) {
					t.Errorf("%s carries %q", ev.Subject, secret)
				}
			}
		}
		logs := e.Logs.String()
		for _, secret := range []string{pickupAddress, deliveryAddress, deskAddress, recipient} {
			if strings.Contains(logs, secret) {
				t.Errorf("the log carries %q", secret)
			}
		}
	})

	reads := func(who, purpose string) int {
		return e.count(t, "SELECT count(*) FROM personal_data_reads WHERE username = $1 AND purpose = $2", who, purpose)
	}
	t.Run("staff reads are audited", func(t *testing.T) {
		before := reads("desk.xuanloc", "view")
		v := e.get(t, "desk.xuanloc", delivery.TrackingNumber)
		if v.Address != deliveryAddress || v.Events[len(v.Events)-1].Proof.RecipientName != recipient {
			t.Fatalf("the desk reads %+v", v)
		}
		if n := e.count(t, `SELECT count(*) FROM personal_data_reads r JOIN shipments s ON s.id = r.shipment_id
			WHERE s.tracking_number = $1 AND r.username = 'desk.xuanloc' AND r.purpose = 'view'
			AND r.at > now() - interval '1 minute'`, delivery.TrackingNumber); n != 1 || reads("desk.xuanloc", "view") != before+1 {
			t.Errorf("the read of %s is audited %d times", delivery.TrackingNumber, n)
		}

		before = reads("desk.xuanloc", "list")
		list := e.shipments(t, "desk.xuanloc", d.Code)
		if got := reads("desk.xuanloc", "list"); got != before+len(list) || len(list) != 3 {
			t.Errorf("a list of %d shipments is audited %d times", len(list), got-before)
		}

		before = reads("postal.xuanloc", "manifest")
		var m apiclient.Manifest
		today := worktime.DateOf(time.Now().In(worktime.VietnamLocation())).String()
		e.call(t, "GET", "/api/v1/manifests?office="+districtPostOffice+"&date="+today, e.token(t, "postal.xuanloc"), nil).
			Expect(t, http.StatusOK).Decode(t, &m)
		if got := reads("postal.xuanloc", "manifest"); got != before+len(m.Pickups)+len(m.Deliveries) || len(m.Pickups) == 0 {
			t.Errorf("a run sheet of %d pickups and %d deliveries is audited %d times", len(m.Pickups), len(m.Deliveries), got-before)
		}

		// An administrator reads who read the dossier's addresses, as JSON or a spreadsheet.
		var audit struct {
			Items []struct {
				Username, Purpose, TrackingNumber string
			} `json:"items"`
		}
		admin := e.token(t, "admin.giaray")
		e.call(t, "GET", "/api/v1/audit/address-reads?dossier="+d.Code, admin, nil).Expect(t, http.StatusOK).Decode(t, &audit)
		if n := e.count(t, `SELECT count(*) FROM personal_data_reads r JOIN shipments s ON s.id = r.shipment_id
			JOIN dossiers d ON d.id = s.dossier_id WHERE d.code = $1`, d.Code); len(audit.Items) != n || n == 0 {
			t.Errorf("the audit lists %d reads of %d", len(audit.Items), n)
		}
		csv, err := e.do("GET", "/api/v1/audit/address-reads?dossier="+d.Code+"&format=csv", admin, nil)
		if err != nil || csv.Status != http.StatusOK || !strings.Contains(string(csv.Body), "at,username,purpose,tracking_number") {
			t.Errorf("the audit as a spreadsheet: %v %d %s", err, csv.Status, csv.Body)
		}
		e.call(t, "GET", "/api/v1/audit/address-reads?dossier="+d.Code, e.token(t, "desk.xuanloc"), nil).ExpectError(t, http.StatusForbidden, "forbidden", "")
		e.call(t, "GET", "/api/v1/audit/address-reads?dossier="+districtDesk+"-261201-9999", admin, nil).ExpectError(t, http.StatusNotFound, "not_found", "")

		// A refused read reads nothing.
		total := e.count(t, "SELECT count(*) FROM personal_data_reads")
		e.call(t, "GET", "/api/v1/shipments/"+delivery.TrackingNumber, e.token(t, "postal.giaray"), nil).
			ExpectError(t, http.StatusNotFound, "", "")
		if got := e.count(t, "SELECT count(*) FROM personal_data_reads"); got != total {
			t.Errorf("a refused read was audited")
		}
	})

	t.Run("the address a desk's request shows is audited", func(t *testing.T) {
		total := e.count(t, "SELECT count(*) FROM personal_data_reads")
		var v apiclient.Shipment
		e.create(t, "desk.xuanloc", map[string]any{"dossier_code": d.Code, "kind": "pickup"}).
			Expect(t, http.StatusCreated).Decode(t, &v)
		if v.Address != pickupAddress {
			t.Fatalf("the pickup's address: %q", v.Address)
		}
		if got := e.count(t, "SELECT count(*) FROM personal_data_reads"); got != total+1 {
			t.Errorf("the citizen's address was shown unaudited (%d reads recorded)", got-total)
		}
	})
}
