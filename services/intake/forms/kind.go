package forms

// Kind names one printable form.
type Kind string

// The printable forms, numbered as in the annex of Circular 01/2018/TT-VPCP.
const (
	// KindReceipt is form 01, the receipt and appointment slip.
	KindReceipt Kind = "receipt"
	// KindSupplementRequest is form 02, the request to supplement the dossier.
	KindSupplementRequest Kind = "supplement-request"
	// KindRefusal is form 03, the refusal to accept or handle the dossier.
	KindRefusal Kind = "refusal"
	// KindApology is form 04, the apology with a new appointment.
	KindApology Kind = "apology"
	// KindControlSlip is form 05, the processing control slip (the hand-over log).
	KindControlSlip Kind = "control-slip"
)

// Kinds lists every form, in the order of the annex.
func Kinds() []Kind {
	return []Kind{KindReceipt, KindSupplementRequest, KindRefusal, KindApology, KindControlSlip}
}

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
func (k Kind) number() string {
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
	}
	return ""
}
