package app

import (
	"context"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/intake/domain/dossier"
	"github.com/motcua/motcua/services/platform/auth"
	"github.com/motcua/motcua/services/platform/textnorm"
)

// SearchInput is what desk staff know of a citizen who has lost the receipt: a part of
// the name (with or without diacritics), the ID number, the phone number.
type SearchInput struct {
	Name     string
	IDNumber string
	Phone    string
}

// Hit is a dossier found by a search: its heading, with its procedure and the
// applicant's name.
type Hit struct {
	Heading
	Procedure     OfficeRef `json:"procedure"`
	ApplicantName string    `json:"applicant_name"`
}

// SearchQuery finds dossiers of the given offices by applicant: a part of the folded
// name (without diacritics, lower case), and the keyed hashes of an ID number or a
// phone number. Empty criteria are not applied; at least one must be set.
type SearchQuery struct {
	Offices    []string
	NameFolded string
	IDIndex    []byte
	PhoneIndex []byte
	Limit      int
}

// Found is a dossier a search found.
type Found struct {
	ID            uuid.UUID
	Code          string
	ProcedureCode string
	Status        string
	ReceivedAt    time.Time
	DueAt         time.Time
	ApplicantName string
	CurrentOffice string
}

// maxHits bounds an answer: a search is for finding one citizen's dossiers.
const maxHits = 50

// Search finds the dossiers of who's offices whose applicant matches in, newest first;
// every dossier found counts as a read of its personal data.
func (r *Reader) Search(ctx context.Context, who *auth.Principal, in SearchInput) ([]Hit, error) {
	q := SearchQuery{Offices: who.Offices, NameFolded: textnorm.Fold(in.Name), Limit: maxHits}
	if in.IDNumber != "" {
		if !dossier.ValidIDNumber(in.IDNumber) {
			return nil, dossier.Invalid("id_number", "invalid_id_number")
		}
		q.IDIndex = r.Sealer.Index("applicant_id", in.IDNumber)
	}
	if in.Phone != "" {
		phone := dossier.NormalizePhone(in.Phone)
		if !dossier.ValidPhone(phone) {
			return nil, dossier.Invalid("phone", "invalid_phone")
		}
		q.PhoneIndex = r.Sealer.Index("applicant_phone", phone)
	}
	switch n := utf8.RuneCountInString(q.NameFolded); {
	case n == 0 && q.IDIndex == nil && q.PhoneIndex == nil:
		return nil, dossier.Invalid("name", "required")
	case n == 1:
		return nil, dossier.Invalid("name", "too_short")
	case n > dossier.MaxNameRunes:
		return nil, dossier.Invalid("name", "too_long")
	}
	found, err := r.Dossiers.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	name := r.Catalog.officeNamer(ctx)
	loc := r.Calendar.Calendar().Location()
	hits := make([]Hit, 0, len(found))
	ids := make([]uuid.UUID, 0, len(found))
	for _, f := range found {
		vi, _ := dossier.Status(f.Status).Labels()
		hits = append(hits, Hit{Heading: Heading{Code: f.Code, Status: f.Status, StatusLabel: vi,
			ReceivedAt: f.ReceivedAt.In(loc), DueAt: f.DueAt.In(loc), CurrentOffice: officeRef(f.CurrentOffice, name)},
			Procedure: r.procedure(ctx, f.ProcedureCode), ApplicantName: f.ApplicantName})
		ids = append(ids, f.ID)
	}
	if err := r.Dossiers.RecordReads(ctx, ids, who.Username, "search"); err != nil {
		return nil, err
	}
	return hits, nil
}
