package rest

import (
	"net/http"
	"strings"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/spreadsheet"
)

type readJSON struct {
	At          time.Time `json:"at"`
	Username    string    `json:"username"`
	Purpose     string    `json:"purpose"`
	DossierCode string    `json:"dossier_code"`
}

// auditReads answers GET /audit/reads?dossier=CODE or ?username=U[&since=YYYY-MM-DD]
// (administrators): who read a citizen's personal data, or what a member of staff
// read, oldest first; &format=csv gives a spreadsheet file.
func (a *API) auditReads(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	code, username := strings.TrimSpace(q.Get("dossier")), strings.TrimSpace(q.Get("username"))
	var reads []app.Read
	var err error
	switch {
	case code != "" && username == "":
		reads, err = a.Audit.OfDossier(r.Context(), code)
	case username != "" && code == "":
		since := time.Time{}
		if s := q.Get("since"); s != "" {
			if since, err = time.ParseInLocation(time.DateOnly, s, a.Calendar.Calendar().Location()); err != nil {
				a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "since", "invalid_date"))
				return
			}
		}
		reads, err = a.Audit.By(r.Context(), username, since)
	default:
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "dossier", "audit_subject"))
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if q.Get("format") == "csv" {
		rows := make([][]string, 0, len(reads))
		for _, x := range reads {
			rows = append(rows, []string{x.At.Format(time.RFC3339), x.Username, x.Purpose, x.DossierCode})
		}
		name := "doc-du-lieu-" + code + username + ".csv"
		spreadsheet.Write(w, spreadsheet.File{Name: name, Header: []string{"at", "username", "purpose", "dossier_code"},
			Rows: rows, ByteOrderMark: true})
		return
	}
	out := make([]readJSON, 0, len(reads))
	for _, x := range reads {
		out = append(out, readJSON(x))
	}
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"items": out})
}
