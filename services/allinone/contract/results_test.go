package contract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// withResult is the lookup with the electronic result it offers.
type withResult struct {
	tracked
	Result *struct {
		Name        string `json:"name"`
		SHA256      string `json:"sha256"`
		Size        int64  `json:"size"`
		DownloadURL string `json:"download_url"`
	} `json:"result"`
}

// TestElectronicResult drives the electronic result across the services: a citizen
// submits online asking for the result electronically; the desk receives the dossier,
// decides it itself and completes it with the result's file. status's lookup then
// offers the download at intake's address, the citizen is mailed, and the download
// gives the very bytes; the first returns the result, which status shows returned (10)
// by the download while still offering the file, and the post opens nothing.
func TestElectronicResult(t *testing.T) {
	mails := mailtest.Start(t)
	s := servertest.Start(t, dbURL, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	const address = "ket.qua.dien.tu@example.vn"
	citizen := s.ContactToken(t, http.DefaultClient, mails, address)

	application := apitest.JSON(t, map[string]any{
		"procedure_code": "2.000720", "receiving_office": demo.DistrictDesk,
		"applicant":       map[string]string{"full_name": "Trần Thị Bình", "id_number": "075123456780", "address": "Ấp 2, xã Xuân Bắc"},
		"documents":       []map[string]any{{"name": "Bản sao căn cước công dân", "kind": "copy", "file": "cccd"}},
		"result_delivery": map[string]string{"method": "electronic"},
	})
	body, ctype := apitest.Multipart(t, map[string]string{"application": string(application)},
		apitest.File{Part: "cccd", Name: "cccd.pdf", Body: apitest.PDF("Căn cước công dân của Trần Thị Bình")})
	var sub submission
	call(t, s, http.MethodPost, "/api/v1/public/dossiers", citizen, body, "Content-Type", ctype).
		Expect(t, http.StatusCreated).Decode(t, &sub)

	desk := token(t, s, "desk.xuanloc")
	for _, action := range []string{"receive", "accept"} {
		call(t, s, http.MethodPost, "/api/v1/dossiers/"+sub.Code+"/actions/"+action, desk, []byte(`{}`)).Expect(t, http.StatusOK)
	}
	result := apitest.PDF("Giấy chứng nhận đăng ký hộ kinh doanh của Trần Thị Bình")
	body, ctype = apitest.Multipart(t, map[string]string{"command": `{"outcome":"approved"}`},
		apitest.File{Part: "result", Name: "Giấy chứng nhận.pdf", Body: result})
	call(t, s, http.MethodPost, "/api/v1/dossiers/"+sub.Code+"/actions/complete", desk, body, "Content-Type", ctype).
		Expect(t, http.StatusOK)

	lookup := "/api/v1/track/" + sub.Code + "?pin=" + url.QueryEscape(sub.LookupPIN)
	var seen withResult
	waitfor.Until(t, "status to offer the result of "+sub.Code, func() bool {
		r := call(t, s, http.MethodGet, lookup, "", nil)
		seen = withResult{}
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &seen) == nil && seen.Result != nil
	})
	sum := sha256.Sum256(result)
	want := "/api/v1/track/" + sub.Code + "/result?pin=" + url.QueryEscape(sub.LookupPIN)
	if seen.Status != "processed" || seen.StatusCode != 9 || seen.Result.DownloadURL != want ||
		seen.Result.SHA256 != hex.EncodeToString(sum[:]) || seen.Result.Size != int64(len(result)) {
		t.Errorf("the lookup of a result ready: %+v, result %+v", seen.tracked, *seen.Result)
	}
	waitfor.Until(t, "the mail telling the result is ready", func() bool {
		_, ok := mailed(t, mails, address, noticeSubject("result_ready", sub.Code))
		return ok
	})

	res, err := http.Get(s.Base + seen.Result.DownloadURL)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !bytes.Equal(got, result) {
		t.Fatalf("the download: %d %q, %d bytes (%v), want the %d attached", res.StatusCode, res.Header.Get("Content-Type"),
			len(got), err, len(result))
	}

	waitfor.Until(t, "status to show "+sub.Code+" returned", func() bool {
		r := call(t, s, http.MethodGet, lookup, "", nil)
		seen = withResult{}
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &seen) == nil && seen.Status == "returned"
	})
	if steps := seen.steps(); seen.StatusCode != 10 || seen.Result == nil ||
		!slices.Equal(steps, []string{"submitted", "admitted", "accepted", "completed", "result_downloaded"}) {
		t.Errorf("the lookup once downloaded: %+v (%v)", seen.tracked, steps)
	}

	// The post heard the dossier's five events and opened nothing: the result goes by
	// no road.
	db, err := pgxpool.New(t.Context(), s.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	waitfor.Until(t, "postal to take in the dossier's events", func() bool {
		var published, heard int
		if err := db.QueryRow(t.Context(), `SELECT
			(SELECT count(*) FROM intake.outbox o JOIN intake.dossiers d ON o.subject LIKE 'dossier.v1.' || d.id || '.%' WHERE d.code = $1),
			(SELECT count(*) FROM postal.inbox i JOIN intake.dossiers d ON i.subject LIKE 'dossier.v1.' || d.id || '.%'
				WHERE d.code = $1 AND i.consumer = 'postal-dossiers')`, sub.Code).Scan(&published, &heard); err != nil {
			t.Fatal(err)
		}
		if published != 5 {
			t.Fatalf("intake published %d events of the dossier, want 5", published)
		}
		return heard == published
	})
	noShipments(t, s, sub.Code, desk, "an electronic result")
}
