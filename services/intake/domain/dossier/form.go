package dossier

// Form names a printable form of the annex of Circular 01/2018/TT-VPCP, as in the API
// path.
type Form string

// The printable forms, numbered as in the annex.
const (
	// FormReceipt is form 01, the receipt and appointment slip.
	FormReceipt Form = "receipt"
	// FormSupplementRequest is form 02, the request to supplement the dossier.
	FormSupplementRequest Form = "supplement-request"
	// FormRefusal is form 03, the refusal to accept or handle the dossier.
	FormRefusal Form = "refusal"
	// FormApology is form 04, the apology with a new appointment.
	FormApology Form = "apology"
	// FormControlSlip is form 05, the processing control slip (the hand-over log).
	FormControlSlip Form = "control-slip"
	// FormDispatchSlip is the post's dispatch slip (phiếu gửi), which the postal worker
	// and the applicant sign when a post office takes a dossier (domain §5); not in the
	// annex.
	FormDispatchSlip Form = "dispatch-slip"
)

// Forms lists every form, in the order of the annex, then the post's dispatch slip.
func Forms() []Form {
	return []Form{FormReceipt, FormSupplementRequest, FormRefusal, FormApology, FormControlSlip, FormDispatchSlip}
}

// Printed is the form the action's step fills, to hand or send to the citizen; ok is
// false for an action that prints none.
func (a Action) Printed() (form Form, ok bool) {
	switch a {
	case ActRequestSupplement:
		return FormSupplementRequest, true
	case ActRefuse:
		return FormRefusal, true
	case ActExtend:
		return FormApology, true
	}
	return "", false
}

// Always reports whether the form can be printed for every dossier (the receipt and the
// control slip), not only once a step filled it.
func (f Form) Always() bool { return f == FormReceipt || f == FormControlSlip }
