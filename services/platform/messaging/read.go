package messaging

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// ReadStream returns the messages stored in stream, in sequence order, keeping only
// those on subject when it is not empty: for inspecting dead letters or checking what
// a relay published. A stream that does not exist holds nothing.
func ReadStream(ctx context.Context, js jetstream.JetStream, stream, subject string) ([]*jetstream.RawStreamMsg, error) {
	s, err := js.Stream(ctx, stream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read stream %s: %w", stream, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("read stream %s: %w", stream, err)
	}
	if info.State.Msgs == 0 {
		return nil, nil
	}
	var out []*jetstream.RawStreamMsg
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue // deleted or expired
		}
		if err != nil {
			return nil, fmt.Errorf("read stream %s at %d: %w", stream, seq, err)
		}
		if subject == "" || m.Subject == subject {
			out = append(out, m)
		}
	}
	return out, nil
}
