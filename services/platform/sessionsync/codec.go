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

// SignOutMessage is the outbox message ending the one token tokenID of username, which
// would have expired at expires; its holder signed out of it at at.
func SignOutMessage(username, tokenID string, expires, at time.Time) (outbox.Message, error) {
	id := uuid.New()
	ev := &referencev1.Event{EventId: id.String(), OccurredAt: timestamppb.New(at), Username: username,
		Kind: &referencev1.Event_SessionsEnded{SessionsEnded: &referencev1.SessionsEnded{
			Account: username, NotBefore: timestamppb.New(at), TokenId: tokenID, TokenExpiresAt: timestamppb.New(expires)}}}
	return outbox.Encode(id, Subject(username), ev, "signed out")
}

// Decode reads a SessionsEnded event.
func Decode(data []byte) (End, error) {
	var ev referencev1.Event
	if err := proto.Unmarshal(data, &ev); err != nil {
		return End{}, fmt.Errorf("decode sessions ended: %w", err)
	}
	se := ev.GetSessionsEnded()
	if se == nil || se.GetAccount() == "" || se.GetNotBefore() == nil {
		return End{}, errors.New("not a SessionsEnded event with an account and a time")
	}
	end := End{Account: se.GetAccount(), NotBefore: se.GetNotBefore().AsTime(), TokenID: se.GetTokenId()}
	if end.TokenID != "" {
		if se.GetTokenExpiresAt() == nil {
			return End{}, errors.New("a signed-out token without its expiry")
		}
		end.Expires = se.GetTokenExpiresAt().AsTime()
	}
	return end, nil
}
