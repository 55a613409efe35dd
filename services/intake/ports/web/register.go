package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/httpapi"
	"github.com/motcua/motcua/services/platform/web/csrf"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// docRows is the number of document rows of the registration form.
const docRows = 4

// regForm is the registration as the desk filled it, kept to show it again.
type regForm struct {
	Procedure, Office, Channel                 string
	FullName, IDNumber, Phone, Email, Address  string
	Docs                                       []docRow
	Delivery, DeliveryAddress, Fee, FeeReceipt string
}

type docRow struct{ Name, Kind, Copies string }

// registerForm answers GET /mot-cua/tiep-nhan[?q=]: the empty form, its procedures
// filtered by q.
func (p *Pages) registerForm(w http.ResponseWriter, r *http.Request) {
	pg := p.newPage(w, r, "register")
	pg.Query = strings.TrimSpace(r.URL.Query().Get("q"))
	if len(pg.Query) > 200 {
		pg.Query = pg.Query[:200]
	}
	pg.Form = regForm{Channel: string(dossier.ChannelDesk), Delivery: string(dossier.DeliverAtDesk), Docs: make([]docRow, docRows)}
	for i := range pg.Form.Docs {
		pg.Form.Docs[i] = docRow{Kind: string(dossier.Copy), Copies: "1"}
	}
	if err := p.fillChoices(r.Context(), pg); err != nil {
		p.fail(w, r, pg, err)
		return
	}
	if pg.Who.Role != auth.RoleDesk {
		pg.Error = pg.T("reg.desk.only")
	}
	pg.Idem = htmlpage.FormKey()
	p.render(w, http.StatusOK, pg)
}

// fillChoices lists the procedures matching pg.Query (all when it is empty; the chosen one
// always) and the offices the desk receives for.
func (p *Pages) fillChoices(ctx context.Context, pg *page) error {
	procs, err := p.Catalog.Procedures(ctx)
	if err != nil {
		return err
	}
	list := app.MatchProcedures(procs, pg.Query)
	if pg.Query != "" && len(list) == 0 {
		pg.Notice = pg.T("find.none", pg.Query)
		list = procs
	}
	if len(list) == 1 && pg.Form.Procedure == "" {
		pg.Form.Procedure = list[0].Code
	}
	pg.Procedures = nil
	for _, pr := range procs {
		if pr.Code != pg.Form.Procedure && !containsProc(list, pr.Code) {
			continue
		}
		pg.Procedures = append(pg.Procedures, option{Value: pr.Code, Label: pr.Name + " (" + pr.Code + ")", Selected: pr.Code == pg.Form.Procedure})
	}
	pg.Offices = nil
	for _, code := range pg.Who.Offices {
		pg.Offices = append(pg.Offices, option{Value: code, Label: p.Registrar.Catalog.OfficeName(ctx, code), Selected: code == pg.Form.Office})
	}
	return nil
}

func containsProc(list []catalog.Procedure, code string) bool {
	for _, p := range list {
		if p.Code == code {
			return true
		}
	}
	return false
}

// register answers POST /mot-cua/tiep-nhan: the dossier is registered and its page
// opens; a field to correct shows the form again with the message beside it.
func (p *Pages) register(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	pg := p.newPage(w, r, "register")
	if err := r.ParseForm(); err != nil {
		pg.Error = pg.T("bad.form")
		p.render(w, http.StatusBadRequest, pg)
		return
	}
	f := readRegForm(r)
	pg.Form = f
	pg.Idem = r.PostFormValue("idem")
	show := func(status int) {
		if err := p.fillChoices(r.Context(), pg); err != nil {
			p.fail(w, r, pg, err)
			return
		}
		p.render(w, status, pg)
	}
	if !csrf.Valid(r) {
		pg.Error = pg.T("csrf")
		show(http.StatusForbidden)
		return
	}
	if pg.Who.Role != auth.RoleDesk {
		pg.Error = pg.T("reg.desk.only")
		show(http.StatusForbidden)
		return
	}
	reg, fe := f.registration()
	if fe == nil {
		if reg.ReceivingOffice == "" && len(pg.Who.Offices) > 0 {
			reg.ReceivingOffice = pg.Who.Offices[0]
		}
		body, _ := json.Marshal(reg)
		idem := app.Idempotency{}
		if htmlpage.ValidFormKey(pg.Idem) {
			idem = app.Idempotency{Key: "web:" + pg.Idem, RequestHash: httpapi.RequestHash(body)}
		}
		receipt, _, err := p.Registrar.Register(r.Context(), pg.Who, reg, idem)
		code := ""
		switch {
		case err == nil:
			code = receipt.Code
		case errors.As(err, &fe):
		case errors.Is(err, app.ErrKeyReused):
			pg.Idem = htmlpage.FormKey()
			pg.Error = pg.T("bad.form")
			show(http.StatusConflict)
			return
		default:
			p.fail(w, r, pg, err)
			return
		}
		if fe == nil {
			http.Redirect(w, r, DossierPath+url.PathEscape(code)+"?done=register", http.StatusSeeOther)
			return
		}
	}
	pg.Error = pg.T("reg.fix")
	pg.Errors[fe.Field] = fieldMessage(pg, fe)
	show(http.StatusUnprocessableEntity)
}

// readRegForm reads the registration form.
func readRegForm(r *http.Request) regForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := regForm{Procedure: v("procedure_code"), Office: v("receiving_office"), Channel: v("channel"),
		FullName: v("full_name"), IDNumber: v("id_number"), Phone: v("phone"), Email: v("email"), Address: v("address"),
		Delivery: v("delivery"), DeliveryAddress: v("delivery_address"), Fee: v("fee_paid_vnd"), FeeReceipt: v("fee_receipt_number")}
	names, kinds, copies := r.PostForm["doc_name"], r.PostForm["doc_kind"], r.PostForm["doc_copies"]
	for i := 0; i < docRows; i++ {
		d := docRow{Kind: string(dossier.Copy), Copies: "1"}
		if i < len(names) {
			d.Name = strings.TrimSpace(names[i])
		}
		if i < len(kinds) {
			d.Kind = strings.TrimSpace(kinds[i])
		}
		if i < len(copies) {
			d.Copies = strings.TrimSpace(copies[i])
		}
		f.Docs = append(f.Docs, d)
	}
	return f
}

// registration is the form as the use case takes it; numbers that are not numbers are
// told as field errors.
func (f regForm) registration() (dossier.Registration, *dossier.FieldError) {
	reg := dossier.Registration{ProcedureCode: f.Procedure, ReceivingOffice: f.Office, Channel: dossier.Channel(f.Channel),
		Applicant:        dossier.Applicant{FullName: f.FullName, IDNumber: f.IDNumber, Phone: f.Phone, Email: f.Email, Address: f.Address},
		ResultDelivery:   dossier.ResultDelivery{Method: dossier.DeliveryMethod(f.Delivery), Address: f.DeliveryAddress},
		FeeReceiptNumber: f.FeeReceipt, Documents: []dossier.Document{}}
	if f.Fee != "" {
		fee, err := htmlpage.ParseDong(f.Fee)
		if err != nil || fee < 0 {
			return reg, dossier.Invalid("fee_paid_vnd", "not_a_number")
		}
		reg.FeePaidVND = fee
	}
	for i, d := range f.Docs {
		if d.Name == "" {
			continue
		}
		n := 1
		if d.Copies != "" {
			c, err := strconv.Atoi(d.Copies)
			if err != nil || c < 1 {
				return reg, dossier.Invalid(fmt.Sprintf("documents[%d].copies", i), "not_a_number")
			}
			n = c
		}
		reg.Documents = append(reg.Documents, dossier.Document{Name: d.Name, Kind: dossier.DocumentKind(d.Kind), Copies: n})
	}
	return reg, nil
}

// fieldMessage says in the page's language what is wrong with a field and how to put it
// right.
func fieldMessage(pg *page, fe *dossier.FieldError) string { return fe.Words().In(pg.Lang) }
