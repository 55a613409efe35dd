package browser

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// handoverItems has Bảo Hòa's postal point take n dossiers at its counter for the
// district desk and send them on, through the API; it returns the pickups' numbers, on
// their way to the district post office, which hands them over.
func handoverItems(t *testing.T, s *staff, n int) []string {
	t.Helper()
	baohoa := demo.PostOfficeOf("000.02.16.H19")
	var tns []string
	for i := range n {
		body, _ := json.Marshal(map[string]any{
			"procedure_code": "2.000720", "receiving_office": demo.DistrictDesk, "channel": "post",
			"post_office": baohoa, "seal_number": fmt.Sprintf("NP-2026-%06d", 900+i), "postage_vnd": 26000, "fee_paid_vnd": 100000,
			"applicant":       map[string]string{"full_name": "Phạm Thị Lan", "id_number": fmt.Sprintf("0751234567%02d", i), "phone": "0912345670"},
			"documents":       []map[string]any{{"name": "Giấy đề nghị đăng ký hộ kinh doanh", "kind": "original"}},
			"result_delivery": map[string]string{"method": "desk"},
		})
		a := s.call("postal.baohoa", http.MethodPost, "/api/v1/dossiers", body)
		var got struct {
			Shipment struct {
				TrackingNumber string `json:"tracking_number"`
			} `json:"shipment"`
		}
		if a.Status != http.StatusCreated || json.Unmarshal(a.Body, &got) != nil {
			t.Fatalf("the counter's registration: %d %s", a.Status, a.Body)
		}
		tns = append(tns, got.Shipment.TrackingNumber)
	}
	for _, tn := range tns {
		waitfor.Until(t, "the pickup "+tn+" accepted", func() bool {
			a := s.call("postal.baohoa", http.MethodGet, "/api/v1/shipments/"+tn, nil)
			return a.Status == http.StatusOK && strings.Contains(string(a.Body), `"status":"accepted"`)
		})
		step, _ := json.Marshal(map[string]string{"event_id": uuid.NewString(), "type": "in_transit",
			"occurred_at": time.Now().Format(time.RFC3339Nano)})
		if a := s.call("postal.baohoa", http.MethodPost, "/api/v1/shipments/"+tn+"/events", step); a.Status != http.StatusOK {
			t.Fatalf("in transit %s: %d %s", tn, a.Status, a.Body)
		}
	}
	return tns
}

// TestHandoverJourney: on a 360-px phone, the district post office's worker draws up a
// hand-over record of the items Bảo Hòa's postal point sent on, typing and pasting their
// numbers in one box (one in lower case with spaces, as typed by hand); the desk's clerk,
// on a phone too, finds the record among the desk's, signs it on the screen and confirms
// it. Every item is then delivered, and the record reads confirmed on both sides. Every
// page visited passes the accessibility checks.
func TestHandoverJourney(t *testing.T) {
	ctx, base, s := startJourney(t, 180*time.Second)
	tns := handoverItems(t, s, 4)
	onPhone(t, ctx)

	signIn(t, ctx, base, postalWorker, "#day-form")
	follow(t, ctx, "open the hand-over form from the manifest", "#give-link", "#give-form")
	if got := text(t, ctx, "#to_office"); !strings.Contains(got, "Bộ phận Một cửa huyện Xuân Lộc (4 bưu gửi chờ giao)") {
		t.Errorf("the receiving offices offered: %q", got)
	}
	typed := tns[0] + "\n" + strings.ToLower(tns[1][:2]) + " " + tns[1][2:6] + " " + tns[1][6:] + "\n" + tns[2] + ", " + tns[3]
	step(t, ctx, "type the numbers", chromedp.SetValue(chromedp.CSS("#to_office"), demo.DistrictDesk),
		chromedp.SendKeys(chromedp.CSS("#tracking_numbers"), typed), chromedp.WaitVisible(chromedp.CSS("#tracking_numbers-count")))
	if got := text(t, ctx, "#tracking_numbers-count"); got != "Đã nhập 4 số hiệu." {
		t.Errorf("the count of numbers typed: %q", got)
	}
	screenshots(t, ctx, "handover-give")
	onPhone(t, ctx)
	submit(t, ctx, "draw the record up", "#give-form", "#handover-title")
	if got := text(t, ctx, "#notice"); !strings.HasPrefix(got, "Đã lập biên bản số ") {
		t.Errorf("after drawing it up the page says %q", got)
	}
	expectShown(t, ctx, "the record drawn up",
		shown{"status", "#status", "Chờ bên nhận xác nhận"},
		shown{"receiving office", "#to-office", "Bộ phận Một cửa huyện Xuân Lộc"},
		shown{"items", "#item-count", "4"})
	if count(t, ctx, "#items li") != 4 || count(t, ctx, "#confirm-form") != 0 {
		t.Errorf("the worker's record lists %d items, offers the confirmation %d times", count(t, ctx, "#items li"), count(t, ctx, "#confirm-form"))
	}
	title := text(t, ctx, "#handover-title")
	signOut(t, ctx)

	signIn(t, ctx, base, "desk.xuanloc", "#list-title")
	open(t, ctx, "the desk's hand-over records", base+"/ban-giao", "#handovers")
	follow(t, ctx, "open the record to confirm", "#handovers a.tn", "#confirm-form")
	if got := text(t, ctx, "#handover-title"); got != title {
		t.Errorf("the desk opened %q, the worker drew up %q", got, title)
	}
	postalSign(t, ctx, "#signature-pad")
	sig, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('signature_png').value`))
	if err != nil || !strings.HasPrefix(sig, "data:image/png;base64,") {
		t.Fatalf("the drawn signature is not in the form: %v", err)
	}
	submit(t, ctx, "confirm the record", "#confirm-form", "#notice")
	if got := text(t, ctx, "#notice"); got != "Đã xác nhận biên bản: 4 bưu gửi đã được giao cho cơ quan nhận." {
		t.Errorf("after confirming the page says %q", got)
	}
	expectStatus(t, ctx, "confirmed", "Bên nhận đã xác nhận")
	if got := text(t, ctx, "#confirmed-by"); !strings.HasPrefix(got, "desk.xuanloc · ") {
		t.Errorf("confirmed by %q", got)
	}
	if got := text(t, ctx, "#items"); strings.Count(got, "Đã phát thành công") != 4 {
		t.Errorf("the items after the confirmation: %q", got)
	}
	screenshots(t, ctx, "handover-confirmed")
	for _, tn := range tns {
		a := s.call(postalWorker, http.MethodGet, "/api/v1/shipments/"+tn, nil)
		if a.Status != http.StatusOK || !strings.Contains(string(a.Body), `"status":"delivered"`) {
			t.Errorf("%s after the record: %d %s", tn, a.Status, a.Body)
		}
	}
}
