package web

import (
	"net/url"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/web/layout"
	"github.com/motcua/motcua/services/platform/web/session"
)

// counterChrome is the frame of the counter's pages: the post's own title and brand,
// leading to the postal worker's home (the day's manifest), or, for a member of staff
// refused here, to their own.
func (pg *page) counterChrome() layout.Chrome {
	home := session.PostalHome
	if pg.Counter.Refused {
		home = pg.Counter.Home
	}
	words := func(key string, args ...any) string {
		if key == "site" || key == "site.short" {
			key = "counter." + key
		}
		return pg.T(key, args...)
	}
	return pg.Frame(words, home, styles...)
}

// Ticked reports whether the procedure's i-th document is ticked as handed in.
func (c *counterPage) Ticked(i int) bool { return c.Form.Docs[i] }

// Chosen reports whether the result is to be collected as method says.
func (c *counterPage) Chosen(method string) bool { return c.Form.Delivery == method }

// SlipURL is the address of the registered dossier's dispatch slip.
func (c *counterPage) SlipURL() string {
	return CounterPath + "/" + url.PathEscape(c.Receipt.Code) + slipSuffix
}

// ProcedureFee says the fee the chosen procedure's authority charges: a sum, none, or
// one fixed case by case.
func (pg *page) ProcedureFee() string {
	proc := pg.Counter.Procedure
	switch {
	case proc.FeeVaries:
		return pg.T("counter.fee.varies")
	case proc.FeeVND == 0:
		return pg.T("fee.none")
	}
	return pg.Money(proc.FeeVND)
}

// ReceiptStatus is the registered dossier's status in the page's language.
func (pg *page) ReceiptStatus() string {
	vi, en := dossier.Status(pg.Counter.Receipt.Status).Labels()
	if pg.English() {
		return en
	}
	return vi
}

// Copies says how many sets of a document are handed in.
func (pg *page) Copies(n int) string { return pg.T("counter.copies", n) }

// counterField is a text input of the counter's form: its name (the field its error
// is told for too), the key of its label's words, its value and HTML type, and how it
// is typed.
type counterField struct {
	Page                     *page
	Name, Label, Value, Type string
	Required, Optional       bool
	Numeric, Upper           bool
	// Hint is the key of the words under the input, if any.
	Hint string
}

// newCounterField is the input name of the page p, labelled by the words of label,
// holding value, of HTML type typ; opts say it is required, optional, typed as digits
// (numeric) or in capitals (upper), and any other is the key of its hint.
func newCounterField(p *page, name, label, value, typ string, opts ...string) counterField {
	f := counterField{Page: p, Name: name, Label: label, Value: value, Type: typ}
	for _, o := range opts {
		switch o {
		case "required":
			f.Required = true
		case "optional":
			f.Optional = true
		case "numeric":
			f.Numeric = true
		case "upper":
			f.Upper = true
		default:
			f.Hint = o
		}
	}
	return f
}
