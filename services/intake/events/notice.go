package events

import (
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/types/known/timestamppb"

	noticev1 "github.com/motcua/motcua/proto/motcua/notice/v1"
	"github.com/motcua/motcua/services/intake/domain/notice"
	"github.com/motcua/motcua/services/platform/outbox"
)

// NoticeSubject is where the notices sent about dossier id are published, on the
// NOTICE stream.
func NoticeSubject(dossierID uuid.UUID) string { return "notice.v1." + dossierID.String() + ".sent" }

// NoticeSent builds the outbox message that tells the lookup a notice of kind with id
// was sent about the dossier (id, code) through ch at at.
func NoticeSent(dossierID uuid.UUID, code string, kind notice.Kind, ch notice.Channel, id uuid.UUID, at time.Time) (outbox.Message, error) {
	eventID := uuid.New()
	return outbox.Encode(eventID, NoticeSubject(dossierID), &noticev1.Sent{
		EventId:   eventID.String(),
		DossierId: dossierID.String(),
		Code:      code,
		Kind:      string(kind),
		Channel:   string(ch),
		SentAt:    timestamppb.New(at),
		NoticeId:  id.String(),
	}, "notice sent")
}
