// Package service wires intake together: configuration, database, broker, use cases and
// routes. The intake binary and the all-in-one command both build it.
package service

import (
	"time"

	"github.com/motcua/motcua/services/platform/config"
)

// Config is intake's configuration, read from the environment.
type Config struct {
	config.Common
	SigningKey string
	TokenTTL   time.Duration
	DataKey    []byte
	PINKey     []byte
}

// ReadConfig reads intake's settings from r.
func ReadConfig(r *config.Reader) (Config, error) {
	c := Config{
		Common:     config.ReadCommon(r, "127.0.0.1:8081"),
		SigningKey: r.Secret("MOTCUA_AUTH_SIGNING_KEY", ""),
		TokenTTL:   r.Duration("MOTCUA_TOKEN_TTL", time.Hour),
		DataKey:    r.Key("MOTCUA_DATA_KEY"),
		PINKey:     r.Key("MOTCUA_PIN_KEY"),
	}
	r.Require("MOTCUA_AUTH_SIGNING_KEY", c.SigningKey)
	return c, r.Err()
}
