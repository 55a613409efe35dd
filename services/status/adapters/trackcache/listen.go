package trackcache

import (
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
	"google.golang.org/protobuf/proto"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
)

// Listen subscribes c to every dossier event on core NATS (each instance hears all of
// them, whichever instance folds them) and returns the subscription.
func Listen(nc *nats.Conn, c *Cache) (*nats.Subscription, error) {
	sub, err := nc.Subscribe("dossier.v1.>", func(m *nats.Msg) {
		id, version, ok := eventOf(m)
		if !ok {
			return // the consumer dead-letters what cannot be decoded
		}
		c.Invalidate(id, version)
	})
	if err != nil {
		return nil, fmt.Errorf("listen for dossier events: %w", err)
	}
	return sub, nil
}

// eventOf reads the dossier id (from the subject dossier.v1.<id>.<kind>) and the version.
func eventOf(m *nats.Msg) (uuid.UUID, int, bool) {
	parts := strings.Split(m.Subject, ".")
	if len(parts) < 4 {
		return uuid.Nil, 0, false
	}
	id, err := uuid.Parse(parts[2])
	if err != nil {
		return uuid.Nil, 0, false
	}
	var ev dossierv1.Event
	if err := proto.Unmarshal(m.Data, &ev); err != nil {
		return uuid.Nil, 0, false
	}
	return id, int(ev.GetVersion()), true
}
