package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/lookuppin"
	"github.com/motcua/motcua/services/platform/outbox"
)

// ErrWrongPIN is a citizen's action on a dossier with a code and PIN that do not match:
// told apart from an unknown code by nobody but the rate limit.
var ErrWrongPIN = errors.New("no dossier with this code and PIN")

// SupplementSent is the answer to a citizen's supplement: the dossier's status now and
// the files kept.
type SupplementSent struct {
	Code       string          `json:"code"`
	Status     string          `json:"status"`
	StatusCode int             `json:"status_code"`
	At         time.Time       `json:"supplemented_at"`
	Files      []SubmittedFile `json:"files"`
}

// Supplement takes the supplement a citizen sends online to the dossier with code,
// proved by its PIN: a note and files. The dossier must be waiting for it; it goes back
// to the office that asked (the clock runs again, or the desk checks it again when the
// guidance came before receipt). It fails with ErrWrongPIN for a code and PIN that do
// not match, a *dossier.NotAllowedError when no supplement is awaited.
func (o *Online) Supplement(ctx context.Context, code, pin, note string, uploads []Upload, idem Idempotency) (
	answer SupplementSent, replayed bool, err error) {
	a := o.Registrar
	c := dossier.Command{Note: note}
	c.Normalize(dossier.ActSupplement)
	if fe := c.Validate(dossier.ActSupplement); fe != nil {
		return answer, false, fe
	}
	if c.Note == "" && len(uploads) == 0 {
		return answer, false, dossier.Invalid("note", "supplement_empty")
	}
	kinds, fe := judgeUploads(nil, uploads)
	if fe != nil {
		return answer, false, fe
	}
	key := IdempotencyKey{Scope: "pin:" + code, Key: idem.Key, RequestHash: idem.RequestHash}
	// A request sent again is answered before its files are kept a second time.
	if found, err := a.Dossiers.Answered(ctx, key, &answer, false); found || err != nil {
		return answer, found, err
	}
	now := a.Now()
	files, err := o.keep(ctx, uploads, kinds, nil, now, citizenActor)
	if err != nil {
		return answer, false, err
	}
	for i := range files {
		files[i].Purpose = FileSupplement
	}
	cal := a.Calendar.Calendar()
	name := a.Catalog.officeNamer(ctx)
	replayed, err = a.Dossiers.Update(ctx, code, key, &answer, func(d StoredDossier) (Change, error) {
		if !lookuppin.Check(a.PINKey, d.Code, pin, d.PINHash) {
			return Change{}, ErrWrongPIN
		}
		next, step, err := dossier.Apply(d.State, dossier.ActSupplement, c, dossier.Citizen(d.State), now, cal)
		if err != nil {
			return Change{}, err
		}
		msg, err := events.Action(events.Acted{DossierID: d.ID, State: next, Step: step, OfficeName: name,
			Files: fileEvents(files)})
		if err != nil {
			return Change{}, err
		}
		answer = SupplementSent{Code: d.Code, Status: string(next.Status), StatusCode: next.Status.NationalCode(),
			At: now.In(cal.Location()).Truncate(time.Second), Files: submittedFiles(files)}
		return Change{State: next, Step: step, Events: []outbox.Message{msg}, Files: files}, nil
	})
	if errors.Is(err, ErrNotFound) {
		err = ErrWrongPIN
	}
	if err != nil {
		return answer, false, fmt.Errorf("supplement dossier: %w", err)
	}
	if !replayed {
		a.Relay.Notify()
	}
	return answer, replayed, nil
}
