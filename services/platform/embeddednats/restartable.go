package embeddednats

import (
	"errors"
	"fmt"
	"net"

	"github.com/nats-io/nats-server/v2/server"
)

// Restartable is a server that can be stopped and started again on the same port and
// store, as a broker outage looks to its clients. It is not safe for concurrent use.
type Restartable struct {
	storeDir string
	port     int
	srv      *server.Server
}

// StartRestartable runs a server on a free port of 127.0.0.1 with its JetStream files in
// storeDir, and waits until it accepts clients.
func StartRestartable(storeDir string) (*Restartable, error) {
	r := &Restartable{storeDir: storeDir, port: -1}
	if err := r.Start(); err != nil {
		return nil, err
	}
	r.port = r.srv.Addr().(*net.TCPAddr).Port
	return r, nil
}

// Start runs the server again on its first port and store, and waits until it accepts
// clients.
func (r *Restartable) Start() error {
	if r.srv != nil {
		return errors.New("embedded nats: already running")
	}
	srv, err := Start(Options{StoreDir: r.storeDir, Port: r.port})
	if err != nil {
		return err
	}
	r.srv = srv
	return nil
}

// Stop shuts the server down and waits until it has; it does nothing when the server is
// not running.
func (r *Restartable) Stop() {
	if r.srv != nil {
		r.srv.Shutdown()
		r.srv.WaitForShutdown()
		r.srv = nil
	}
}

// URL is where clients reach the server, running or not.
func (r *Restartable) URL() string { return fmt.Sprintf("nats://127.0.0.1:%d", r.port) }

// Server is the running server, or nil while it is stopped.
func (r *Restartable) Server() *server.Server { return r.srv }
