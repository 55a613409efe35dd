package rest

import (
	"net/http"
	"strings"
	"time"

	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/spreadsheet"
)

type addressReadJSON struct {
	At             time.Time `json:"at"`
	Username       string    `json:"username"`
	Purpose        string    `json:"purpose"`
	TrackingNumber string    `json:"tracking_number"`
}

// addressReads answers GET /audit/address-reads?dossier=CODE (administrators): who read
// the addresses and proofs of delivery of the dossier's shipments, oldest first;
// &format=csv gives a spreadsheet file.
func (a *API) addressReads(w http.ResponseWriter, r *http.Request) {
	code := strings.TrimSpace(r.URL.Query().Get("dossier"))
	if code == "" || len(code) > 40 {
		a.fail(w, r, httpapi.Problem(http.StatusUnprocessableEntity, "dossier", "required"))
		return
	}
	reads, err := a.Audit.OfDossier(r.Context(), code)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if r.URL.Query().Get("format") == "csv" {
		rows := make([][]string, 0, len(reads))
		for _, x := range reads {
			rows = append(rows, []string{x.At.Format(time.RFC3339), x.Username, x.Purpose, x.TrackingNumber})
		}
		spreadsheet.Write(w, spreadsheet.File{Name: "doc-dia-chi-" + code + ".csv",
			Header: []string{"at", "username", "purpose", "tracking_number"}, Rows: rows, ByteOrderMark: true})
		return
	}
	out := make([]addressReadJSON, 0, len(reads))
	for _, x := range reads {
		out = append(out, addressReadJSON(x))
	}
	httpapi.WriteJSON(w, http.StatusOK, map[string]any{"items": out})
}
