package forms

import "github.com/motcua/motcua/services/intake/domain/dossier"

// Kind names one printable form: the domain's dossier.Form.
type Kind = dossier.Form

// The printable forms, numbered as in the annex of Circular 01/2018/TT-VPCP.
const (
	KindReceipt           = dossier.FormReceipt
	KindSupplementRequest = dossier.FormSupplementRequest
	KindRefusal           = dossier.FormRefusal
	KindApology           = dossier.FormApology
	KindControlSlip       = dossier.FormControlSlip
	KindDispatchSlip      = dossier.FormDispatchSlip
)

// Kinds lists every form, in the order of the annex.
func Kinds() []Kind { return dossier.Forms() }

// ParseKind reads a form name as used in URLs ("receipt", "supplement-request",
// "refusal", "apology", "control-slip"); ok is false for any other string.
func ParseKind(s string) (k Kind, ok bool) {
	for _, k := range Kinds() {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// number is the form's number in the annex, as printed in its corner.
func number(k Kind) string {
	switch k {
	case KindReceipt:
		return "Mẫu số 01"
	case KindSupplementRequest:
		return "Mẫu số 02"
	case KindRefusal:
		return "Mẫu số 03"
	case KindApology:
		return "Mẫu số 04"
	case KindControlSlip:
		return "Mẫu số 05"
	case KindDispatchSlip:
		return "Phiếu gửi"
	}
	return ""
}
