package contract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/waitfor"
)

// submission is the answer to POST /api/v1/public/dossiers.
type submission struct {
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

// tracked is the citizen's lookup, GET /api/v1/track/{code}?pin= (status). The times
// are kept as sent, to tell null from absent.
type tracked struct {
	Status      string          `json:"status"`
	StatusCode  int             `json:"status_code"`
	SubmittedAt json.RawMessage `json:"submitted_at"`
	ReceivedAt  json.RawMessage `json:"received_at"`
	DueAt       json.RawMessage `json:"due_at"`
	Timeline    []struct {
		Type string `json:"type"`
	} `json:"timeline"`
}

// steps are the types of the lookup's timeline, in order.
func (l tracked) steps() []string {
	out := make([]string, len(l.Timeline))
	for i, s := range l.Timeline {
		out[i] = s.Type
	}
	return out
}

// TestOnlineSubmission drives "Citizens online" across the services: a citizen proves
// an e-mail address with the code mailed to it, submits a dossier with a PDF and is
// mailed its code and PIN; status shows it submitted (1) with no clock; the desk finds
// it among those awaiting checking, reads back the very bytes handed in and receives
// it; status then shows it received (2) with the appointment intake set, the citizen
// is mailed again, and the post opens no shipment for it.
func TestOnlineSubmission(t *testing.T) {
	mails := mailtest.Start(t)
	s := servertest.Start(t, dbURL, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	const address = "an.nguyen@example.vn"
	citizen := s.ContactToken(t, http.DefaultClient, mails, address)

	// The citizen submits, with one PDF for the ID card.
	file := apitest.PDF("Căn cước công dân của Nguyễn Văn An, mặt trước")
	application := apitest.JSON(t, map[string]any{
		"procedure_code": "2.000720", "receiving_office": demo.DistrictDesk,
		"applicant":       map[string]string{"full_name": "Nguyễn Văn An", "id_number": "075123456789", "address": "Ấp 1, xã Xuân Bắc"},
		"documents":       []map[string]any{{"name": "Bản sao căn cước công dân", "kind": "copy", "file": "cccd"}},
		"result_delivery": map[string]string{"method": "desk"},
	})
	body, ctype := apitest.Multipart(t, map[string]string{"application": string(application)},
		apitest.File{Part: "cccd", Name: "CCCD mặt trước.pdf", Body: file})
	var sub submission
	call(t, s, http.MethodPost, "/api/v1/public/dossiers", citizen, body, "Content-Type", ctype).
		Expect(t, http.StatusCreated).Decode(t, &sub)
	sum := sha256.Sum256(file)
	if sub.Status != "submitted" || sub.StatusCode != 1 || sub.Code == "" || sub.LookupPIN == "" ||
		len(sub.Files) != 1 || sub.Files[0].SHA256 != hex.EncodeToString(sum[:]) || sub.Files[0].Size != int64(len(file)) {
		t.Fatalf("the submission's answer: %+v", sub)
	}
	var told mailtest.Mail
	waitfor.Until(t, "the mail with the code and PIN", func() (ok bool) {
		told, ok = mailed(t, mails, address, noticeSubject("submitted", sub.Code))
		return ok
	})
	if !strings.Contains(told.Text, sub.Code) || !strings.Contains(told.Text, sub.LookupPIN) {
		t.Errorf("the mail does not give the code and the PIN: %q", told.Text)
	}

	// status: submitted, national code 1, no reception and no appointment yet.
	lookup := "/api/v1/track/" + sub.Code + "?pin=" + url.QueryEscape(sub.LookupPIN)
	var seen tracked
	waitfor.Until(t, "status to show "+sub.Code, func() bool {
		r := call(t, s, http.MethodGet, lookup, "", nil)
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &seen) == nil
	})
	if seen.Status != "submitted" || seen.StatusCode != 1 || string(seen.ReceivedAt) != "null" || string(seen.DueAt) != "null" ||
		len(seen.SubmittedAt) == 0 || string(seen.SubmittedAt) == "null" || !slices.Equal(seen.steps(), []string{"submitted"}) {
		t.Errorf("the lookup of a dossier submitted online: %+v", seen)
	}

	// The desk finds it among what awaits checking, with its file, and reads the file back.
	desk := token(t, s, "desk.xuanloc")
	var list struct {
		Items []struct {
			Code   string `json:"code"`
			Status string `json:"status"`
		} `json:"items"`
	}
	call(t, s, http.MethodGet, "/api/v1/dossiers?office="+demo.DistrictDesk+"&status=submitted", desk, nil).
		Expect(t, http.StatusOK).Decode(t, &list)
	if len(list.Items) != 1 || list.Items[0].Code != sub.Code || list.Items[0].Status != "submitted" {
		t.Errorf("the desk's list of dossiers awaiting checking: %+v, want %s alone", list.Items, sub.Code)
	}
	var whole struct {
		ID        string `json:"id"`
		Channel   string `json:"channel"`
		Applicant struct {
			Email string `json:"email"`
		} `json:"applicant"`
		AllowedActions []string `json:"allowed_actions"`
		Files          []struct {
			ID string `json:"id"`
		} `json:"files"`
	}
	call(t, s, http.MethodGet, "/api/v1/dossiers/"+sub.Code, desk, nil).Expect(t, http.StatusOK).Decode(t, &whole)
	if whole.Channel != "online" || whole.Applicant.Email != address || len(whole.Files) != 1 ||
		whole.Files[0].ID != sub.Files[0].ID || !slices.Contains(whole.AllowedActions, "receive") {
		t.Errorf("the desk's view of the dossier: %+v", whole)
	}
	status, ctype, back := bytesOf(t, s, "/api/v1/dossiers/"+sub.Code+"/files/"+sub.Files[0].ID, desk)
	if status != http.StatusOK || ctype != "application/pdf" || !bytes.Equal(back, file) {
		t.Errorf("the file read back: %d %q, %d bytes, want the %d handed in", status, ctype, len(back), len(file))
	}

	// The desk receives it: the clock starts.
	var received struct {
		Status     string    `json:"status"`
		StatusCode int       `json:"status_code"`
		ReceivedAt time.Time `json:"received_at"`
		DueAt      time.Time `json:"due_at"`
	}
	call(t, s, http.MethodPost, "/api/v1/dossiers/"+sub.Code+"/actions/receive", desk, []byte(`{}`)).
		Expect(t, http.StatusOK).Decode(t, &received)
	if received.Status != "received" || received.StatusCode != 2 || received.ReceivedAt.IsZero() ||
		!received.DueAt.After(received.ReceivedAt) {
		t.Fatalf("received: %+v", received)
	}
	waitfor.Until(t, "status to show "+sub.Code+" received", func() bool {
		r := call(t, s, http.MethodGet, lookup, "", nil)
		seen = tracked{}
		return r.Status == http.StatusOK && json.Unmarshal(r.Body, &seen) == nil && seen.Status == "received"
	})
	// The lookup gives times to the second.
	var receivedAt, dueAt time.Time
	if seen.StatusCode != 2 || json.Unmarshal(seen.ReceivedAt, &receivedAt) != nil ||
		!receivedAt.Equal(received.ReceivedAt.Truncate(time.Second)) ||
		json.Unmarshal(seen.DueAt, &dueAt) != nil || !dueAt.Equal(received.DueAt) ||
		!slices.Equal(seen.steps(), []string{"submitted", "admitted"}) {
		t.Errorf("the lookup once received: %+v; intake received it at %s, due %s", seen, received.ReceivedAt, received.DueAt)
	}
	var receipt mailtest.Mail
	waitfor.Until(t, "the mail telling of the receipt", func() (ok bool) {
		receipt, ok = mailed(t, mails, address, noticeSubject("received", sub.Code))
		return ok
	})
	if !strings.Contains(receipt.Text, sub.Code) || strings.Contains(receipt.Text, "075123456789") {
		t.Errorf("the receipt's mail, with the code and never the ID number: %q", receipt.Text)
	}

	// The post heard both events and opened nothing: a dossier online comes by no road.
	db, err := pgxpool.New(t.Context(), s.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	waitfor.Until(t, "postal to take in the dossier's two events", func() bool {
		return postalHeard(t, db, whole.ID) == 2
	})
	noShipments(t, s, sub.Code, desk, "a dossier submitted online")
}

// postalHeard counts the events of dossier id that postal's consumer of dossier events
// has taken in (its inbox), after checking that intake has published only those.
func postalHeard(t *testing.T, db *pgxpool.Pool, id string) int {
	t.Helper()
	var published, heard int
	if err := db.QueryRow(t.Context(), `SELECT
		(SELECT count(*) FROM intake.outbox WHERE subject LIKE 'dossier.v1.' || $1 || '.%'),
		(SELECT count(*) FROM postal.inbox WHERE consumer = 'postal-dossiers' AND subject LIKE 'dossier.v1.' || $1 || '.%')`,
		id).Scan(&published, &heard); err != nil {
		t.Fatal(err)
	}
	if published != 2 {
		t.Fatalf("intake published %d events of the dossier, want 2 (submitted, received)", published)
	}
	return heard
}
