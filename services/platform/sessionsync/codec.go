package sessionsync

import (
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	referencev1 "github.com/motcua/motcua/proto/motcua/reference/v1"
	"github.com/motcua/motcua/services/platform/outbox"
)

// Message is the outbox message ending the sessions of username signed before
// notBefore, published by by.
func Message(username, by string, notBefore time.Time) (outbox.Message, error) {
	id := uuid.New()
	ev := &referencev1.Event{EventId: id.String(), OccurredAt: timestamppb.New(notBefore), Username: by,
		Kind: &referencev1.Event_SessionsEnded{SessionsEnded: &referencev1.SessionsEnded{
			Account: username, NotBefore: timestamppb.New(notBefore)}}}
	return outbox.Encode(id, Subject(username), ev, "sessions ended")
}

// Decode reads a SessionsEnded event: the account and the moment its sessions ended.
func Decode(data []byte) (string, time.Time, error) {
	var ev referencev1.Event
	if err := proto.Unmarshal(data, &ev); err != nil {
		return "", time.Time{}, fmt.Errorf("decode sessions ended: %w", err)
	}
	se := ev.GetSessionsEnded()
	if se == nil || se.GetAccount() == "" || se.GetNotBefore() == nil {
		return "", time.Time{}, errors.New("not a SessionsEnded event with an account and a time")
	}
	return se.GetAccount(), se.GetNotBefore().AsTime(), nil
}
