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
	// EarlierDataKeys are the data keys a rotation replaced, newest first
	// (MOTCUA_DATA_EARLIER_KEYS): they still open what they sealed.
	EarlierDataKeys [][]byte
	PINKey          []byte
	// EventKey seals the addresses the dossier events carry for the postal service.
	EventKey []byte
	// SMTPURL and MailFrom send mail (MOTCUA_SMTP_URL, MOTCUA_MAIL_FROM); no URL, no mail.
	SMTPURL  string
	MailFrom string
	// SMSURL and SMSToken reach the SMS gateway (MOTCUA_SMS_URL, MOTCUA_SMS_TOKEN); no
	// URL, no SMS.
	SMSURL   string
	SMSToken string
}

// ReadConfig reads intake's settings from r.
func ReadConfig(r *config.Reader) (Config, error) {
	c := Config{
		Common:          config.ReadCommon(r, "127.0.0.1:8081"),
		SigningKey:      r.Secret("MOTCUA_AUTH_SIGNING_KEY", ""),
		TokenTTL:        r.Duration("MOTCUA_TOKEN_TTL", time.Hour),
		DataKey:         r.Key("MOTCUA_DATA_KEY"),
		EarlierDataKeys: r.EarlierKeys("MOTCUA_DATA_EARLIER_KEYS"),
		PINKey:          r.Key("MOTCUA_PIN_KEY"),
		EventKey:        r.Key("MOTCUA_EVENT_KEY"),
		SMTPURL:         r.Secret("MOTCUA_SMTP_URL", ""),
		MailFrom:        r.String("MOTCUA_MAIL_FROM", "motcua@localhost"),
		SMSURL:          r.String("MOTCUA_SMS_URL", ""),
		SMSToken:        r.Secret("MOTCUA_SMS_TOKEN", ""),
	}
	r.Require("MOTCUA_AUTH_SIGNING_KEY", c.SigningKey)
	return c, r.Err()
}
