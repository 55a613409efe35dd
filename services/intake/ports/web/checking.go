package web

import (
	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// Checking reports whether the work list shows its checking tab: the dossiers submitted
// online that the office has not received yet.
func (wl *workList) Checking() bool { return wl.Tab == app.TabChecking }

// CheckTime says where a row of the checking list stands against the desk's check,
// which is due within the working day: late, or due by when; for a dossier the desk
// gave guidance on, that it waits for the citizen.
func (pg *page) CheckTime(row app.WorkRow) string {
	switch {
	case row.LateToCheck:
		return pg.T("check.late", pg.When(row.CheckBy))
	case !row.CheckBy.IsZero():
		return pg.T("check.until", pg.When(row.CheckBy))
	case row.Status == string(dossier.StatusSupplementRequested):
		return pg.T("check.waiting")
	}
	return ""
}

// RowFee says where a row's fee stands: paid, still owed (how much), or no fee, from
// the dossier's state, so the desk sees at its check what the citizen paid online.
func (pg *page) RowFee(row app.WorkRow) string {
	switch owed := row.FeeDueVND - row.FeePaidVND; {
	case row.FeeDueVND == 0:
		return pg.T("fee.none")
	case owed > 0:
		return pg.T("fee.owed", pg.Money(owed))
	}
	return pg.T("fee.paid")
}
