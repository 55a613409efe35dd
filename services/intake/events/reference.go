package events

import (
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/types/known/timestamppb"

	referencev1 "github.com/motcua/motcua/proto/motcua/reference/v1"
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/platform/outbox"
)

// OfficeSubject is where the changes of the office with code are published.
func OfficeSubject(code string) string { return "reference.v1.office." + code }

// OfficeSaved builds the outbox message of a created or changed office.
func OfficeSaved(o catalog.Office, revision int64, at time.Time) (outbox.Message, error) {
	id := uuid.New()
	ev := &referencev1.Event{EventId: id.String(), OccurredAt: timestamppb.New(at),
		Kind: &referencev1.Event_OfficeSaved{OfficeSaved: &referencev1.OfficeSaved{
			Code: o.Code, Name: o.Name, Kind: string(o.Kind), ParentCode: o.ParentCode, Address: o.Address,
			PostOfficeCode: o.PostOffice, Revision: revision}}}
	return outbox.Encode(id, OfficeSubject(o.Code), ev, "office event")
}
