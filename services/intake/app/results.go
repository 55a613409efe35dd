package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/attachment"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/lookuppin"
	"github.com/motcua/motcua/services/platform/outbox"
)

// Results are the use cases of a result given electronically: the office that decides
// attaches the result's file, before it completes the dossier or with its complete, and
// the citizen downloads it with the dossier's code and PIN; the first download returns
// the result.
type Results struct {
	Processor *Processor
	// Files keeps the bytes; Records records a file posted outside an action.
	Files   FileStore
	Records FileRecords
	// PINKey is the key the lookup PINs are hashed with.
	PINKey []byte
}

// FileRecords records the files attached to a dossier outside an action.
type FileRecords interface {
	// AddFile records f as a file of the dossier with id.
	AddFile(ctx context.Context, dossierID uuid.UUID, f StoredFile) error
}

// errUnknownResultFile is a complete naming a file the dossier does not have as a result.
var errUnknownResultFile = dossier.Invalid("result_file_id", "unknown_result_file")

// Attach keeps u as a result's file of the dossier with code, posted by who, a member of
// staff of the office that holds it while it may complete it; complete names it then by
// the id answered. The file is judged as a citizen's are. It fails with ErrNotFound
// (also for a dossier who may not see), a *dossier.FieldError, a *dossier.OfficeError
// or a *dossier.NotAllowedError.
func (r *Results) Attach(ctx context.Context, who *auth.Principal, code string, u Upload) (SubmittedFile, error) {
	kinds, fe := judgeUploads(nil, []Upload{u})
	if fe != nil {
		return SubmittedFile{}, fe
	}
	rec, err := r.involved(ctx, who, code)
	if err != nil {
		return SubmittedFile{}, err
	}
	if err := rec.State.CheckAttachResult(actorOf(who)); err != nil {
		return SubmittedFile{}, fmt.Errorf("attach result: %w", err)
	}
	f, err := r.keep(ctx, u, kinds[0], who.Username)
	if err != nil {
		return SubmittedFile{}, err
	}
	if err := r.Records.AddFile(ctx, rec.ID, f); err != nil {
		return SubmittedFile{}, err
	}
	return submittedFiles([]StoredFile{f})[0], nil
}

// Complete completes the dossier with code for who with command c and u, the result's
// file, kept with the step in one transaction, as Act does. A request sent again is
// answered before the file is kept again, and the action is tried on the dossier as it
// stands before the file is kept, so that a refused complete leaves no bytes behind.
func (r *Results) Complete(ctx context.Context, who *auth.Principal, code string, c dossier.Command, u Upload,
	idem Idempotency) (view State, replayed bool, err error) {
	kinds, fe := judgeUploads(nil, []Upload{u})
	if fe != nil {
		return view, false, fe
	}
	p := r.Processor
	c.Normalize(dossier.ActComplete)
	if fe := c.Validate(dossier.ActComplete); fe != nil {
		return view, false, fe
	}
	if found, err := p.Dossiers.Answered(ctx, idem.scoped(who), &view, false); found || err != nil {
		return view, found, err
	}
	rec, err := r.involved(ctx, who, code)
	if err != nil {
		return view, false, err
	}
	c.ResultFileID = uuid.Nil.String()
	if _, _, err := dossier.Apply(rec.State, dossier.ActComplete, c, actorOf(who), p.Now(), p.Calendar.Calendar()); err != nil {
		return view, false, fmt.Errorf("complete dossier: %w", err)
	}
	f, err := r.keep(ctx, u, kinds[0], who.Username)
	if err != nil {
		return view, false, err
	}
	c.ResultFileID = f.ID.String()
	return p.act(ctx, who, code, dossier.ActComplete, c, idem, &f)
}

// involved is the dossier with code, which who's offices have a part in; ErrNotFound
// when there is none, as for a dossier who may not see.
func (r *Results) involved(ctx context.Context, who *auth.Principal, code string) (DossierRecord, error) {
	rec, ok, err := r.Processor.Dossiers.Dossier(ctx, code)
	if err != nil {
		return rec, err
	}
	if !ok || !involves(rec, who) {
		return rec, ErrNotFound
	}
	return rec, nil
}

// keep stores the bytes of u, a file of kind, as a result's file added by by.
func (r *Results) keep(ctx context.Context, u Upload, kind, by string) (StoredFile, error) {
	id := uuid.New()
	f := StoredFile{ID: id, Purpose: FileResult, Name: attachment.CleanName(u.Name, kind), ContentType: kind,
		Size: u.Size, SHA256: u.SHA256, StorageKey: id.String(), AddedAt: r.Processor.Now(), AddedBy: by}
	if err := r.Files.Put(ctx, f.StorageKey, u.Body, u.Size); err != nil {
		return f, fmt.Errorf("keep result file: %w", err)
	}
	return f, nil
}

// postedResult is the result's file with id posted to the dossier with code before its
// complete; nil when the dossier has no such result file. It is read before the
// dossier is locked (files are never changed or removed), so that an action holds one
// connection only.
func (p *Processor) postedResult(ctx context.Context, code, id string) (*StoredFile, error) {
	fileID, err := uuid.Parse(id)
	if err != nil {
		return nil, nil
	}
	f, ok, err := p.Dossiers.File(ctx, code, fileID)
	if err != nil || !ok || f.Purpose != FileResult {
		return nil, err
	}
	return &f, nil
}

// Download gives the citizen the electronic result of the dossier with code, proved by
// its PIN: the very bytes the office attached. The first download returns the result
// (returned, national code 10, one event whoever downloads it at the same moment); the
// file is given again afterwards. It fails with ErrWrongPIN for a code and PIN that do
// not match, dossier.ErrNoResult when there is nothing to download.
func (r *Results) Download(ctx context.Context, code, pin string) (*FileContent, error) {
	p := r.Processor
	rec, ok, err := p.Dossiers.Dossier(ctx, code)
	if err != nil {
		return nil, err
	}
	if !ok || !lookuppin.Check(r.PINKey, rec.Code, pin, rec.PINHash) {
		return nil, ErrWrongPIN
	}
	if !rec.State.ResultDownloadable() {
		return nil, dossier.ErrNoResult
	}
	id, err := uuid.Parse(rec.State.ResultFile)
	if err != nil {
		return nil, fmt.Errorf("result file of %s: %w", rec.Code, err)
	}
	f, ok, err := p.Dossiers.File(ctx, rec.Code, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("result file %s of %s is not recorded", id, rec.Code)
	}
	// The bytes are opened first: a result is returned only when it can be given.
	body, err := r.Files.Open(ctx, f.StorageKey)
	if err != nil {
		return nil, fmt.Errorf("read result file %s: %w", f.ID, err)
	}
	if rec.State.Status != dossier.StatusReturned {
		if err := r.returnResult(ctx, rec.Code); err != nil {
			_ = body.Close()
			return nil, err
		}
	}
	loc := p.Calendar.Calendar().Location()
	return &FileContent{FileView: fileViews(rec.Code, []StoredFile{f}, loc)[0], Body: body}, nil
}

// errReturnedAlready is a download that found the result returned already: it changes
// nothing.
var errReturnedAlready = errors.New("the result is returned already")

// returnResult returns the result of the dossier with code on its first download. The
// dossier is locked while it is decided, so of downloads at the same moment one returns
// it and the others find it returned and change nothing.
func (r *Results) returnResult(ctx context.Context, code string) error {
	p := r.Processor
	cal := p.Calendar.Calendar()
	name := p.Catalog.officeNamer(ctx)
	_, err := p.Dossiers.Update(ctx, code, IdempotencyKey{}, nil, func(d StoredDossier) (Change, error) {
		next, step, first, err := dossier.Download(d.State, p.Now())
		if err != nil {
			return Change{}, err
		}
		if !first {
			return Change{}, errReturnedAlready
		}
		msg, err := events.Action(events.Acted{DossierID: d.ID, State: next, Step: step, OfficeName: name,
			ProcessingTime: next.ProcessingTime(cal)})
		if err != nil {
			return Change{}, err
		}
		return Change{State: next, Step: step, Events: []outbox.Message{msg}}, nil
	})
	switch {
	case errors.Is(err, errReturnedAlready):
		return nil
	case err != nil:
		return fmt.Errorf("return the result: %w", err)
	}
	p.Relay.Notify()
	return nil
}
