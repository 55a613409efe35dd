package web

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/postal/app"
	"github.com/motcua/motcua/services/postal/domain/shipment"
)

// maxConfirmBody bounds a confirmation's form: a signature of up to 256 KiB, as a
// base64 data URL, URL-encoded, and the rest.
const maxConfirmBody = 1 << 20

// signaturePrefix starts the data URL the signature pad gives.
const signaturePrefix = "data:image/png;base64,"

// answer is the JSON answer to the script's confirmations. Retry says the confirmation
// did not get through and should be sent again later (the server is busy, the session
// or the form's token must be renewed); otherwise an error is final and the worker must
// put it right.
type answer struct {
	OK          bool   `json:"ok"`
	Replayed    bool   `json:"replayed,omitempty"`
	Status      string `json:"status,omitempty"`
	StatusLabel string `json:"status_label,omitempty"`
	Redirect    string `json:"redirect,omitempty"`
	Field       string `json:"field,omitempty"`
	Message     string `json:"message,omitempty"`
	Retry       bool   `json:"retry,omitempty"`
}

// confirm answers POST /buu-chinh/buu-gui/{tracking}: the worker's confirmation of a
// step, recorded by the same use case as the API's, with the event id the phone made.
// A plain form is answered with the shipment's page (a redirect, or the form again with
// the problem beside its field); the script asks for JSON (Accept: application/json).
func (p *Pages) confirm(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "shipment")
	wantsJSON := strings.Contains(r.Header.Get("Accept"), "application/json")
	r.Body = http.MaxBytesReader(w, r.Body, maxConfirmBody)
	var pe *problem
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			pe = fieldProblem(http.StatusRequestEntityTooLarge, shipment.ErrSignatureTooLarge)
		} else {
			pe = &problem{status: http.StatusBadRequest, key: "bad.form"}
		}
	} else if !csrf.Valid(r) {
		pe = &problem{status: http.StatusForbidden, key: "csrf", retry: true}
	}
	typ := r.PostFormValue("type")
	tn, err := s10.Parse(chi.URLParam(r, "tracking"))
	var se *s10.Error
	if pe == nil && errors.As(err, &se) {
		pe = trackingProblem(se)
	}
	var in shipment.Input
	if pe == nil {
		in, pe = readInput(r)
	}
	if pe == nil {
		sum := requestHash(tn.String(), in)
		if in.OccurredAt.IsZero() {
			in.OccurredAt = p.Shipments.Now()
		}
		var v app.View
		var replayed bool
		v, replayed, err = p.Shipments.Record(r.Context(), pg.Who, tn.String(), in, sum)
		if err == nil {
			to := ShipmentPath + tn.String() + "?done=" + string(in.Type)
			if wantsJSON {
				writeJSON(w, http.StatusOK, answer{OK: true, Replayed: replayed, Status: v.Status,
					StatusLabel: pg.StatusNow(v.Status), Redirect: to})
				return
			}
			http.Redirect(w, r, to, http.StatusSeeOther)
			return
		}
		pe = p.problemOf(w, r, pg, err)
		if pe == nil {
			return // the client went away
		}
	}
	msg := pe.message(pg)
	if wantsJSON {
		writeJSON(w, pe.status, answer{Field: pe.field, Message: msg, Retry: pe.retry || pe.status >= 500})
		return
	}
	if pe.status == http.StatusNotFound || pe.status == http.StatusForbidden && !pe.retry || pe.status >= 500 {
		pg.Name, pg.Error = "message", msg
		p.render(w, pe.status, pg)
		return
	}
	if !p.load(w, r, pg) {
		return
	}
	pg.Failed = typ
	for _, k := range []string{"seal_number", "reason_code", "action_code", "recipient_name", "relation", "id_last4"} {
		pg.Values[k] = r.PostFormValue(k)
	}
	pg.Errors[pe.field] = msg // "" is the whole form's
	if !pg.hasForm(typ) {
		pg.Error = msg // a step the shipment does not offer now has no form to show it in
	}
	p.render(w, pe.status, pg)
}

// requestHash identifies a confirmation's content for its event id: the same id sent
// again with the same content is the same step. It is taken over the form as sent, so a
// time left to the server (a plain form, which carries the page's event id and no time)
// is not part of it: the same form sent again later is the same confirmation.
func requestHash(tn string, in shipment.Input) []byte {
	body, _ := json.Marshal(in)
	return httpapi.RequestHash([]byte("web"), []byte(tn), body)
}

// readInput reads a confirmation's form into the API's event. A missing time stays
// zero: the caller puts the server's time (a form sent at once); the script sends the
// phone's time of the confirmation.
func readInput(r *http.Request) (shipment.Input, *problem) {
	v := r.PostFormValue
	in := shipment.Input{EventID: v("event_id"), Type: shipment.Status(v("type")), SealNumber: v("seal_number"),
		ReasonCode: v("reason_code"), ActionCode: v("action_code")}
	if s := strings.TrimSpace(v("occurred_at")); s != "" {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return in, fieldProblem(http.StatusUnprocessableEntity, shipment.Invalid("occurred_at", "invalid_time"))
		}
		in.OccurredAt = t
	}
	if in.Type == shipment.Delivered {
		in.Proof = &shipment.Proof{RecipientName: v("recipient_name"), Relation: v("relation"), IDLast4: v("id_last4")}
		if s := v("signature_png"); s != "" {
			if !strings.HasPrefix(s, signaturePrefix) {
				return in, notPNG
			}
			b, err := base64.StdEncoding.DecodeString(s[len(signaturePrefix):])
			if err != nil {
				return in, notPNG
			}
			in.Proof.SignaturePNG = b
		}
	}
	return in, nil
}

// notPNG is the problem of a signature the pad did not give as a PNG.
var notPNG = fieldProblem(http.StatusUnprocessableEntity, shipment.Invalid("proof.signature_png", "not_png"))

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
