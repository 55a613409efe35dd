package contract

import (
	"github.com/motcua/motcua/proto/vocabulary"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
)

// call sends one JSON request to the all-in-one and checks the contract's conventions
// on its answer (see apitest.Call).
func call(t *testing.T, s servertest.Served, method, path, token string, body []byte, headers ...string) apitest.Reply {
	t.Helper()
	return apitest.Call(t, http.DefaultClient, method, s.Base, path, token, body, headers...)
}

// token signs a demo account in.
func token(t *testing.T, s servertest.Served, username string) string {
	t.Helper()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	call(t, s, http.MethodPost, "/api/v1/auth/token", "",
		apitest.JSON(t, map[string]string{"username": username, "password": demo.Password})).
		Expect(t, http.StatusOK).Decode(t, &tok)
	return tok.AccessToken
}

// bytesOf reads a file's bytes as staff do: the status, the Content-Type and the body.
func bytesOf(t *testing.T, s servertest.Served, path, token string) (status int, contentType string, body []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.Base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if body, err = io.ReadAll(res.Body); err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header.Get("Content-Type"), body
}

// mailed is the mail to address whose subject is subject, if it has come.
// noticeSubject is the Vietnamese subject of the citizen's notice of kind about the
// dossier with code.
func noticeSubject(kind, code string) string {
	return strings.ReplaceAll(vocabulary.NoticeTexts[kind].Subject.VI, "{{.Code}}", code)
}

func mailed(t *testing.T, mails *mailtest.Server, address, subject string) (mailtest.Mail, bool) {
	t.Helper()
	for _, m := range mails.To(t, address) {
		if strings.TrimSpace(m.Subject) == subject {
			return m, true
		}
	}
	return mailtest.Mail{}, false
}

// noShipments checks that postal opened no shipment for the dossier with code, which no
// road carries (why says which).
func noShipments(t *testing.T, s servertest.Served, code, token, why string) {
	t.Helper()
	var shipments struct {
		Items []struct {
			TrackingNumber string `json:"tracking_number"`
		} `json:"items"`
	}
	call(t, s, http.MethodGet, "/api/v1/shipments?dossier="+url.QueryEscape(code), token, nil).
		Expect(t, http.StatusOK).Decode(t, &shipments)
	if len(shipments.Items) != 0 {
		t.Errorf("postal opened shipments for %s: %+v", why, shipments.Items)
	}
}
