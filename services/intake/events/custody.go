package events

import (
	"github.com/google/uuid"
	"google.golang.org/protobuf/types/known/timestamppb"

	custodyv1 "github.com/motcua/motcua/proto/motcua/custody/v1"
	"github.com/motcua/motcua/services/intake/domain/custody"
	"github.com/motcua/motcua/services/platform/outbox"
)

// CustodySubject is where the heads of the custody chain of dossier id are published,
// on the CUSTODY stream.
func CustodySubject(dossierID uuid.UUID) string { return "custody.v1.heads." + dossierID.String() }

// CustodyHead builds the outbox message that publishes the head of a chain whose last
// entry is e, of the dossier with code.
func CustodyHead(e custody.Entry, code string) (outbox.Message, error) {
	id := uuid.New()
	return outbox.Encode(id, CustodySubject(e.DossierID), &custodyv1.Head{
		EventId:   id.String(),
		DossierId: e.DossierID.String(),
		Code:      code,
		Seq:       e.Seq,
		Hash:      e.Hash,
		At:        timestamppb.New(e.At),
		Event:     e.Event,
	}, "custody head")
}
