package dossier

import (
	"errors"
	"time"
)

// A result given electronically (DeliverElectronically) is a file: the office that
// decides attaches it as it completes the dossier, and the citizen downloads it with the
// dossier's code and PIN, without coming to a desk. The first download returns the
// result, as the desk's return or the post's delivery does.

// ActDownload: the citizen downloaded the electronic result for the first time, which
// returned it. The citizen takes it, not staff: like the post's steps it is not among
// Actions, so no one takes it through the actions API.
const ActDownload Action = "download"

// ActAttachResult names the attaching of a result's file before complete, for the words
// of a refusal; it changes nothing of the dossier and logs no step.
const ActAttachResult Action = "attach-result"

// ErrNoResult: the dossier has no result the citizen can download (its result is not
// given electronically, or the office has not completed it with the file).
var ErrNoResult = errors.New("no electronic result to download")

// needsResultFile checks complete's command c against the way the result is given: an
// approved result given electronically is the file itself, so completing without one
// would leave the citizen nothing to download. A rejection may carry the decision
// letter as the file, or leave it to the desk.
func (s *State) needsResultFile(c Command) *FieldError {
	if s.ResultDelivery == DeliverElectronically && c.Outcome == Approved && c.ResultFileID == "" {
		return Invalid("result_file_id", "result_file_required")
	}
	return nil
}

// ResultDownloadable reports whether the citizen can download the result: it is given
// electronically and the office completed the dossier with its file. It stays so once
// the result is returned.
func (s *State) ResultDownloadable() bool {
	return s.ResultDelivery == DeliverElectronically && s.ResultFile != "" && s.Outcome != ""
}

// CheckAttachResult checks that actor may attach a result's file to the dossier now:
// the office that holds it, while that office may complete it. It fails with an
// *OfficeError or a *NotAllowedError, as Apply does.
func (s *State) CheckAttachResult(actor Actor) error {
	if !actor.in(s.CurrentOffice) {
		return &OfficeError{Office: s.CurrentOffice}
	}
	if !s.permits(ActComplete) {
		return &NotAllowedError{Action: ActAttachResult, Status: s.Status, Allowed: s.AllowedFor(actor)}
	}
	return nil
}

// Download records the citizen's download of the electronic result at at. The first
// download of a result not yet returned returns it (returned, national code 10, the
// finish timing kept) and gives the step to log; later ones change nothing (first is
// false) and the file is given all the same. It fails with ErrNoResult when there is
// nothing to download.
func Download(s State, at time.Time) (next State, step Step, first bool, err error) {
	if !s.ResultDownloadable() {
		return s, Step{}, false, ErrNoResult
	}
	if s.Status != StatusProcessed && s.Status != StatusResultInTransit {
		return s, Step{}, false, nil
	}
	step = Step{Action: ActDownload, At: at, Actor: CitizenName, Office: s.CurrentOffice, FromOffice: s.CurrentOffice,
		Timing: s.Timing}
	s.Status, s.PendingOffice = StatusReturned, ""
	s.Version++
	return s, step, true, nil
}
