package service_test

import (
	"net/http"
	"strings"
	"testing"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
)

// resultFile is the fingerprint of a result's file, as intake's Completed event gives it.
var resultFile = &dossierv1.File{Id: "5f0c4b1e-8d1a-4f7e-9a55-0b8f5d6c2e11", Name: "Giấy phép xây dựng.pdf",
	Sha256: strings.Repeat("cd", 32), Size: 3 << 20 / 2, ContentType: "application/pdf"}

// completedWith is a Completed event whose office attached file as the result, for a
// result given as delivery says.
func completedWith(delivery dossierv1.DeliveryMethod, file *dossierv1.File) func(*dossierv1.Event) {
	return func(e *dossierv1.Event) {
		e.Kind = &dossierv1.Event_Completed{Completed: &dossierv1.Completed{Outcome: dossierv1.Outcome_OUTCOME_APPROVED,
			ResultDelivery: delivery, ResultFile: file}}
	}
}

// downloaded is the Returned event of the citizen's first download of the electronic result.
func downloaded(e *dossierv1.Event) {
	e.Kind = &dossierv1.Event_Returned{Returned: &dossierv1.Returned{Electronic: true}}
}

// downloadable marks ev's state as one whose result the citizen can download.
func downloadable(ev *dossierv1.Event) *dossierv1.Event {
	ev.State.ResultDownloadable = true
	return ev
}

// TestLookupOffersTheElectronicResult: once the office completes a dossier whose result
// is given electronically with its file, the lookup (API and page) offers the download
// at intake's address with the code and PIN, and keeps offering it once the first
// download has returned the result, which the timeline names. A result given at the
// desk is never offered, file or not, and neither is one before it is ready.
func TestLookupOffersTheElectronicResult(t *testing.T) {
	t.Parallel()
	e := startEnvAt(t, at(3, 18, 9, 0))
	d := e.newDossier(due0)
	d.ev.GetReceived().Channel = dossierv1.Channel_CHANNEL_ONLINE
	d.ev.GetReceived().ResultDelivery = dossierv1.DeliveryMethod_DELIVERY_METHOD_ELECTRONIC
	e.received(d)
	atDesk := e.receivedDossier(due0)

	open := state{status: "processing", code: 4, current: deptB, due: due0}
	finished := at(3, 16, 10, 0)
	done := open
	done.status, done.code, done.finished, done.timing = "processed", 9, &finished, "early"
	back := done
	back.status, back.code = "returned", 10
	e.emit(event(d, 2, at(3, 10, 14, 0), open, deptB, accepted(deskA)),
		event(atDesk, 2, at(3, 10, 14, 0), open, deptB, accepted(deskA)),
		event(atDesk, 3, finished, done, deptB, completedWith(dossierv1.DeliveryMethod_DELIVERY_METHOD_DESK, resultFile)))
	e.settle()
	if _, ok := e.track(d).json(t)["result"]; ok {
		t.Errorf("a result is offered before the office completed the dossier: %s", e.track(d).body)
	}
	if _, ok := e.track(atDesk).json(t)["result"]; ok {
		t.Errorf("a result given at the desk is offered: %s", e.track(atDesk).body)
	}

	e.emit(downloadable(event(d, 3, finished, done, deptB, completedWith(dossierv1.DeliveryMethod_DELIVERY_METHOD_ELECTRONIC, resultFile))))
	e.settle()
	want := map[string]any{"name": "Giấy phép xây dựng.pdf", "content_type": "application/pdf", "size": float64(3 << 20 / 2),
		"sha256": strings.Repeat("cd", 32), "download_url": "/api/v1/track/" + d.code + "/result?pin=" + d.pin}
	got := e.track(d).json(t)
	assertSame(t, "the result offered", got["result"], want)
	shows(t, "the page of a result ready", e.page(defaultClient, lookupPage(d.code, d.pin), nil), http.StatusOK,
		[]string{`id="result"`, "Kết quả điện tử", `href="/api/v1/track/` + d.code + `/result?pin=` + d.pin + `"`,
			"Tải kết quả về", "Giấy phép xây dựng.pdf · 1,5 MB", "Lần tải đầu tiên được ghi nhận là bạn đã nhận kết quả"})
	shows(t, "in English", e.page(defaultClient, lookupPage(d.code, d.pin, "lang", "en"), nil), http.StatusOK,
		[]string{"Electronic result", "Download the result", "1.5 MB"})

	e.emit(downloadable(event(d, 4, at(3, 17, 9, 0), back, deptB, downloaded)))
	e.settle()
	got = e.track(d).json(t)
	assertSame(t, "the result once returned", got["result"], want)
	if got["status"] != "returned" || got["status_code"] != float64(10) {
		t.Errorf("after the download: %v (%v)", got["status"], got["status_code"])
	}
	types := timelineTypes(t, e.track(d))
	if last := types[len(types)-1]; last != "result_downloaded" {
		t.Errorf("timeline %v, want it to end with the download", types)
	}
	shows(t, "the page once returned", e.page(defaultClient, lookupPage(d.code, d.pin), nil), http.StatusOK,
		[]string{"Công dân đã tải về kết quả điện tử", `id="result-download"`, `id="rating"`})
}

// assertSame fails the test when got, a decoded JSON value, is not want.
func assertSame(t *testing.T, name string, got any, want map[string]any) {
	t.Helper()
	m, ok := got.(map[string]any)
	if !ok {
		t.Fatalf("%s: %v, want an object", name, got)
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s: %s = %v, want %v", name, k, m[k], v)
		}
	}
	if len(m) != len(want) {
		t.Errorf("%s: %v, want exactly %v", name, m, want)
	}
}
