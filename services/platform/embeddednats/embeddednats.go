// Package embeddednats runs a NATS server with JetStream inside the process: the default
// broker of the all-in-one command, and the real broker of integration tests.
package embeddednats

import (
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Options place the server.
type Options struct {
	// StoreDir keeps JetStream's files; they survive restarts.
	StoreDir string
	// Host and Port to listen on; Port -1 picks a free port.
	Host string
	Port int
}

// Start runs a server and waits until it accepts clients.
func Start(opt Options) (*server.Server, error) {
	if opt.StoreDir == "" {
		return nil, errors.New("embedded nats: a store directory is required")
	}
	host := opt.Host
	if host == "" {
		host = "127.0.0.1"
	}
	srv, err := server.NewServer(&server.Options{
		ServerName: "motcua-embedded",
		Host:       host,
		Port:       opt.Port,
		JetStream:  true,
		StoreDir:   opt.StoreDir,
		NoSigs:     true,
		NoLog:      true,
		MaxPayload: 1 << 20,
	})
	if err != nil {
		return nil, fmt.Errorf("embedded nats: %w", err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(15 * time.Second) {
		srv.Shutdown()
		return nil, errors.New("embedded nats: not ready after 15s")
	}
	return srv, nil
}
