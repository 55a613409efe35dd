package servicetest

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"testing"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// completion is a multipart complete: the command part (JSON) and, when file is set,
// the result part.
func completion(t testing.TB, command any, file []byte) (body []byte, contentType string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	w, err := mw.CreateFormField("command")
	if err != nil {
		t.Fatal(err)
	}
	w.Write(apitest.JSON(t, command))
	if file != nil {
		w, err := mw.CreateFormFile("result", "Giấy chứng nhận đăng ký hộ kinh doanh.pdf")
		if err != nil {
			t.Fatal(err)
		}
		w.Write(file)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), mw.FormDataContentType()
}

// download asks for the electronic result of code with pin, as a citizen does.
func (e *env) download(t testing.TB, code, pin string) apitest.Reply {
	t.Helper()
	r, err := e.do("GET", "/api/v1/track/"+code+"/result?pin="+pin, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// dossierEventsOf are the events of the dossier with code, from its outbox rows, in
// the order they were written.
func (e *env) dossierEventsOf(t testing.TB, code string) []*dossierv1.Event {
	t.Helper()
	rows, err := e.DB.Query(t.Context(), `SELECT o.payload FROM outbox o JOIN dossiers d
		ON o.subject LIKE 'dossier.v1.' || d.id || '.%' WHERE d.code = $1 ORDER BY o.id`, code)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []*dossierv1.Event
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			t.Fatal(err)
		}
		out = append(out, decodeEvent(t, data))
	}
	return out
}

// returns counts the returned events and download steps of the dossier with code.
func (e *env) returns(t testing.TB, code string) (events, steps int) {
	t.Helper()
	for _, ev := range e.dossierEventsOf(t, code) {
		if ev.GetReturned() != nil {
			events++
		}
	}
	steps = e.count(t, `SELECT count(*) FROM dossier_steps s JOIN dossiers d ON d.id = s.dossier_id
		WHERE d.code = $1 AND s.action = 'download'`, code)
	return events, steps
}

// TestElectronicResultOnline: a citizen submits online asking for the result
// electronically; the desk receives the dossier and, deciding it itself, accepts it. An
// approved complete without the result's file is refused (422, result_file_id); with
// the file (multipart) the dossier is processed and the citizen is told. The citizen
// downloads the very bytes, served as a handed-in file is, and the result is returned
// (10) with one returned event; a second download gives the bytes again and changes
// nothing; a wrong PIN is 404, as at the lookup.
func TestElectronicResultOnline(t *testing.T) {
	mails := mailtest.Start(t)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	citizen := e.contactToken(t, mails, "ket.qua@example.vn")
	application := onlineApplication()
	application["result_delivery"] = map[string]any{"method": "electronic"}
	body, ct := submission(t, application, upload{"cccd", "cccd.pdf", pdf(4 << 10)})
	var got submitted
	e.call(t, "POST", "/api/v1/public/dossiers", citizen, body, "Content-Type", ct).
		Expect(t, http.StatusCreated).Decode(t, &got)
	code := got.Code
	// Nothing to download before the result: the right PIN is told so (409).
	e.call(t, "GET", "/api/v1/track/"+code+"/result?pin="+got.LookupPIN, "", nil).
		ExpectError(t, http.StatusConflict, "no_electronic_result", "")

	e.actOK(t, "desk.xuanloc", code, "receive", map[string]any{})
	e.actOK(t, "desk.xuanloc", code, "accept", map[string]any{})
	r := e.act(t, "desk.xuanloc", code, "complete", map[string]any{"outcome": "approved"})
	r.ExpectError(t, http.StatusUnprocessableEntity, "result_file_required", "result_file_id")
	if msg := r.APIError(t).Error.Message; !strings.Contains(msg, "kết quả điện tử") {
		t.Errorf("the refusal does not say why: %q", msg)
	}
	// A multipart body is for complete only.
	cbody, cct := completion(t, map[string]any{"note": "x"}, pdf(1<<10))
	e.call(t, "POST", "/api/v1/dossiers/"+code+"/actions/extend", e.token(t, "desk.xuanloc"), cbody, "Content-Type", cct).
		ExpectError(t, http.StatusUnsupportedMediaType, "multipart_only_complete", "")
	// An HTML page named .pdf is no result.
	cbody, cct = completion(t, map[string]any{"outcome": "approved"}, []byte("<html><script>alert(1)</script></html>"))
	e.call(t, "POST", "/api/v1/dossiers/"+code+"/actions/complete", e.token(t, "desk.xuanloc"), cbody, "Content-Type", cct).
		ExpectError(t, http.StatusUnprocessableEntity, "file_kind", "files")

	result := pdf(64 << 10)
	cbody, cct = completion(t, map[string]any{"outcome": "approved", "note": "Đã cấp giấy chứng nhận"}, result)
	var done state
	e.call(t, "POST", "/api/v1/dossiers/"+code+"/actions/complete", e.token(t, "desk.xuanloc"), cbody, "Content-Type", cct).
		Expect(t, http.StatusOK).Decode(t, &done)
	if done.Status != "processed" || done.StatusCode != 9 || done.LastStep == nil || done.LastStep.Action != "complete" {
		t.Fatalf("complete with the result: %+v", done)
	}
	waitfor.Until(t, "the citizen told the result is ready", func() (told bool) {
		for _, m := range mails.To(t, "ket.qua@example.vn") {
			told = told || strings.Contains(m.Subject, code) && strings.Contains(m.Text, "/tra-cuu?code="+code)
		}
		return told
	})

	e.call(t, "GET", "/api/v1/track/"+code+"/result?pin=WRONGPIN00", "", nil).
		ExpectError(t, http.StatusNotFound, "wrong_code_or_pin", "")

	sum := sha256.Sum256(result)
	first := e.download(t, code, got.LookupPIN)
	if first.Status != http.StatusOK || !bytes.Equal(first.Body, result) {
		t.Fatalf("first download: %d, %d bytes, not the %d attached", first.Status, len(first.Body), len(result))
	}
	if disposition, params, err := mime.ParseMediaType(first.Header.Get("Content-Disposition")); err != nil ||
		disposition != "inline" || params["filename"] != "Giấy chứng nhận đăng ký hộ kinh doanh.pdf" {
		t.Errorf("Content-Disposition %q", first.Header.Get("Content-Disposition"))
	}
	for header, want := range map[string]string{
		"Content-Type":           "application/pdf",
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "private, no-store",
		"Repr-Digest":            "sha-256=:" + base64.StdEncoding.EncodeToString(sum[:]) + ":",
	} {
		if got := first.Header.Get(header); got != want {
			t.Errorf("%s: %q, want %q", header, got, want)
		}
	}
	var whole struct {
		Status     string `json:"status"`
		StatusCode int    `json:"status_code"`
		Files      []struct {
			ID      string `json:"id"`
			Purpose string `json:"purpose"`
			SHA256  string `json:"sha256"`
		} `json:"files"`
	}
	e.call(t, "GET", "/api/v1/dossiers/"+code, e.token(t, "desk.xuanloc"), nil).Expect(t, http.StatusOK).Decode(t, &whole)
	if whole.Status != "returned" || whole.StatusCode != 10 {
		t.Errorf("after the first download: %s (%d), want returned (10)", whole.Status, whole.StatusCode)
	}
	var results int
	for _, f := range whole.Files {
		if f.Purpose == "result" && f.SHA256 == hex.EncodeToString(sum[:]) {
			results++
		}
	}
	if results != 1 {
		t.Errorf("the staff see %d result files among %+v, want the one attached", results, whole.Files)
	}

	again := e.download(t, code, got.LookupPIN)
	if again.Status != http.StatusOK || !bytes.Equal(again.Body, result) {
		t.Errorf("second download: %d, %d bytes", again.Status, len(again.Body))
	}
	if events, steps := e.returns(t, code); events != 1 || steps != 1 {
		t.Errorf("%d returned events and %d download steps after two downloads, want 1 and 1", events, steps)
	}
	evs := e.dossierEventsOf(t, code)
	var completed *dossierv1.Completed
	var returned *dossierv1.Event
	for _, ev := range evs {
		if c := ev.GetCompleted(); c != nil {
			completed = c
		}
		if ev.GetReturned() != nil {
			returned = ev
		}
	}
	if completed == nil || completed.GetResultDelivery() != dossierv1.DeliveryMethod_DELIVERY_METHOD_ELECTRONIC ||
		completed.GetResultFile().GetSha256() != hex.EncodeToString(sum[:]) {
		t.Errorf("completed event: %+v", completed)
	}
	if returned == nil || !returned.GetReturned().GetElectronic() || returned.GetState().GetStatusCode() != 10 ||
		!returned.GetState().GetResultDownloadable() || returned.GetActor().GetUsername() != "citizen" {
		t.Errorf("returned event: %+v", returned)
	}
	var received *dossierv1.Received
	for _, ev := range evs {
		if r := ev.GetReceived(); r != nil {
			received = r
		}
	}
	if received.GetResultDelivery() != dossierv1.DeliveryMethod_DELIVERY_METHOD_ELECTRONIC {
		t.Errorf("received event's delivery: %v", received.GetResultDelivery())
	}
}

// TestElectronicResultPostedFirst: a desk registers a dossier whose result is given
// electronically; the office posts the result's file first (only the office holding
// the dossier may, and only while it may complete it) and completes it naming the file.
// A file of another purpose or dossier is no result. Concurrent first downloads give
// the bytes to every one and return the result once.
func TestElectronicResultPostedFirst(t *testing.T) {
	e := start(t)
	body := registration(demo.DistrictDesk)
	body["result_delivery"] = map[string]any{"method": "electronic"}
	rc := e.registered(t, e.token(t, "desk.xuanloc"), body)
	other := e.registered(t, e.token(t, "desk.xuanloc"), registration(demo.DistrictDesk))

	result := pdf(20 << 10)
	post := func(user, code string, files ...upload) apitest.Reply {
		t.Helper()
		b, ct := submission(t, nil, files...)
		return e.call(t, "POST", "/api/v1/dossiers/"+code+"/files", e.token(t, user), b, "Content-Type", ct)
	}
	// Before the office accepts the dossier it cannot complete it, nor attach its result.
	post("desk.xuanloc", rc.Code, upload{"file", "kq.pdf", result}).ExpectError(t, http.StatusConflict, "action_not_allowed", "")
	e.actOK(t, "desk.xuanloc", rc.Code, "accept", map[string]any{})
	e.actOK(t, "desk.xuanloc", other.Code, "accept", map[string]any{})
	post("desk.giaray", rc.Code, upload{"file", "kq.pdf", result}).ExpectError(t, http.StatusNotFound, "dossier_not_found", "")
	post("desk.xuanloc", rc.Code).ExpectError(t, http.StatusUnprocessableEntity, "one_file", "file")
	post("desk.xuanloc", rc.Code, upload{"a", "a.pdf", result}, upload{"b", "b.pdf", result}).
		ExpectError(t, http.StatusUnprocessableEntity, "one_file", "file")

	var posted struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		SHA256 string `json:"sha256"`
		Size   int64  `json:"size"`
	}
	post("desk.xuanloc", rc.Code, upload{"file", "Kết quả.pdf", result}).Expect(t, http.StatusCreated).Decode(t, &posted)
	sum := sha256.Sum256(result)
	if posted.ID == "" || posted.SHA256 != hex.EncodeToString(sum[:]) || posted.Size != int64(len(result)) || posted.Name != "Kết quả.pdf" {
		t.Fatalf("posted: %+v", posted)
	}
	var elsewhere struct {
		ID string `json:"id"`
	}
	post("desk.xuanloc", other.Code, upload{"file", "khac.pdf", pdf(1 << 10)}).Expect(t, http.StatusCreated).Decode(t, &elsewhere)
	for _, id := range []string{elsewhere.ID, "not-a-file", "0b5c8f0e-1111-4222-8333-444455556666"} {
		e.act(t, "desk.xuanloc", rc.Code, "complete", map[string]any{"outcome": "approved", "result_file_id": id}).
			ExpectError(t, http.StatusUnprocessableEntity, "unknown_result_file", "result_file_id")
	}
	s := e.actOK(t, "desk.xuanloc", rc.Code, "complete", map[string]any{"outcome": "approved", "result_file_id": posted.ID})
	if s.Status != "processed" {
		t.Fatalf("complete naming the file: %+v", s)
	}
	// The other dossier's result is given at the desk: nothing to download.
	e.call(t, "GET", "/api/v1/track/"+other.Code+"/result?pin="+other.LookupPIN, "", nil).
		ExpectError(t, http.StatusConflict, "no_electronic_result", "")

	const downloads = 6
	var wg sync.WaitGroup
	replies := make([]apitest.Reply, downloads)
	errs := make([]error, downloads)
	for i := range downloads {
		wg.Go(func() {
			replies[i], errs[i] = e.do("GET", "/api/v1/track/"+rc.Code+"/result?pin="+rc.LookupPIN, "", nil)
		})
	}
	wg.Wait()
	for i, r := range replies {
		if errs[i] != nil || r.Status != http.StatusOK || !bytes.Equal(r.Body, result) {
			t.Errorf("download %d: %v, %d, %d bytes", i, errs[i], r.Status, len(r.Body))
		}
	}
	if events, steps := e.returns(t, rc.Code); events != 1 || steps != 1 {
		t.Errorf("%d returned events and %d download steps after %d downloads at once, want 1 and 1", events, steps, downloads)
	}
}
