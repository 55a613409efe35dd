package browser

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/google/uuid"

	"github.com/motcua/motcua/services/platform/apiclient"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// postalWorker is the district post office's worker of the demo, who delivers the
// district desk's results.
const postalWorker = "postal.xuanloc"

// postalResultByPost registers a dossier at the district desk whose result goes to the
// applicant by post, has the office decide it, and waits for the post's delivery
// shipment. It returns the dossier's code, its lookup PIN and the tracking number.
func postalResultByPost(t *testing.T, s *staff, i int) (code, pin, tn string) {
	t.Helper()
	receipt := s.register("2.000720", i, func(request map[string]any) {
		request["result_delivery"] = map[string]string{"method": "post", "address": "Số 12, ấp Trung Lương, xã Xuân Hiệp, huyện Xuân Lộc"}
	})
	s.act("officer.xuanloc", receipt.Code, "accept", `{}`)
	s.act("officer.xuanloc", receipt.Code, "complete", `{"outcome":"approved","note":"Đủ điều kiện"}`)
	waitfor.Until(t, "the delivery of "+receipt.Code, func() bool {
		a := s.call(postalWorker, http.MethodGet, "/api/v1/shipments?dossier="+url.QueryEscape(receipt.Code), nil)
		var list apiclient.Shipments
		if a.Status != http.StatusOK || json.Unmarshal(a.Body, &list) != nil {
			return false
		}
		for _, it := range list.Items {
			if it.Kind == "delivery" {
				tn = it.TrackingNumber
			}
		}
		return tn != ""
	})
	return receipt.Code, receipt.LookupPIN, tn
}

// postalShipmentOf reads the shipment with its steps as the postal worker.
func postalShipmentOf(t *testing.T, s *staff, tn string) apiclient.Shipment {
	t.Helper()
	a := s.call(postalWorker, http.MethodGet, "/api/v1/shipments/"+tn, nil)
	var v apiclient.Shipment
	if a.Status != http.StatusOK || json.Unmarshal(a.Body, &v) != nil {
		t.Fatalf("GET shipment %s: %d %s", tn, a.Status, a.Body)
	}
	return v
}

// postalConfirm submits the confirmation form of step typ on the shipment's page and
// waits for the page to show it recorded (each step once in these journeys).
func postalConfirm(t *testing.T, ctx context.Context, typ string, fill ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	form := "#form-" + typ
	actions := append([]chromedp.Action[chromedp.Void]{chromedp.WaitVisible(chromedp.CSS(form))}, fill...)
	actions = append(actions, chromedp.Click(chromedp.CSS(form+` button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#steps li[data-type="`+typ+`"]`)), chromedp.WaitVisible(chromedp.CSS("#notice")))
	step(t, ctx, "confirm "+typ, actions...)
	if got := text(t, ctx, "#notice"); !strings.HasPrefix(got, "Đã ghi nhận: ") {
		t.Errorf("after confirming %s the page says %q", typ, got)
	}
}

// postalSign draws a stroke across the canvas matching sel with the mouse, as a
// recipient signs with a finger.
func postalSign(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	step(t, ctx, "show the signature pad", chromedp.ScrollIntoView(chromedp.CSS(sel)))
	box, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](
		`(() => { const r = document.querySelector(`+jsString(sel)+`).getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`))
	if err != nil || len(box) != 4 || box[2] < 50 || box[3] < 20 {
		t.Fatalf("the signature pad's box: %v %v", box, err)
	}
	mouse := func(typ input.DispatchMouseEventType, fx, fy float64) {
		p := input.DispatchMouseEventParams{Type: typ, X: box[0] + fx*box[2], Y: box[1] + fy*box[3],
			Button: input.MouseButtonLeft, Buttons: 1, ClickCount: 1}
		if typ == input.DispatchMouseEventTypeMouseMoved {
			p.ClickCount = 0
		}
		if _, err := chromedp.Call(ctx, input.DispatchMouseEvent, p); err != nil {
			t.Fatalf("draw the signature: %v", err)
		}
	}
	mouse(input.DispatchMouseEventTypeMousePressed, .1, .6)
	for i := 1; i <= 12; i++ {
		x := .1 + .07*float64(i)
		y := .6 - .3*float64(i%3)/2
		mouse(input.DispatchMouseEventTypeMouseMoved, x, y)
	}
	mouse(input.DispatchMouseEventTypeMouseReleased, .94, .5)
}

// postalFillDelivery fills the delivery form: the recipient, relation, ID checked and the
// drawn signature.
func postalFillDelivery(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	step(t, ctx, "fill the delivery's proof",
		chromedp.WaitVisible(chromedp.CSS("#signature-pad")),
		chromedp.SendKeys(chromedp.CSS("#delivered-recipient_name"), name),
		chromedp.SetValue(chromedp.CSS("#delivered-relation"), "self"),
		chromedp.SendKeys(chromedp.CSS("#delivered-id_last4"), "1234"))
	postalSign(t, ctx, "#signature-pad")
	sig, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('signature_png').value`))
	if err != nil || !strings.HasPrefix(sig, "data:image/png;base64,") || len(sig) < 200 {
		t.Fatalf("the drawn signature is not in the form (%d characters): %v", len(sig), err)
	}
}

// TestPostalDeliveryJourney: a result goes out by post; the postal worker signs in on
// the pages, finds the shipment on the day's manifest, seals and collects it, goes out
// and confirms the delivery with the recipient's signature drawn on the screen; the
// citizen's lookup shows it delivered.
func TestPostalDeliveryJourney(t *testing.T) {
	ctx, base, s := startJourney(t, 120*time.Second)
	code, pin, tn := postalResultByPost(t, s, 501)

	signIn(t, ctx, base, postalWorker, "#day-form")
	// The receipt's lookup link pasted in the search finds the shipment; only the
	// dossier's code leaves the page, never the citizen's PIN.
	link := base + "/tra-cuu?" + url.Values{"code": {code}, "pin": {pin}}.Encode()
	submit(t, ctx, "find the shipment by the receipt's link", "#find-form", "#tracking-number",
		chromedp.Evaluate[chromedp.Void](`window.addEventListener('submit', () => sessionStorage.setItem('sent-q', document.getElementById('q').value))`),
		chromedp.SendKeys(chromedp.CSS("#q"), link))
	if sent, err := chromedp.Run(ctx, chromedp.Evaluate[string](`sessionStorage.getItem('sent-q') || ''`)); err != nil || sent != code {
		t.Errorf("the find form sent %q for the link, want the code %q alone (%v)", sent, code, err)
	}
	open(t, ctx, "open the day's manifest", base+"/buu-chinh", "#ship-"+tn)
	follow(t, ctx, "open the shipment from the manifest", "#ship-"+tn, "#tracking-number")
	expectShown(t, ctx, "the shipment",
		shown{"tracking number", "#tracking-number", tn},
		shown{"status", "#status", "Chờ bưu điện nhận"},
		shown{"dossier", "#dossier-code", code})

	// A seal number with a space is told beside the field, in Vietnamese.
	step(t, ctx, "seal with a wrong number", chromedp.SendKeys(chromedp.CSS("#accepted-seal_number"), "XL 01"),
		chromedp.Click(chromedp.CSS(`#form-accepted button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#accepted-seal_number-error")))
	if got := text(t, ctx, "#accepted-seal_number-error"); !strings.Contains(got, "Số niêm phong chỉ gồm") {
		t.Errorf("a wrong seal shows %q", got)
	}
	postalConfirm(t, ctx, "accepted", chromedp.SetValue(chromedp.CSS("#accepted-seal_number"), "XL-2026-000501"))
	postalConfirm(t, ctx, "picked_up")
	postalConfirm(t, ctx, "out_for_delivery")
	postalFillDelivery(t, ctx, "Nguyễn Văn An")
	postalConfirm(t, ctx, "delivered")
	expectStatus(t, ctx, "after the delivery", "Đã phát thành công")
	screenshots(t, ctx, "postal-delivery-worker")
	v := postalShipmentOf(t, s, tn)
	if v.Status != "delivered" || v.SealNumber != "XL-2026-000501" || v.EventsOf("delivered") != 1 {
		t.Fatalf("the post has %+v", v)
	}
	if p := v.Events[len(v.Events)-1].Proof; p == nil || p.RecipientName != "Nguyễn Văn An" || p.Relation != "self" ||
		p.IDLast4 != "1234" || v.Events[len(v.Events)-1].By != postalWorker {
		t.Errorf("the proof of delivery: %+v", v.Events[len(v.Events)-1])
	}

	// The citizen sees the result delivered.
	waitfor.Until(t, "the delivery in the citizen's lookup", func() bool {
		status, out, err := s.c.Track(context.Background(), s.addr, code, pin)
		if err != nil || status != http.StatusOK {
			return false
		}
		b, _ := json.Marshal(out["shipments"])
		return strings.Contains(string(b), `"status":"delivered"`)
	})
	open(t, ctx, "the citizen's lookup", link, "#shipments")
	if got := text(t, ctx, "#shipments"); !strings.Contains(got, tn) || !strings.Contains(got, "Đã phát thành công") {
		t.Errorf("the citizen reads %q", got)
	}
	screenshots(t, ctx, "postal-delivery")
}

// postalNetwork is Network.emulateNetworkConditions, which cuts a tab's requests
// (deprecated in the protocol in favour of rules, but what this Chromium obeys).
var postalNetwork = cdp.Command[postalConditions, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

// postalConditions are postalNetwork's parameters.
type postalConditions struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

// postalOffline cuts the tab of ctx from the network, or restores it. Cut, its
// requests fail; when the phone also knows it (known), navigator.onLine is false and the
// page hears "offline", otherwise the page believes it is online (a weak signal that
// carries nothing). Restored, the page hears "online".
func postalOffline(t *testing.T, ctx context.Context, off, known bool) {
	t.Helper()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, postalNetwork, postalConditions{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatalf("emulate offline=%v: %v", off, err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: off && known, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatalf("override the network state offline=%v: %v", off && known, err)
	}
}

// postalQueue is the phone's queue of confirmations, as the page keeps it.
const postalQueue = `JSON.parse(localStorage.getItem('motcua.postal.queue') || '[]')`

// TestPostalOfflineJourney: the postal worker opens a shipment by typing its number. The
// signal fades (the phone believes it is online but nothing gets through) and the worker
// confirms going out for delivery; then the phone loses the network and the worker
// confirms the delivery with a drawn signature. The page keeps both and says so, and the
// server has neither. Back online, the page sends them in order, and the server records
// each once; sending them again changes nothing, and a changed copy is refused in words.
func TestPostalOfflineJourney(t *testing.T) {
	ctx, base, s := startJourney(t, 120*time.Second)
	_, _, tn := postalResultByPost(t, s, 502)
	for _, st := range []string{`{"type":"accepted","seal_number":"XL-2026-000502"}`, `{"type":"picked_up"}`} {
		var ev map[string]any
		_ = json.Unmarshal([]byte(st), &ev)
		ev["event_id"] = uuid.NewString()
		ev["occurred_at"] = time.Now().Format(time.RFC3339Nano)
		b, _ := json.Marshal(ev)
		if a := s.call(postalWorker, http.MethodPost, "/api/v1/shipments/"+tn+"/events", b); a.Status != http.StatusOK {
			t.Fatalf("%s: %d %s", st, a.Status, a.Body)
		}
	}

	signIn(t, ctx, base, postalWorker, "#day-form")
	lower := strings.ToLower(tn[:2]) + " " + tn[2:6] + " " + tn[6:]
	submit(t, ctx, "find the shipment by typing its number", "#find-form", "#form-delivered",
		chromedp.SendKeys(chromedp.CSS("#q"), lower))
	if got := text(t, ctx, "#tracking-number"); got != tn {
		t.Fatalf("typing %q opened %q", lower, got)
	}

	// A confirmation of another account, left on this shared phone, is never sent with
	// this worker's session, and the worker is told it waits.
	const foreign = `{"id":"00000000-0000-4000-8000-000000000001","user":"postal.other","url":"/buu-chinh/buu-gui/EE123456785VN","tracking":"EE123456785VN","type":"picked_up","fields":{"type":"picked_up"}}`
	step(t, ctx, "another account's confirmation waits on the phone",
		chromedp.Evaluate[chromedp.Void](`localStorage.setItem('motcua.postal.queue', '[`+foreign+`]')`),
		chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#queue-others")))
	if got := text(t, ctx, "#queue-others"); !strings.Contains(got, "1 xác nhận của tài khoản khác") {
		t.Errorf("the other account's confirmation reads %q", got)
	}
	if q, err := chromedp.Run(ctx, chromedp.Evaluate[string](`localStorage.getItem('motcua.postal.queue')`)); err != nil || q != "["+foreign+"]" {
		t.Errorf("the other account's confirmation was sent or lost: %s %v", q, err)
	}
	step(t, ctx, "leave the other account's confirmation aside", chromedp.Evaluate[chromedp.Void](`localStorage.removeItem('motcua.postal.queue')`))

	// A weak signal: the request fails, the confirmation waits on the phone.
	postalOffline(t, ctx, true, false)

	// The phone's storage is full: the confirmation is not kept, the worker is told so
	// plainly and may confirm again.
	step(t, ctx, "confirm with the storage full",
		chromedp.Evaluate[chromedp.Void](`window.realSetItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }`),
		chromedp.Click(chromedp.CSS(`#form-out_for_delivery button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#out_for_delivery-error")))
	if got := text(t, ctx, "#out_for_delivery-error"); !strings.Contains(got, "CHƯA được lưu") {
		t.Errorf("a full storage reads %q", got)
	}
	if disabled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#form-out_for_delivery button[type="submit"]').disabled`)); err != nil || disabled {
		t.Errorf("after a full storage the button is disabled (%v)", err)
	}
	step(t, ctx, "the storage has room again", chromedp.Evaluate[chromedp.Void](`Storage.prototype.setItem = window.realSetItem`))
	step(t, ctx, "go out for delivery with a weak signal", chromedp.Click(chromedp.CSS(`#form-out_for_delivery button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#queue-count")))
	if got := text(t, ctx, "#out_for_delivery-status"); got != "Đã lưu, sẽ gửi khi có mạng." {
		t.Errorf("the queued confirmation says %q", got)
	}

	// No network at all: the page says so, and keeps the delivery too.
	postalOffline(t, ctx, true, true)
	step(t, ctx, "the page knows it is offline", chromedp.WaitVisible(chromedp.CSS("#queue-offline")))
	postalFillDelivery(t, ctx, "Trần Thị Bích")
	step(t, ctx, "confirm the delivery offline", chromedp.Click(chromedp.CSS(`#form-delivered button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#delivered-status")))
	if got := text(t, ctx, "#delivered-status"); got != "Đã lưu, sẽ gửi khi có mạng." {
		t.Errorf("the queued delivery says %q", got)
	}
	if got := text(t, ctx, "#queue-count"); got != "Đang chờ gửi: 2 xác nhận." {
		t.Errorf("the queue says %q", got)
	}
	if got := text(t, ctx, "#queue-items"); !strings.Contains(got, tn+": Bắt đầu đi phát") || !strings.Contains(got, tn+": Phát thành công") {
		t.Errorf("the queue lists %q", got)
	}
	queued, err := chromedp.Run(ctx, chromedp.Evaluate[string](`localStorage.getItem('motcua.postal.queue')`))
	if err != nil || !strings.Contains(queued, `"type":"out_for_delivery"`) || !strings.Contains(queued, `"type":"delivered"`) {
		t.Fatalf("the phone's queue: %q %v", queued, err)
	}
	screenshots(t, ctx, "postal-offline-queued")
	if v := postalShipmentOf(t, s, tn); v.Status != "picked_up" || len(v.Events) != 3 {
		t.Fatalf("offline, the server already has %s with %d steps", v.Status, len(v.Events))
	}

	// Back online: both are sent, in order, each recorded once.
	postalOffline(t, ctx, false, false)
	step(t, ctx, "the page sends the queue once online",
		chromedp.WaitVisible(chromedp.CSS("#queue-sent")), chromedp.Poll[chromedp.Void](postalQueue+`.length === 0`))
	if got := text(t, ctx, "#queue-sent"); !strings.HasPrefix(got, "Đã gửi 2 xác nhận đang chờ.") {
		t.Errorf("after sending the page says %q", got)
	}
	v := postalShipmentOf(t, s, tn)
	if v.Status != "delivered" || len(v.Events) != 5 || v.EventsOf("out_for_delivery") != 1 || v.EventsOf("delivered") != 1 {
		t.Fatalf("back online the server has %s with %d steps", v.Status, len(v.Events))
	}

	// The same confirmations again, as a phone that lost the answers would send them:
	// recorded once still, and they leave the queue.
	step(t, ctx, "resend the same confirmations",
		chromedp.Evaluate[chromedp.Void](`localStorage.setItem('motcua.postal.queue', `+jsString(queued)+`); window.dispatchEvent(new Event('online'))`),
		chromedp.Poll[chromedp.Void](postalQueue+`.length === 0`))
	if v := postalShipmentOf(t, s, tn); len(v.Events) != 5 || v.EventsOf("delivered") != 1 {
		t.Errorf("after a resend the shipment has %d steps, %d deliveries; want 5 and 1", len(v.Events), v.EventsOf("delivered"))
	}
	problems, err := chromedp.Run(ctx, chromedp.Evaluate[string](`localStorage.getItem('motcua.postal.problems') || '[]'`))
	if err != nil || problems != "[]" {
		t.Errorf("the resend was refused: %s %v", problems, err)
	}

	// A copy changed on the phone under the same id is refused, and the worker reads why.
	step(t, ctx, "send a changed copy",
		chromedp.Evaluate[chromedp.Void](`(() => { const q = JSON.parse(`+jsString(queued)+`).slice(1); q[0].fields.id_last4 = '4321';
			localStorage.setItem('motcua.postal.queue', JSON.stringify(q)); window.dispatchEvent(new Event('online')); })()`),
		chromedp.WaitVisible(chromedp.CSS("#queue-problems li")), chromedp.Poll[chromedp.Void](postalQueue+`.length === 0`))
	if got := text(t, ctx, "#queue-problems li"); !strings.Contains(got, tn) || !strings.Contains(got, "nội dung khác") {
		t.Errorf("the refusal reads %q", got)
	}
	step(t, ctx, "dismiss the refusal", chromedp.Click(chromedp.CSS("#queue-dismiss")),
		chromedp.Poll[chromedp.Void](`!document.querySelector('#queue-problems li') && `+jsString("[]")+` === (localStorage.getItem('motcua.postal.problems') || '[]')`))
	if v := postalShipmentOf(t, s, tn); len(v.Events) != 5 {
		t.Errorf("the changed copy was recorded: %d steps", len(v.Events))
	}

	open(t, ctx, "reload the shipment", base+"/buu-chinh/buu-gui/"+tn, "#ended")
	expectStatus(t, ctx, "reloaded", "Đã phát thành công")
	screenshots(t, ctx, "postal-offline")

	// Signing out with nothing left to send: the worker's refusals leave the phone; the
	// other account's confirmation stays for its owner.
	step(t, ctx, "a refusal and another account's confirmation on the phone",
		chromedp.Evaluate[chromedp.Void](`localStorage.setItem('motcua.postal.problems', JSON.stringify([{user: `+jsString(postalWorker)+`, tracking: `+jsString(tn)+`, message: 'x'}]));
			localStorage.setItem('motcua.postal.queue', '[`+foreign+`]')`))
	signOut(t, ctx)
	problems, err = chromedp.Run(ctx, chromedp.Evaluate[string](`localStorage.getItem('motcua.postal.problems') || '[]'`))
	if err != nil || problems != "[]" {
		t.Errorf("after signing out the phone keeps the refusals %s %v", problems, err)
	}
	if q, err := chromedp.Run(ctx, chromedp.Evaluate[string](`localStorage.getItem('motcua.postal.queue')`)); err != nil || q != "["+foreign+"]" {
		t.Errorf("signing out dropped the other account's confirmation: %s %v", q, err)
	}
}
