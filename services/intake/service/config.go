// Package service wires intake together: configuration, database, broker, use cases and
// routes. The intake binary and the all-in-one command both build it.
package service

import (
	"path/filepath"
	"time"

	"github.com/motcua/motcua/services/platform/config"
	"github.com/motcua/motcua/services/platform/filestore"
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
	// ZNSURL and ZNSToken reach Zalo's template messages (MOTCUA_ZALO_ZNS_URL,
	// MOTCUA_ZALO_ZNS_TOKEN, the official account's access token); with them a citizen's
	// phone is told through Zalo instead of by SMS.
	ZNSURL   string
	ZNSToken string
	// Files is where the files citizens hand in are kept: the disk (MOTCUA_FILES_DIR,
	// by default $MOTCUA_DATA_DIR/files) or S3-compatible object storage
	// (MOTCUA_S3_ENDPOINT, MOTCUA_S3_BUCKET, MOTCUA_S3_ACCESS_KEY, MOTCUA_S3_SECRET_KEY).
	Files filestore.Config
	// VNPayURL, VNPayTmnCode and VNPaySecret reach VNPay's payment gateway for fees paid
	// online (MOTCUA_VNPAY_URL, MOTCUA_VNPAY_TMN_CODE, MOTCUA_VNPAY_SECRET); no URL, no
	// payments online: the citizen pays at the desk.
	VNPayURL     string
	VNPayTmnCode string
	VNPaySecret  string
	// AtRiskHours: an open dossier due within this many working hours is at risk, on
	// the work list's tab "Sắp đến hạn" and in the officers' 07:30 digest
	// (MOTCUA_AT_RISK_HOURS).
	AtRiskHours int
	// WebhookRetryBase is the first retry delay of webhooks and of the national sync,
	// doubling each time (MOTCUA_WEBHOOK_RETRY_BASE); WebhookAllowPrivate lets webhook
	// URLs name loopback and private addresses (MOTCUA_WEBHOOK_ALLOW_PRIVATE);
	// NationalSyncURL is where every status change is sent (MOTCUA_NATIONAL_SYNC_URL),
	// none: no sync.
	WebhookRetryBase    time.Duration
	WebhookAllowPrivate bool
	NationalSyncURL     string
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
		ZNSURL:          r.String("MOTCUA_ZALO_ZNS_URL", ""),
		ZNSToken:        r.Secret("MOTCUA_ZALO_ZNS_TOKEN", ""),
		Files: filestore.Config{
			Dir:         r.String("MOTCUA_FILES_DIR", filepath.Join(r.String("MOTCUA_DATA_DIR", ".data"), "files")),
			S3Endpoint:  r.String("MOTCUA_S3_ENDPOINT", ""),
			S3Bucket:    r.String("MOTCUA_S3_BUCKET", "motcua-files"),
			S3AccessKey: r.String("MOTCUA_S3_ACCESS_KEY", ""),
			S3SecretKey: r.Secret("MOTCUA_S3_SECRET_KEY", ""),
		},
	}
	c.AtRiskHours = r.AtRiskHours()
	c.VNPayURL = r.String("MOTCUA_VNPAY_URL", "")
	c.VNPayTmnCode = r.String("MOTCUA_VNPAY_TMN_CODE", "")
	c.VNPaySecret = r.Secret("MOTCUA_VNPAY_SECRET", "")
	c.WebhookRetryBase = r.Duration("MOTCUA_WEBHOOK_RETRY_BASE", 30*time.Second)
	c.WebhookAllowPrivate = r.Bool("MOTCUA_WEBHOOK_ALLOW_PRIVATE", false)
	c.NationalSyncURL = r.String("MOTCUA_NATIONAL_SYNC_URL", "")
	r.Require("MOTCUA_AUTH_SIGNING_KEY", c.SigningKey)
	return c, r.Err()
}
