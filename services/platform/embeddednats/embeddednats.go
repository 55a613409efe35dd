// Package embeddednats runs a NATS server with JetStream inside the process: the default
// broker of the all-in-one command, and the real broker of integration tests.
package embeddednats

import (
	_ "embed"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
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
	// Passwords, when set, give each service's user of accounts.conf its password
	// (intake, status, postal): the server then takes only those users, each with its
	// permissions. Without them it takes any client (the tests' brokers).
	Passwords map[string]string
}

//go:embed accounts.conf
var accounts string

// Users are the services with a user in accounts.conf.
var Users = []string{"intake", "status", "postal"}

// URL is the address of srv for user with password, as a service connects.
func URL(srv *server.Server, user, password string) string {
	u, _ := url.Parse(srv.ClientURL())
	u.User = url.UserPassword(user, password)
	return u.String()
}

// options are the server's options: accounts.conf with the passwords in place of its
// variables, when there are passwords.
func (opt Options) options() (*server.Options, error) {
	o := &server.Options{}
	if opt.Passwords != nil {
		conf := accounts
		for _, user := range Users {
			pw := opt.Passwords[user]
			if len(pw) < 16 || strings.ContainsAny(pw, "\"\\\n") {
				return nil, fmt.Errorf("embedded nats: the password of %s must be 16 characters or more, without quotes", user)
			}
			conf = strings.ReplaceAll(conf, "$MOTCUA_NATS_"+strings.ToUpper(user)+"_PASSWORD", strconv.Quote(pw))
		}
		if err := o.ProcessConfigString(conf); err != nil {
			return nil, fmt.Errorf("embedded nats: accounts: %w", err)
		}
	}
	return o, nil
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
	o, err := opt.options()
	if err != nil {
		return nil, err
	}
	o.ServerName, o.Host, o.Port = "motcua-embedded", host, opt.Port
	o.JetStream, o.StoreDir = true, opt.StoreDir
	o.NoSigs, o.NoLog, o.MaxPayload = true, true, 1<<20
	srv, err := server.NewServer(o)
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
