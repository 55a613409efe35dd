package messaging

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Stream names and subject spaces, one stream per bounded context.
const (
	DossierStream    = "DOSSIER"
	PostalStream     = "POSTAL"
	ReferenceStream  = "REFERENCE"
	CustodyStream    = "CUSTODY"
	NoticeStream     = "NOTICE"
	DeadLetterStream = "DEADLETTER"
	// DeadLetterPrefix starts the subject of every poison message: deadletter.<consumer>.
	DeadLetterPrefix = "deadletter."
)

// Streams returns the configuration of every stream the product uses, with replicas
// copies of each (1 on a single server, 3 in a cluster).
func Streams(replicas int) []jetstream.StreamConfig {
	if replicas <= 0 {
		replicas = 1
	}
	// An event stream keeps its events on disk, in replicas copies, and drops an event
	// published again within five minutes (the relay's retries, by Nats-Msg-Id).
	events := func(name, description, subject string) jetstream.StreamConfig {
		return jetstream.StreamConfig{Name: name, Description: description, Subjects: []string{subject},
			Storage: jetstream.FileStorage, Replicas: replicas, Duplicates: 5 * time.Minute}
	}
	return []jetstream.StreamConfig{
		events(DossierStream, "Events of dossiers, published by intake.", "dossier.>"),
		events(PostalStream, "Events of shipments, published by postal.", "postal.>"),
		events(ReferenceStream, "Changes to reference data (offices, procedures, the calendar), published by intake.",
			"reference.>"),
		events(CustodyStream, "Heads of dossiers' custody chains, published by intake for other agencies to keep.",
			"custody.>"),
		events(NoticeStream, "Notices sent to citizens (what, how, when; never to whom), published by intake.",
			"notice.>"),
		{
			Name:        DeadLetterStream,
			Description: "Messages a consumer could not apply, kept for inspection and replay.",
			Subjects:    []string{DeadLetterPrefix + ">"},
			Storage:     jetstream.FileStorage,
			Replicas:    replicas,
			MaxAge:      30 * 24 * time.Hour,
		},
	}
}

// EnsureStreams creates or updates every stream, retrying until ctx ends so a service
// may start before its broker.
func EnsureStreams(ctx context.Context, js jetstream.JetStream, replicas int, log *slog.Logger) error {
	wait := 100 * time.Millisecond
	for {
		err := ensureOnce(ctx, js, replicas)
		if err == nil {
			return nil
		}
		log.Warn("jetstream not ready yet", "err", err.Error(), "retry_in", wait.String())
		select {
		case <-ctx.Done():
			return fmt.Errorf("ensure streams: %w", err)
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Second)
	}
}

func ensureOnce(ctx context.Context, js jetstream.JetStream, replicas int) error {
	for _, cfg := range Streams(replicas) {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		_, err := js.CreateOrUpdateStream(cctx, cfg)
		cancel()
		if err != nil {
			return fmt.Errorf("stream %s: %w", cfg.Name, err)
		}
	}
	return nil
}
