package servicetest

import (
	"bytes"
	"compress/zlib"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/printsheet/printsheettest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// upload is a file part of a submission.
type upload struct {
	part, name string
	body       []byte
}

// submission is a multipart body: the application part (JSON) and the files.
func submission(t testing.TB, application any, files ...upload) (body []byte, contentType string) {
	t.Helper()
	fields := map[string]string{}
	if application != nil {
		fields["application"] = string(apitest.JSON(t, application))
	}
	return apitest.Multipart(t, fields, parts(files)...)
}

// parts are files as apitest writes them.
func parts(files []upload) []apitest.File {
	out := make([]apitest.File, len(files))
	for i, f := range files {
		out[i] = apitest.File{Part: f.part, Name: f.name, Body: f.body}
	}
	return out
}

// pdf is a small PDF-looking file of n bytes, different each time.
func pdf(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	copy(b, "%PDF-1.7\n")
	return b
}

// contactToken verifies address through the mail server and returns the citizen's token.
func (e *env) contactToken(t *testing.T, mails *mailtest.Server, address string) string {
	t.Helper()
	var started verificationStarted
	e.call(t, "POST", "/api/v1/public/verifications", "", apitest.JSON(t, map[string]string{"email": address})).
		Expect(t, http.StatusAccepted).Decode(t, &started)
	got := mails.To(t, address)
	code := codeIn.FindString(got[0].Text)
	var tok struct {
		Token string `json:"contact_token"`
	}
	e.call(t, "POST", "/api/v1/public/verifications/"+started.ID, "", apitest.JSON(t, map[string]string{"code": code})).
		Expect(t, http.StatusOK).Decode(t, &tok)
	return tok.Token
}

type submitted struct {
	Code       string `json:"code"`
	LookupPIN  string `json:"lookup_pin"`
	Status     string `json:"status"`
	StatusCode int    `json:"status_code"`
	Files      []struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		SHA256 string `json:"sha256"`
		Size   int64  `json:"size"`
	} `json:"files"`
}

func onlineApplication() map[string]any {
	return map[string]any{
		"procedure_code": "2.000720", "receiving_office": demo.DistrictDesk,
		"applicant":       map[string]any{"full_name": "Nguyễn Văn An", "id_number": "075123456789", "address": "Ấp 1, xã Xuân Bắc"},
		"documents":       []map[string]any{{"name": "Căn cước công dân", "kind": "copy", "file": "cccd"}},
		"result_delivery": map[string]any{"method": "desk"},
	}
}

// TestSubmitOnline: a citizen verifies an e-mail address, submits a dossier with a PDF
// and receives its code and PIN by mail; the dossier is submitted (1) with no clock;
// the desk sees it with its file, reads back the very bytes (audited), and receives
// it: received (2) with an appointment, and the citizen is mailed. The events carry
// the file's fingerprint, never its bytes.
func TestSubmitOnline(t *testing.T) {
	mails := mailtest.Start(t)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	citizen := e.contactToken(t, mails, "an.nguyen@example.vn")
	file := pdf(200 << 10)
	body, ct := submission(t, onlineApplication(), upload{"cccd", "CCCD mặt trước.pdf", file})
	var got submitted
	e.call(t, "POST", "/api/v1/public/dossiers", citizen, body, "Content-Type", ct, "Idempotency-Key", "sub-1").
		Expect(t, http.StatusCreated).Decode(t, &got)
	sum := sha256.Sum256(file)
	if got.Status != "submitted" || got.StatusCode != 1 || got.LookupPIN == "" || !strings.HasPrefix(got.Code, demo.DistrictDesk+"-") {
		t.Fatalf("answer: %+v", got)
	}
	if len(got.Files) != 1 || got.Files[0].SHA256 != hex.EncodeToString(sum[:]) || got.Files[0].Size != int64(len(file)) ||
		got.Files[0].Name != "CCCD mặt trước.pdf" {
		t.Fatalf("files: %+v", got.Files)
	}
	// The same request again: the same answer, no second dossier.
	var again submitted
	e.call(t, "POST", "/api/v1/public/dossiers", citizen, body, "Content-Type", ct, "Idempotency-Key", "sub-1").
		Expect(t, http.StatusCreated).Decode(t, &again)
	if again.Code != got.Code || again.LookupPIN != got.LookupPIN {
		t.Errorf("resent: %+v, first %+v", again, got)
	}
	var kept int
	if err := e.DB.QueryRow(t.Context(), "SELECT count(*) FROM dossier_files").Scan(&kept); err != nil || kept != 1 {
		t.Errorf("%d files kept after the request was sent twice (%v), want 1", kept, err)
	}
	waitfor.Until(t, "a mail that gives the code and PIN", func() (told bool) {
		for _, m := range mails.To(t, "an.nguyen@example.vn") {
			told = told || strings.Contains(m.Text, got.Code) && strings.Contains(m.Text, got.LookupPIN)
		}
		return told
	})

	desk := e.token(t, "desk.xuanloc")
	var whole struct {
		Status      string    `json:"status"`
		Channel     string    `json:"channel"`
		SubmittedAt time.Time `json:"submitted_at"`
		ReceivedAt  *string   `json:"received_at"`
		Applicant   struct {
			Email string `json:"email"`
		} `json:"applicant"`
		AllowedActions []string `json:"allowed_actions"`
		Files          []struct {
			ID, Name, SHA256 string
		} `json:"files"`
	}
	e.call(t, "GET", "/api/v1/dossiers/"+got.Code, desk, nil).Expect(t, http.StatusOK).Decode(t, &whole)
	if whole.Status != "submitted" || whole.Channel != "online" || whole.ReceivedAt != nil || whole.SubmittedAt.IsZero() ||
		whole.Applicant.Email != "an.nguyen@example.vn" || len(whole.Files) != 1 || whole.Files[0].ID != got.Files[0].ID {
		t.Fatalf("the desk sees: %+v", whole)
	}
	if strings.Join(whole.AllowedActions, ",") != "receive,request-supplement,refuse,withdraw" {
		t.Errorf("allowed: %v", whole.AllowedActions)
	}
	req, _ := http.NewRequest("GET", e.URL+"/api/v1/dossiers/"+got.Code+"/files/"+got.Files[0].ID, nil)
	req.Header.Set("Authorization", "Bearer "+desk)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !bytes.Equal(back, file) {
		t.Errorf("read back %d: %q, %d bytes, not the %d handed in", res.StatusCode, res.Header.Get("Content-Type"), len(back), len(file))
	}
	var reads int
	if err := e.DB.QueryRow(t.Context(), `SELECT count(*) FROM personal_data_reads r JOIN dossiers d ON d.id = r.dossier_id
		WHERE d.code = $1 AND r.purpose LIKE 'file %'`, got.Code).Scan(&reads); err != nil || reads != 1 {
		t.Errorf("file reads audited: %d, %v", reads, err)
	}
	e.call(t, "GET", "/api/v1/dossiers/"+got.Code+"/files/"+got.Files[0].ID, e.token(t, "officer.baohoa"), nil).
		ExpectError(t, http.StatusNotFound, "", "")

	var received struct {
		Status     string    `json:"status"`
		StatusCode int       `json:"status_code"`
		ReceivedAt time.Time `json:"received_at"`
		DueAt      time.Time `json:"due_at"`
	}
	e.call(t, "POST", "/api/v1/dossiers/"+got.Code+"/actions/receive", desk, []byte(`{}`)).
		Expect(t, http.StatusOK).Decode(t, &received)
	if received.Status != "received" || received.StatusCode != 2 || received.ReceivedAt.IsZero() || !received.DueAt.After(received.ReceivedAt) {
		t.Fatalf("received: %+v", received)
	}
	var admitted *mailtest.Mail
	waitfor.Until(t, "the mail telling the citizen of the receipt", func() bool {
		for _, m := range mails.To(t, "an.nguyen@example.vn") {
			if m.Subject == "Hồ sơ "+got.Code+" đã được tiếp nhận" && strings.Contains(m.Text, "tiếp nhận") {
				admitted = &m
			}
		}
		return admitted != nil
	})
	for _, m := range mails.To(t, "an.nguyen@example.vn") {
		if m.Subject != admitted.Subject && len(m.Attachments) > 0 {
			t.Errorf("%q carries %d attachments", m.Subject, len(m.Attachments))
		}
	}
	// The mail carries the receipt, form 01, as a PDF.
	a := admitted.Attachments
	if len(a) != 1 {
		t.Fatalf("the mail of the receipt carries %d attachments", len(a))
	}
	if a[0].FileName != "bien-nhan-"+got.Code+".pdf" || a[0].ContentType != "application/pdf" || len(a[0].Data) < 1000 ||
		a[0].Size != len(a[0].Data) || !bytes.HasPrefix(a[0].Data, []byte("%PDF-")) {
		t.Errorf("the receipt attached: %q %q, %d bytes (%d read), starting %q", a[0].FileName, a[0].ContentType, a[0].Size,
			len(a[0].Data), a[0].Data[:min(8, len(a[0].Data))])
	}
	// It is the dossier's receipt, without what a message never carries: the address, the
	// ID number, the PIN (given by the first message only).
	if pdf := inflated(t, a[0].Data); !bytes.Contains(pdf, printsheettest.Text(got.Code)) {
		t.Error("the receipt attached does not name the dossier")
	} else {
		for _, leak := range []string{got.LookupPIN, "Ấp 1, xã Xuân Bắc", "075123456789"} {
			if bytes.Contains(pdf, printsheettest.Text(leak)) {
				t.Errorf("the receipt attached carries %q", leak)
			}
		}
	}

	var id string
	if err := e.DB.QueryRow(t.Context(), "SELECT id FROM dossiers WHERE code = $1", got.Code).Scan(&id); err != nil {
		t.Fatal(err)
	}
	kinds := e.dossierEvents(t, id, 2)
	first := kinds[0].GetReceived()
	if first.GetStatus() != "submitted" || first.GetStatusCode() != 1 || first.GetReceivedAt() != nil || first.GetDueAt() != nil ||
		first.GetSubmittedAt() == nil || len(first.GetFiles()) != 1 || first.GetFiles()[0].GetSha256() != hex.EncodeToString(sum[:]) {
		t.Errorf("first event: %v", first)
	}
	if kinds[1].GetAdmitted().GetReceivedAt() == nil || kinds[1].GetState().GetDueAt() == nil || kinds[1].GetState().GetStatusCode() != 2 ||
		kinds[1].GetStep().CheckSeconds == nil {
		t.Errorf("admitted event: %v", kinds[1])
	}
}

// TestSubmitOnlineRefusesBadInput: no token, a file that is HTML named .pdf, a file
// over 10 MiB, a document naming no file, a torn upload: each a clear error, and no
// dossier and no file kept.
func TestSubmitOnlineRefusesBadInput(t *testing.T) {
	mails := mailtest.Start(t)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	citizen := e.contactToken(t, mails, "binh.tran@example.vn")
	post := func(token string, body []byte, ct string) apitest.Reply {
		return e.call(t, "POST", "/api/v1/public/dossiers", token, body, "Content-Type", ct)
	}
	good, goodCT := submission(t, onlineApplication(), upload{"cccd", "cccd.pdf", pdf(1000)})
	post("", good, goodCT).ExpectError(t, http.StatusUnauthorized, "", "")
	post(e.token(t, "desk.xuanloc"), good, goodCT).ExpectError(t, http.StatusUnauthorized, "", "")

	html, ct := submission(t, onlineApplication(), upload{"cccd", "cccd.pdf", []byte("<!DOCTYPE html><script>alert(1)</script>")})
	post(citizen, html, ct).ExpectError(t, http.StatusUnprocessableEntity, "file_kind", "files")

	big, ct := submission(t, onlineApplication(), upload{"cccd", "cccd.pdf", pdf(10<<20 + 1)})
	post(citizen, big, ct).ExpectError(t, http.StatusRequestEntityTooLarge, "file_too_large", "files")

	over := make([]upload, 6)
	for i := range over {
		over[i] = upload{fmt.Sprintf("f%d", i), "scan.pdf", pdf(9 << 20)}
	}
	huge, ct := submission(t, onlineApplication(), over...)
	post(citizen, huge, ct).ExpectError(t, http.StatusRequestEntityTooLarge, "files_too_large", "files")

	notOnline := onlineApplication()
	notOnline["procedure_code"] = "1.003003" // a first land-use certificate needs a survey: not offered online
	land, ct := submission(t, notOnline, upload{"cccd", "cccd.pdf", pdf(1000)})
	post(citizen, land, ct).ExpectError(t, http.StatusUnprocessableEntity, "not_online", "procedure_code")

	orphan, ct := submission(t, onlineApplication(), upload{"other", "cccd.pdf", pdf(1000)})
	post(citizen, orphan, ct).ExpectError(t, http.StatusUnprocessableEntity, "no_such_part", "documents[0].file")

	post(citizen, []byte(`{"procedure_code":"2.000720"}`), "application/json").ExpectError(t, http.StatusBadRequest, "multipart_expected", "")
	noApp, ct := submission(t, nil, upload{"cccd", "cccd.pdf", pdf(1000)})
	post(citizen, noApp, ct).ExpectError(t, http.StatusUnprocessableEntity, "required", "application")

	// A torn upload: the connection closes halfway through the file.
	conn, err := net.Dial("tcp", strings.TrimPrefix(e.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(conn, "POST /api/v1/public/dossiers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n",
		citizen, goodCT, len(good))
	conn.Write(good[:len(good)/2])
	conn.Close()

	// Nothing of it all was kept; a good submission still goes through.
	post(citizen, good, goodCT).Expect(t, http.StatusCreated)
	var dossiers, files int
	if err := e.DB.QueryRow(t.Context(), "SELECT (SELECT count(*) FROM dossiers WHERE channel = 'online'), (SELECT count(*) FROM dossier_files)").
		Scan(&dossiers, &files); err != nil {
		t.Fatal(err)
	}
	if dossiers != 1 || files != 1 {
		t.Errorf("%d online dossiers and %d files kept, want 1 and 1", dossiers, files)
	}
}

// TestSupplementOnline: the desk gives its guidance for a submitted dossier once; the
// citizen sends the missing paper online with the code and PIN (a wrong PIN is the
// lookup's 404); the dossier is back for the desk's check with both files, and a second
// guidance is not allowed.
func TestSupplementOnline(t *testing.T) {
	mails := mailtest.Start(t)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	citizen := e.contactToken(t, mails, "chi.le@example.vn")
	body, ct := submission(t, onlineApplication(), upload{"cccd", "cccd.pdf", pdf(5000)})
	var got submitted
	e.call(t, "POST", "/api/v1/public/dossiers", citizen, body, "Content-Type", ct).Expect(t, http.StatusCreated).Decode(t, &got)
	desk := e.token(t, "desk.xuanloc")
	guidance := apitest.JSON(t, map[string]any{"items": []map[string]any{{"name": "Ảnh chân dung 4x6"}}, "reason": "Thiếu ảnh"})
	e.call(t, "POST", "/api/v1/dossiers/"+got.Code+"/actions/request-supplement", desk, guidance).Expect(t, http.StatusOK)
	waitfor.Until(t, "the desk's guidance mailed to the citizen, without the PIN", func() (guided bool) {
		for _, m := range mails.To(t, "chi.le@example.vn") {
			guided = guided || strings.Contains(m.Subject, got.Code) && strings.Contains(m.Text, "Ảnh chân dung 4x6") &&
				strings.Contains(m.Text, "Thiếu ảnh") && !strings.Contains(m.Text, got.LookupPIN)
		}
		return guided
	})

	photo := append([]byte("\x89PNG\r\n\x1a\n"), pdf(3000)...)
	supp, sct := multipartWithNote(t, "Em gửi bổ sung ảnh ạ.", upload{"anh", "ảnh 4x6.png", photo})
	path := "/api/v1/public/dossiers/" + got.Code + "/supplements?pin="
	e.call(t, "POST", path+"000000", "", supp, "Content-Type", sct).ExpectError(t, http.StatusNotFound, "wrong_code_or_pin", "")
	var sent struct {
		Status string `json:"status"`
		Files  []struct {
			ID string `json:"id"`
		} `json:"files"`
	}
	e.call(t, "POST", path+got.LookupPIN, "", supp, "Content-Type", sct, "Idempotency-Key", "supp-1").
		Expect(t, http.StatusCreated).Decode(t, &sent)
	if sent.Status != "submitted" || len(sent.Files) != 1 {
		t.Fatalf("supplement: %+v", sent)
	}
	// Sent again by a client that lost the answer: the same answer, nothing twice.
	e.call(t, "POST", path+got.LookupPIN, "", supp, "Content-Type", sct, "Idempotency-Key", "supp-1").Expect(t, http.StatusCreated)
	// Not awaited any more.
	again, act := multipartWithNote(t, "Gửi thêm.", upload{"anh", "anh.png", photo})
	e.call(t, "POST", path+got.LookupPIN, "", again, "Content-Type", act).ExpectError(t, http.StatusConflict, "", "")

	var whole struct {
		Status         string   `json:"status"`
		AllowedActions []string `json:"allowed_actions"`
		Files          []struct {
			Purpose string `json:"purpose"`
		} `json:"files"`
	}
	e.call(t, "GET", "/api/v1/dossiers/"+got.Code, desk, nil).Expect(t, http.StatusOK).Decode(t, &whole)
	if whole.Status != "submitted" || len(whole.Files) != 2 || whole.Files[1].Purpose != "supplement" {
		t.Fatalf("after the supplement: %+v", whole)
	}
	if strings.Join(whole.AllowedActions, ",") != "receive,refuse,withdraw" {
		t.Errorf("allowed after guidance: %v", whole.AllowedActions)
	}
	e.call(t, "POST", "/api/v1/dossiers/"+got.Code+"/actions/request-supplement", desk, guidance).ExpectError(t, http.StatusConflict, "", "")
	e.call(t, "POST", "/api/v1/dossiers/"+got.Code+"/actions/receive", desk, []byte(`{}`)).Expect(t, http.StatusOK)
}

// multipartWithNote is a supplement's body: a note and files.
func multipartWithNote(t testing.TB, note string, files ...upload) ([]byte, string) {
	t.Helper()
	return apitest.Multipart(t, map[string]string{"note": note}, parts(files)...)
}

// inflated is pdf with each of its compressed streams inflated in place, so that its
// text can be looked for.
func inflated(t *testing.T, pdf []byte) []byte {
	t.Helper()
	var out []byte
	for {
		i := bytes.Index(pdf, []byte("stream\n"))
		if i < 0 {
			return append(out, pdf...)
		}
		j := bytes.Index(pdf[i:], []byte("endstream"))
		if j < 0 {
			t.Fatal("a PDF stream without its end")
		}
		out = append(out, pdf[:i]...)
		r, err := zlib.NewReader(bytes.NewReader(pdf[i+len("stream\n") : i+j]))
		if err == nil {
			body, _ := io.ReadAll(r)
			out = append(out, body...)
		}
		pdf = pdf[i+j+len("endstream"):]
	}
}
