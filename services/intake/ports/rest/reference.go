package rest

import (
	"net/http"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/httpapi"
)

type officeJSON struct {
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	Kind       string  `json:"kind"`
	ParentCode *string `json:"parent_code"`
	Address    string  `json:"address"`
	// PostOffice is the post office that serves the office (null for none).
	PostOffice *string `json:"post_office_code"`
}

func (a *API) offices(w http.ResponseWriter, r *http.Request) {
	list, err := a.Catalog.Offices(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]officeJSON, 0, len(list))
	for _, o := range list {
		out = append(out, officeOf(o))
	}
	httpapi.WriteJSON(w, http.StatusOK, out)
}

func officeOf(o catalog.Office) officeJSON {
	return officeJSON{Code: o.Code, Name: o.Name, Kind: string(o.Kind), Address: o.Address,
		ParentCode: orNull(o.ParentCode), PostOffice: orNull(o.PostOffice)}
}

// orNull is code, or nil (JSON null) when there is none.
func orNull(code string) *string {
	if code == "" {
		return nil
	}
	return &code
}

type procedureJSON struct {
	Code           string `json:"code"`
	Name           string `json:"name"`
	DecidedByKind  string `json:"decided_by_kind"`
	TimeLimitHours int    `json:"time_limit_hours"`
	FeeVND         int64  `json:"fee_vnd"`
	FeeVaries      bool   `json:"fee_varies"`
	// Documents are the papers a dossier of the procedure is made of, in order.
	Documents []documentJSON `json:"documents"`
	// Online says whether citizens may submit the procedure online.
	Online bool `json:"online"`
}

// documentJSON is a document a procedure asks for.
type documentJSON struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Copies   int    `json:"copies"`
	Required bool   `json:"required"`
}

func (a *API) procedures(w http.ResponseWriter, r *http.Request) {
	list, err := a.Catalog.Procedures(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]procedureJSON, 0, len(list))
	for _, p := range list {
		out = append(out, procedureOf(p))
	}
	httpapi.WriteJSON(w, http.StatusOK, out)
}

func procedureOf(p catalog.Procedure) procedureJSON {
	docs := make([]documentJSON, len(p.Documents))
	for i, d := range p.Documents {
		docs[i] = documentJSON{Name: d.Name, Kind: string(d.Kind), Copies: d.Copies, Required: d.Required}
	}
	return procedureJSON{Code: p.Code, Name: p.Name, DecidedByKind: string(p.DecidedByKind),
		TimeLimitHours: p.TimeLimitHours, FeeVND: p.FeeVND, FeeVaries: p.FeeVaries, Documents: docs, Online: p.Online}
}
