package citizenweb

import (
	"fmt"
	"strings"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/textnorm"
	"github.com/motcua/motcua/services/platform/web/htmlpage"
)

// applyForm is the application as the citizen filled it, kept to show it again: the
// files are not (a browser never fills a file input), so an error asks for them again.
type applyForm struct {
	FullName, IDNumber, Phone, Email, Address string
	Office                                    string
	Delivery, DeliveryAddress                 string
	Declared                                  bool
	// Idem is the form's idempotency key, drawn with it.
	Idem string
	// Docs are the procedure's documents, each with its file input.
	Docs []docInput
}

// docInput is a document of the procedure and the file input for it.
type docInput struct {
	catalog.Document
	// Input is the file input's name and id: file-0, file-1…
	Input string
}

// The application's inputs, named after the fields of the registration they fill.
const (
	inFullName        = "full_name"
	inIDNumber        = "id_number"
	inPhone           = "phone"
	inEmail           = "email"
	inAddress         = "address"
	inOffice          = "receiving_office"
	inDelivery        = "delivery"
	inDeliveryAddress = "delivery_address"
	inDeclaration     = "declaration"
	inIdem            = "idem"
)

// fieldInputs are the inputs beside which a registration's field is told.
var fieldInputs = map[string]string{
	"applicant.full_name": inFullName, "applicant.id_number": inIDNumber, "applicant.phone": inPhone,
	"applicant.email": inEmail, "applicant.address": inAddress, "receiving_office": inOffice, "handling_office": inOffice,
	"result_delivery.method": inDelivery, "result_delivery.address": inDeliveryAddress,
}

// newApplyForm is the empty application of proc, with a fresh idempotency key.
func newApplyForm(proc catalog.Procedure) applyForm {
	f := applyForm{Delivery: string(dossier.DeliverAtDesk), Idem: htmlpage.FormKey()}
	for i, d := range proc.Documents {
		f.Docs = append(f.Docs, docInput{Document: d, Input: fmt.Sprintf("file-%d", i)})
	}
	return f
}

// readApplyForm is the application of proc as the form sent it.
func readApplyForm(proc catalog.Procedure, get func(string) string) applyForm {
	f := newApplyForm(proc)
	f.FullName, f.IDNumber, f.Phone, f.Email = get(inFullName), get(inIDNumber), get(inPhone), get(inEmail)
	f.Address, f.Office, f.Delivery, f.DeliveryAddress = get(inAddress), get(inOffice), get(inDelivery), get(inDeliveryAddress)
	f.Declared = get(inDeclaration) == "1"
	if k := get(inIdem); htmlpage.ValidFormKey(k) {
		f.Idem = k
	}
	return f
}

// registration is the application as the use case takes it: the procedure's documents
// that come with a file (attached: the file input's names that hold one), each naming
// its file by its input.
func (f applyForm) registration(proc catalog.Procedure, attached map[string]bool) dossier.Registration {
	reg := dossier.Registration{ProcedureCode: proc.Code, ReceivingOffice: f.Office,
		Applicant:      dossier.Applicant{FullName: f.FullName, IDNumber: f.IDNumber, Phone: f.Phone, Email: f.Email, Address: f.Address},
		ResultDelivery: dossier.ResultDelivery{Method: dossier.DeliveryMethod(f.Delivery), Address: f.DeliveryAddress},
		Documents:      []dossier.Document{}}
	for _, d := range f.Docs {
		if attached[d.Input] {
			reg.Documents = append(reg.Documents, dossier.Document{Name: d.Name, Kind: d.Kind, Copies: d.Copies, File: d.Input})
		}
	}
	return reg
}

// inputOf is the input beside which fe is told, "" when none is its own (the page's
// error then says it): a registration's field, a document's file input (by its place
// in reg, or by its name), or the input of the file fe names.
func (f applyForm) inputOf(fe *dossier.FieldError, reg dossier.Registration, uploads []app.Upload) string {
	if in, ok := fieldInputs[fe.Field]; ok {
		return in
	}
	var i int
	if _, err := fmt.Sscanf(fe.Field, "documents[%d]", &i); err == nil && i >= 0 && i < len(reg.Documents) {
		return reg.Documents[i].File
	}
	named := func(n int) string {
		if len(fe.Args) <= n {
			return ""
		}
		s, _ := fe.Args[n].(string)
		return s
	}
	switch fe.Field {
	case "documents":
		for _, d := range f.Docs {
			if textnorm.Fold(d.Name) == textnorm.Fold(named(0)) {
				return d.Input
			}
		}
	case "files":
		for _, u := range uploads {
			if textnorm.Clean(u.Name) == named(0) || strings.EqualFold(u.Part, named(0)) {
				return u.Part
			}
		}
	}
	return ""
}
