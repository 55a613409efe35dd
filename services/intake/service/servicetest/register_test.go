package servicetest

import (
	"bytes"
	"context"
	"encoding/hex"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/lookuppin"
)

func TestRegister(t *testing.T) {
	t.Parallel()
	e := start(t)
	tok := e.token(t, "desk.xuanloc")
	body := registration(demo.DistrictDesk)

	before := time.Now().In(vietnam)
	r := e.register(t, tok, apitest.JSON(t, body))
	after := time.Now().In(vietnam)
	if r.Status != http.StatusCreated {
		t.Fatalf("%d %s", r.Status, r.Body)
	}
	var rc receipt
	r.Decode(t, &rc)

	t.Run("receipt", func(t *testing.T) {
		okCode := false
		for _, d := range []time.Time{before, after} {
			if rc.Code == demo.DistrictDesk+"-"+d.Format("060102")+"-0001" {
				okCode = true
			}
		}
		if !okCode {
			t.Errorf("code %q, want %s-%s-0001", rc.Code, demo.DistrictDesk, before.Format("060102"))
		}
		if len(rc.LookupPIN) < 8 || strings.Trim(rc.LookupPIN, lookuppin.Alphabet) != "" {
			t.Errorf("lookup_pin %q: want 8 or more characters from %s", rc.LookupPIN, lookuppin.Alphabet)
		}
		if rc.Status != "received" || rc.StatusCode != 2 {
			t.Errorf("status %q/%d, want received/2", rc.Status, rc.StatusCode)
		}
		received, err1 := time.Parse(time.RFC3339, rc.ReceivedAt)
		due, err2 := time.Parse(time.RFC3339, rc.DueAt)
		if err1 != nil || err2 != nil {
			t.Fatalf("times %q %q: %v %v", rc.ReceivedAt, rc.DueAt, err1, err2)
		}
		if !due.After(received) {
			t.Errorf("due_at %s not after received_at %s", rc.DueAt, rc.ReceivedAt)
		}
		if received.Before(before.Truncate(time.Second)) || received.After(after) {
			t.Errorf("received_at %s outside [%s, %s]", rc.ReceivedAt, before, after)
		}
		if !strings.HasSuffix(rc.ReceivedAt, "+07:00") || !strings.HasSuffix(rc.DueAt, "+07:00") {
			t.Errorf("times not in Vietnam time: %s %s", rc.ReceivedAt, rc.DueAt)
		}
		if rc.ReceiptURL != "/api/v1/dossiers/"+rc.Code+"/forms/receipt" {
			t.Errorf("receipt_url %q", rc.ReceiptURL)
		}
		if rc.ID == "" || r.Header.Get("Location") != "/api/v1/dossiers/"+rc.Code {
			t.Errorf("id %q, Location %q", rc.ID, r.Header.Get("Location"))
		}
		if !regexp.MustCompile(`^[0-9a-f-]{36}$`).MatchString(rc.ID) {
			t.Errorf("id %q is not a UUID", rc.ID)
		}
	})

	t.Run("event on the DOSSIER stream", func(t *testing.T) {
		ev := e.receivedEvent(t, rc.ID)
		rv := ev.GetReceived()
		if ev.GetDossierId() != rc.ID || ev.GetVersion() != 1 || rv.GetCode() != rc.Code {
			t.Fatalf("event %v", ev)
		}
		if rv.GetStatusCode() != 2 || rv.GetStatus() != "received" || rv.GetApplicantMaskedName() != "N. V. An" {
			t.Errorf("received %v", rv)
		}
		if rv.GetProcedure().GetCode() != "2.000720" || rv.GetReceivingOffice().GetCode() != demo.DistrictDesk ||
			rv.GetHandlingOffice().GetCode() != demo.DistrictDesk || rv.GetChannel() != dossierv1.Channel_CHANNEL_DESK {
			t.Errorf("received %v", rv)
		}
		if !bytes.Equal(rv.GetPinHash(), lookuppin.Hash(e.PINKey, rc.Code, rc.LookupPIN)) {
			t.Error("the event's PIN hash does not check against the receipt's PIN")
		}
		if ev.GetActor().GetUsername() != "desk.xuanloc" || rv.GetFeePaidVnd() != 100000 || rv.GetFeeDueVnd() != 100000 {
			t.Errorf("event %v", ev)
		}
		if rv.GetDueAt().AsTime().Format(time.RFC3339) != mustParse(t, rc.DueAt).UTC().Format(time.RFC3339) {
			t.Errorf("event due %s, receipt due %s", rv.GetDueAt().AsTime(), rc.DueAt)
		}
	})

	t.Run("personal data sealed at rest", func(t *testing.T) {
		ctx := context.Background()
		var phone, id, addr []byte
		var name string
		err := e.DB.QueryRow(ctx, `SELECT applicant_phone_sealed, applicant_id_sealed, applicant_address_sealed, applicant_name
			FROM intake.dossiers WHERE code = $1`, rc.Code).Scan(&phone, &id, &addr, &name)
		if err != nil {
			t.Fatal(err)
		}
		if len(phone) == 0 || len(id) == 0 || len(addr) == 0 {
			t.Fatal("personal data not stored")
		}
		applicant := body["applicant"].(map[string]any)
		for _, c := range []struct {
			col   string
			value []byte
		}{{"phone", phone}, {"id", id}, {"address", addr}} {
			for _, secret := range []string{"0912345678", "075123456789", applicant["address"].(string)} {
				if bytes.Contains(c.value, []byte(secret)) {
					t.Errorf("%s column holds %q in plain text", c.col, secret)
				}
			}
		}
		if name != "Nguyễn Văn An" {
			t.Errorf("applicant_name %q", name)
		}
	})

	t.Run("personal data and PIN nowhere in the intake schema", func(t *testing.T) {
		secrets := []string{rc.LookupPIN, "0912345678", "075123456789", applicantAddress, "an.nguyen@example.vn"}
		for table, rows := range e.schemaText(t) {
			for _, row := range rows {
				for _, s := range secrets {
					if strings.Contains(row, s) || strings.Contains(row, hex.EncodeToString([]byte(s))) {
						t.Errorf("intake.%s holds %q: %.200s", table, s, row)
					}
				}
			}
		}
	})

	t.Run("by post", func(t *testing.T) { testRegisterByPost(t, e) })
}

// testRegisterByPost registers a dossier that comes and goes by post: the result address
// falls back to the applicant's, and the event says so.
func testRegisterByPost(t *testing.T, e *env) {
	body := registration("000.01.16.H19")
	body["procedure_code"] = "1.001193" // birth registration, same day
	body["channel"] = "post"
	body["result_delivery"] = map[string]any{"method": "post"}
	r := e.register(t, e.token(t, "desk.giaray"), apitest.JSON(t, body))
	if r.Status != http.StatusCreated {
		t.Fatalf("%d %s", r.Status, r.Body)
	}
	var rc receipt
	r.Decode(t, &rc)
	if !strings.HasPrefix(rc.Code, "000.01.16.H19-") || !strings.HasSuffix(rc.Code, "-0001") {
		t.Errorf("code %q", rc.Code)
	}
	received, due := mustParse(t, rc.ReceivedAt), mustParse(t, rc.DueAt)
	if !due.After(received) || due.In(vietnam).Format("15:04") != "17:00" {
		t.Errorf("same-day procedure received %s due %s, want the close of a working day", received, due)
	}
	var sealed []byte
	if err := e.DB.QueryRow(context.Background(), "SELECT result_address_sealed FROM intake.dossiers WHERE code = $1",
		rc.Code).Scan(&sealed); err != nil || len(sealed) == 0 {
		t.Fatalf("result address not stored: %v", err)
	}
	rv := e.receivedEvent(t, rc.ID).GetReceived()
	if rv.GetChannel() != dossierv1.Channel_CHANNEL_POST || rv.GetResultDelivery() != dossierv1.DeliveryMethod_DELIVERY_METHOD_POST {
		t.Errorf("event %v", rv)
	}
}
