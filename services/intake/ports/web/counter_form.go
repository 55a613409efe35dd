package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// usualPostage is what the counter's form proposes for the postage: domain §5's
// indicative postage for one dossier one way within a province, 26 000 đồng, which the
// worker changes when the post's tariff says otherwise.
const usualPostage = "26.000"

// counterForm is the counter's registration as the worker filled it, kept to show it
// again.
type counterForm struct {
	Procedure, PostOffice, Office      string
	FullName, IDNumber, Phone, Address string
	// Docs are the procedure's documents ticked as handed in, by their place in its
	// list; Other is a paper the list does not name, of kind OtherKind.
	Docs             map[int]bool
	Other, OtherKind string
	Seal, Postage    string
	// Fee is the authority's fee collected on its behalf.
	Fee                       string
	Delivery, DeliveryAddress string
}

// newCounterForm is the empty form: the usual postage, the result to be collected
// back at this post office.
func newCounterForm() counterForm {
	return counterForm{Docs: map[int]bool{}, OtherKind: string(dossier.Copy), Postage: usualPostage,
		Delivery: string(dossier.DeliverAtPostOffice)}
}

// prefill ticks the documents proc requires, which every dossier of it has, and puts
// its fee as the sum to collect; a fee fixed case by case is left to type.
func (f *counterForm) prefill(proc catalog.Procedure) {
	f.Procedure = proc.Code
	for i, d := range proc.Documents {
		f.Docs[i] = d.Required
	}
	if !proc.FeeVaries {
		f.Fee = dong(proc.FeeVND)
	}
}

// readCounterForm reads the counter's form.
func readCounterForm(r *http.Request) counterForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := counterForm{Procedure: v("procedure_code"), PostOffice: v("post_office"), Office: v("receiving_office"),
		FullName: v("full_name"), IDNumber: v("id_number"), Phone: v("phone"), Address: v("address"),
		Docs: map[int]bool{}, Other: v("other_doc"), OtherKind: v("other_doc_kind"),
		Seal: v("seal_number"), Postage: v("postage_vnd"), Fee: v("fee_paid_vnd"),
		Delivery: v("delivery"), DeliveryAddress: v("delivery_address")}
	for _, s := range r.PostForm["doc"] {
		if i, err := strconv.Atoi(s); err == nil && i >= 0 && i < catalogDocumentsMax {
			f.Docs[i] = true
		}
	}
	return f
}

// catalogDocumentsMax bounds the places of ticked documents read from a form: no
// procedure lists more.
const catalogDocumentsMax = 100

// registration is the form as the use case takes it, for proc: a dossier arriving by
// post, the result collected back at this post office or sent where the worker chose.
// Sums that are not numbers are told as field errors.
func (f counterForm) registration(proc catalog.Procedure) (dossier.Registration, *dossier.FieldError) {
	reg := dossier.Registration{ProcedureCode: proc.Code, ReceivingOffice: f.Office, Channel: dossier.ChannelPost,
		Applicant:      dossier.Applicant{FullName: f.FullName, IDNumber: f.IDNumber, Phone: f.Phone, Address: f.Address},
		ResultDelivery: dossier.ResultDelivery{Method: dossier.DeliveryMethod(f.Delivery)},
		PostOffice:     f.PostOffice, SealNumber: f.Seal, Documents: []dossier.Document{}}
	switch reg.ResultDelivery.Method {
	case dossier.DeliverAtPostOffice:
		reg.ResultDelivery.PostOffice = f.PostOffice
	case dossier.DeliverByPost:
		// An address typed and then left for another choice is not kept.
		reg.ResultDelivery.Address = f.DeliveryAddress
	}
	for _, s := range []struct {
		field, text string
		to          *int64
	}{{"postage_vnd", f.Postage, &reg.PostageVND}, {"fee_paid_vnd", f.Fee, &reg.FeePaidVND}} {
		n, err := htmlpage.ParseDong(s.text)
		if err != nil || n < 0 {
			return reg, dossier.Invalid(s.field, "not_a_number")
		}
		*s.to = n
	}
	for i, d := range proc.Documents {
		if f.Docs[i] {
			reg.Documents = append(reg.Documents, dossier.Document{Name: d.Name, Kind: d.Kind, Copies: d.Copies})
		}
	}
	if f.Other != "" {
		reg.Documents = append(reg.Documents, dossier.Document{Name: f.Other, Kind: dossier.DocumentKind(f.OtherKind), Copies: 1})
	}
	return reg, nil
}

// missingDocument is the first document proc requires that the worker did not tick:
// the post office checks the papers against the procedure's list before it seals them
// (domain §5), so a dossier without one is not sent on.
func (f counterForm) missingDocument(proc catalog.Procedure) *dossier.FieldError {
	for i, d := range proc.Documents {
		if d.Required && !f.Docs[i] {
			return dossier.Invalid("documents", "document_missing", d.Name)
		}
	}
	return nil
}

// counterInputs are the counter form's inputs beside which a registration's field is
// told.
var counterInputs = map[string]string{
	"receiving_office": "receiving_office", "handling_office": "receiving_office", "post_office": "post_office",
	"applicant.full_name": "full_name", "applicant.id_number": "id_number", "applicant.phone": "phone",
	"applicant.address": "address", "documents": "documents", "seal_number": "seal_number",
	"postage_vnd": "postage_vnd", "fee_paid_vnd": "fee_paid_vnd", "result_delivery.method": "delivery",
	"result_delivery.post_office": "delivery", "result_delivery.address": "delivery_address",
}

// counterInput is the input beside which a problem of field is told: a document's
// beside the checklist; "" when the form has none (the page's error says it).
func counterInput(field string) string {
	if strings.HasPrefix(field, "documents[") {
		return "documents"
	}
	return counterInputs[field]
}

// dong writes a sum of đồng as the form shows it: "100.000".
func dong(vnd int64) string { return strings.TrimSuffix(htmlpage.Money(vnd), " ₫") }
