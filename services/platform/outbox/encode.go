package outbox

import (
	"fmt"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
)

// Encode is the message of the protobuf event ev, whose id is eventID, to publish on
// subject; what names the event in the error of one that cannot be encoded (e.g.
// "office event").
func Encode(eventID uuid.UUID, subject string, ev proto.Message, what string) (Message, error) {
	payload, err := proto.Marshal(ev)
	if err != nil {
		return Message{}, fmt.Errorf("encode %s: %w", what, err)
	}
	return Message{EventID: eventID, Subject: subject, Payload: payload}, nil
}
