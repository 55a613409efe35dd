// Package messaging connects a service to NATS JetStream: the connection that reconnects
// for ever, the streams of each bounded context, and durable consumers that apply each
// event once, in the same database transaction as its inbox record.
package messaging

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Connect dials url and keeps the connection for ever: it retries the first dial and
// every later reconnect without limit, logging each loss and recovery. onReconnect, when
// not nil, is called after each reconnect too (e.g. to drop state kept from core NATS
// messages, which may have been missed meanwhile).
func Connect(url, name string, log *slog.Logger, onReconnect func()) (*nats.Conn, jetstream.JetStream, error) {
	opts := []nats.Option{
		nats.Name(name),
		nats.MaxReconnects(-1),
		nats.RetryOnFailedConnect(true),
		nats.ReconnectWait(250 * time.Millisecond),
		nats.ReconnectBufSize(-1), // publishes go through JetStream acks; never buffer blindly
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("nats disconnected", "err", err.Error())
			}
		}),
		nats.ReconnectHandler(func(c *nats.Conn) {
			log.Info("nats reconnected", "url", c.ConnectedUrlRedacted())
			if onReconnect != nil {
				onReconnect()
			}
		}),
		nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) {
			log.Warn("nats async error", "err", err.Error())
		}),
	}
	if prefix, ok := InboxPrefix(name); ok {
		opts = append(opts, nats.CustomInboxPrefix(prefix))
	}
	nc, err := nats.Connect(url, opts...)
	if err != nil {
		return nil, nil, fmt.Errorf("connect nats: %w", err)
	}
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(4096),
		// An acknowledgement lost in a leader change must not stay pending for ever.
		jetstream.WithPublishAsyncTimeout(10*time.Second))
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("jetstream: %w", err)
	}
	return nc, js, nil
}

// Ready reports whether the connection is up and JetStream answers.
func Ready(ctx context.Context, nc *nats.Conn, js jetstream.JetStream) error {
	if !nc.IsConnected() {
		return fmt.Errorf("nats: %s", nc.Status())
	}
	_, err := js.AccountInfo(ctx)
	return err
}

// serviceName is the form of a service's name that makes an inbox prefix of its own.
var serviceName = regexp.MustCompile(`^[a-z][a-z0-9-]{0,30}$`)

// InboxPrefix is where the replies to a service named name arrive (JetStream's
// acknowledgements and API answers, pulled messages): _INBOX_<name>, so the broker can
// allow each service its own replies only. Names that are not a plain service name get
// the default prefix (ok false).
func InboxPrefix(name string) (string, bool) {
	if !serviceName.MatchString(name) {
		return "", false
	}
	return "_INBOX_" + name, true
}
