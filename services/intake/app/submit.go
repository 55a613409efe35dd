package app

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/proto/vocabulary"
	"github.com/motcua/motcua/services/intake/domain/attachment"
	"github.com/motcua/motcua/services/intake/domain/contact"
	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/intake/events"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// Upload is a file a citizen hands in, as the port received it: counted, hashed and
// kept aside so that it can be read again from its start.
type Upload struct {
	// Part is the request's name for the file, which a document's "file" names.
	Part string
	// Name is the file's name as the citizen's browser gave it.
	Name   string
	Size   int64
	SHA256 []byte
	// Head is the file's first bytes (attachment.SniffBytes, or all of a shorter file).
	Head []byte
	// Body reads the file's bytes from the start.
	Body io.Reader
}

// Submission is the answer to an online submission: the code and the PIN to follow it
// with (given here and in the message to the citizen only), and the files kept.
type Submission struct {
	Code       string          `json:"code"`
	LookupPIN  string          `json:"lookup_pin"`
	Status     string          `json:"status"`
	StatusCode int             `json:"status_code"`
	Submitted  time.Time       `json:"submitted_at"`
	Files      []SubmittedFile `json:"files"`
}

// SubmittedFile is a file kept with a submission, as its answer names it.
type SubmittedFile struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// citizenActor names the citizen where staff would be named.
const citizenActor = dossier.CitizenName

// contactField names the keyed hash of a submission's verified address.
const contactField = "contact"

// Online is where a citizen submits a dossier without coming to a desk.
type Online struct {
	Registrar *Registrar
	Files     FileStore
}

// Submit checks reg and the files handed in with it, keeps the files, and registers the
// dossier as submitted: it has its code and PIN at once, and waits for a desk to check
// it (the clock has not started). The code and PIN are sent to the citizen's verified
// address too. With an idempotency key seen before it returns the first answer again.
func (o *Online) Submit(ctx context.Context, who *auth.Citizen, reg dossier.Registration, uploads []Upload,
	idem Idempotency, lang vocabulary.Lang) (answer Submission, replayed bool, err error) {
	address, ok := contact.ParseSubject(who.Subject)
	if !ok {
		return answer, false, fmt.Errorf("submit for %q: %w", who.Subject, ErrForbidden)
	}
	a := o.Registrar
	reg.Channel, reg.FeePaidVND, reg.FeeReceiptNumber = dossier.ChannelOnline, 0, ""
	reg.Normalize()
	switch address.Channel {
	case contact.Email:
		reg.Applicant.Email = address.Value
	case contact.Phone:
		reg.Applicant.Phone = address.Value
	}
	if fe := reg.Validate(); fe != nil {
		return answer, false, fe
	}
	kinds, fe := judgeUploads(reg.Documents, uploads)
	if fe != nil {
		return answer, false, fe
	}
	refs, err := a.reference(ctx, reg)
	if err != nil {
		return answer, false, err
	}
	proc, recv := refs.proc, refs.recv
	if fe := offeredOnline(proc, recv); fe != nil {
		return answer, false, fe
	}
	// The key's scope is the citizen's address, kept as its keyed hash like the address.
	contactIndex := a.Sealer.Index(contactField, address.String())
	key := IdempotencyKey{Scope: "contact:" + hex.EncodeToString(contactIndex), Key: idem.Key, RequestHash: idem.RequestHash}
	// A request sent again is answered before its files are kept a second time.
	if found, err := a.Dossiers.Answered(ctx, key, &answer, true); found || err != nil {
		return answer, found, err
	}
	now := a.Now()
	files, err := o.keep(ctx, uploads, kinds, reg.Documents, now, citizenActor)
	if err != nil {
		return answer, false, err
	}
	local := now.In(a.Calendar.Calendar().Location())
	replayed, err = a.Dossiers.Register(ctx, recv.Code, local, key, &answer, func(sequence int) (NewDossier, error) {
		b := a.bear(recv.Code, local, sequence)
		r := a.registered(b, reg, refs, citizenActor)
		r.Status, r.SubmittedAt, r.Files = dossier.StatusSubmitted, now, fileEvents(files)
		msg, err := events.Received(r, now)
		if err != nil {
			return NewDossier{}, err
		}
		answer = Submission{Code: b.code, LookupPIN: b.pin, Status: string(dossier.StatusSubmitted),
			StatusCode: dossier.StatusSubmitted.NationalCode(), Submitted: local.Truncate(time.Second),
			Files: submittedFiles(files)}
		d := a.newDossier(b, reg, refs, time.Time{}, time.Time{}, citizenActor)
		d.Status, d.SubmittedAt, d.Files = dossier.StatusSubmitted, now, files
		d.ContactChannel, d.ContactIndex, d.Lang = string(address.Channel), contactIndex, lang
		d.Events = []outbox.Message{msg}
		return d, nil
	})
	if err != nil {
		return answer, false, fmt.Errorf("submit dossier: %w", err)
	}
	if !replayed {
		a.Relay.Notify()
	}
	return answer, replayed, nil
}

// judgeUploads checks the files against the rules and the documents that name them,
// and returns the kind of each, judged by its content.
func judgeUploads(docs []dossier.Document, uploads []Upload) ([]string, *dossier.FieldError) {
	if len(uploads) > attachment.MaxFiles {
		return nil, dossier.Invalid("files", "too_many", attachment.MaxFiles)
	}
	parts := make(map[string]bool, len(uploads))
	kinds := make([]string, len(uploads))
	var total int64
	for i, u := range uploads {
		kind, ok := attachment.Judge(u.Head)
		switch {
		case u.Size == 0:
			return nil, dossier.Invalid("files", "empty_file", textnorm.Clean(u.Name))
		case u.Size > attachment.MaxFileBytes:
			return nil, dossier.Invalid("files", "file_too_large", textnorm.Clean(u.Name), attachment.MaxFileBytes>>20)
		case !ok:
			return nil, dossier.Invalid("files", "file_kind", textnorm.Clean(u.Name))
		case parts[u.Part]:
			return nil, dossier.Invalid("files", "part_twice", u.Part)
		}
		parts[u.Part], kinds[i] = true, kind
		total += u.Size
	}
	if total > attachment.MaxTotalBytes {
		return nil, dossier.Invalid("files", "files_too_large", attachment.MaxTotalBytes>>20)
	}
	for i, d := range docs {
		if d.File != "" && !parts[d.File] {
			return nil, dossier.Invalid(fmt.Sprintf("documents[%d].file", i), "no_such_part", d.File)
		}
	}
	return kinds, nil
}

// keep stores the files' bytes and returns their records; the documents that named a
// file by its part now name it by its id.
func (o *Online) keep(ctx context.Context, uploads []Upload, kinds []string, docs []dossier.Document,
	now time.Time, by string) ([]StoredFile, error) {
	files := make([]StoredFile, len(uploads))
	for i, u := range uploads {
		id := uuid.New()
		f := StoredFile{ID: id, Purpose: FileSubmission, Name: attachment.CleanName(u.Name, kinds[i]),
			ContentType: kinds[i], Size: u.Size, SHA256: u.SHA256, StorageKey: id.String(), AddedAt: now, AddedBy: by}
		for j := range docs {
			if docs[j].File == u.Part {
				docs[j].File, f.Document = id.String(), docs[j].Name
			}
		}
		if err := o.Files.Put(ctx, f.StorageKey, u.Body, u.Size); err != nil {
			return nil, fmt.Errorf("keep file: %w", err)
		}
		files[i] = f
	}
	return files, nil
}

func fileEvents(files []StoredFile) []events.File {
	out := make([]events.File, len(files))
	for i, f := range files {
		out[i] = events.File{ID: f.ID.String(), Name: f.Name, SHA256: f.SHA256, Size: f.Size,
			ContentType: f.ContentType, Document: f.Document}
	}
	return out
}

func submittedFiles(files []StoredFile) []SubmittedFile {
	out := make([]SubmittedFile, len(files))
	for i, f := range files {
		out[i] = SubmittedFile{ID: f.ID.String(), Name: f.Name, SHA256: hex.EncodeToString(f.SHA256), Size: f.Size}
	}
	return out
}
