package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// actionForm is the form of one action the officer may take now.
type actionForm struct {
	Action string
	// Fields are the inputs the action needs: to_office, via, note, reason, items,
	// new_due_at, outcome, amount_vnd, receipt_number.
	Fields []string
	// Values are what the form shows in its inputs: what was typed when it comes back
	// with an error, otherwise suggestions (the office a dossier usually goes to).
	Values map[string]string
	// Errors are the messages beside the inputs; Error the form's own message.
	Errors map[string]string
	Error  string
	Idem   string
}

// Has reports whether the form has the field.
func (a actionForm) Has(f string) bool {
	for _, x := range a.Fields {
		if x == f {
			return true
		}
	}
	return false
}

// Value is what the input named f shows.
func (a actionForm) Value(f string) string { return a.Values[f] }

// Err is the message beside the input named f.
func (a actionForm) Err(f string) string { return a.Errors[f] }

// ID is the id of the form's input named f.
func (a actionForm) ID(f string) string { return a.Action + "-" + f }

// actionFields are the fields each action's form asks for.
var actionFields = map[dossier.Action][]string{
	dossier.ActReceive:           {},
	dossier.ActTransfer:          {"to_office", "via", "note"},
	dossier.ActAccept:            {"note"},
	dossier.ActRequestSupplement: {"items", "reason"},
	dossier.ActSupplement:        {"note"},
	dossier.ActExtend:            {"new_due_at", "reason"},
	dossier.ActComplete:          {"outcome", "note"},
	dossier.ActReturn:            {"note"},
	dossier.ActRefuse:            {"reason"},
	dossier.ActStop:              {"reason"},
	dossier.ActWithdraw:          {"reason"},
	dossier.ActRequestPayment:    {"amount_vnd", "note"},
	dossier.ActRecordPayment:     {"amount_vnd", "receipt_number"},
}

// newActionForm is the empty form of action a on d, with its suggestions: a transfer of
// a result goes back to the desk that received the dossier, any other to the office
// that decides it.
func newActionForm(a string, d *app.Whole) actionForm {
	f := actionForm{Action: a, Fields: actionFields[dossier.Action(a)], Values: map[string]string{}, Errors: map[string]string{},
		Idem: htmlpage.FormKey()}
	if dossier.Action(a) == dossier.ActTransfer {
		f.Values["via"] = string(dossier.ByHand)
		switch {
		case d.Outcome != "" && d.ReceivingOffice.Code != d.CurrentOffice.Code:
			f.Values["to_office"] = d.ReceivingOffice.Code
		case d.Outcome == "" && d.HandlingOffice.Code != d.CurrentOffice.Code:
			f.Values["to_office"] = d.HandlingOffice.Code
		}
	}
	if dossier.Action(a) == dossier.ActRequestPayment && d.FeeDueVND > d.FeePaidVND {
		f.Values["amount_vnd"] = itoa64(d.FeeDueVND - d.FeePaidVND)
	}
	if dossier.Action(a) == dossier.ActRecordPayment && d.FeeDueVND > d.FeePaidVND {
		f.Values["amount_vnd"] = itoa64(d.FeeDueVND - d.FeePaidVND)
	}
	return f
}

// keep puts what was typed into the form again, so an error costs no retyping.
func (a *actionForm) keep(get func(string) string) {
	for _, f := range a.Fields {
		a.Values[f] = get(f)
	}
	if k := get("idem"); htmlpage.ValidFormKey(k) {
		a.Idem = k
	}
}

// errorField is the input an error of field belongs beside: the items of a supplement
// request are one text area.
func errorField(field string) string {
	if strings.HasPrefix(field, "items") {
		return "items"
	}
	return field
}

// notAllowedMessage says why the action cannot be taken now, and what can.
func notAllowedMessage(pg *page, na *dossier.NotAllowedError) string {
	return na.Words(dossier.InWords).In(pg.Lang)
}

// MinDue is the earliest new appointment the extend form offers: now, to the minute.
func (pg *page) MinDue() string {
	return time.Now().In(htmlpage.Zone).Format("2006-01-02T15:04")
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// readAmount reads the sum of đồng typed in a payment form as the registration reads
// its fee (htmlpage.ParseDong): "1.500.000" is a million and a half, while "1.5" or
// "100,5" is refused rather than read as 15 or 1005. A sum of 0 or less is left for the
// rules to refuse in their words.
func readAmount(s string) (int64, *dossier.FieldError) {
	n, err := htmlpage.ParseDong(s)
	if err != nil {
		return 0, dossier.Invalid("amount_vnd", "not_a_number")
	}
	return n, nil
}

// DossierTime says how the dossier stands against its appointment, in words, as a row of
// the work list does.
func (pg *page) DossierTime() string {
	d := pg.Dossier
	row := app.WorkRow{Timing: d.Timing, ClockPaused: d.ClockPaused}
	if d.FinishedAt == nil {
		row.Left = pg.Left
	}
	return pg.RowTime(row)
}
