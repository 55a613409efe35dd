package messaging

import (
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
	"google.golang.org/protobuf/proto"
)

// Unreadable is the verdict on msg when it cannot be decoded, or lacks what every event
// must carry: poison, since retrying cannot mend it, named by its subject.
func Unreadable(msg jetstream.Msg, err error) error {
	return Poison(fmt.Errorf("%s: %w", msg.Subject(), err))
}

// DecodeProto reads msg's protobuf payload into ev; a payload that does not decode is
// Unreadable, the error naming what it should have been (e.g. "dossier event").
func DecodeProto(msg jetstream.Msg, ev proto.Message, what string) error {
	if err := proto.Unmarshal(msg.Data(), ev); err != nil {
		return Unreadable(msg, fmt.Errorf("decode %s: %w", what, err))
	}
	return nil
}
