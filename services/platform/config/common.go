package config

import (
	"encoding/base64"
	"fmt"
	"net/netip"
	"strings"
	"time"
)

// Common are the settings every service reads.
type Common struct {
	DatabaseURL     string
	NATSURL         string
	HTTPAddr        string
	DBMaxConns      int
	StreamReplicas  int
	ShutdownTimeout time.Duration
	// TrustedProxies are the reverse proxies whose X-Forwarded-For (the client) and
	// X-Forwarded-Proto (HTTPS) are believed.
	TrustedProxies []netip.Prefix
	// PublicURL is the address citizens reach the product at (MOTCUA_PUBLIC_URL): links
	// that carry a PIN are built from it, and an https:// one means every browser comes
	// over HTTPS (HSTS, Secure and __Host- cookies).
	PublicURL string
	// MetricsNetworks may read /metrics besides the loopback address.
	MetricsNetworks []netip.Prefix
	// OtherAuthKeys are further public keys whose staff tokens every service takes
	// (MOTCUA_AUTH_OTHER_PUBLIC_KEYS): during a rotation of the signing key, the old one
	// until its tokens have expired, or the next one before intake signs with it.
	OtherAuthKeys string
}

// Shared returns the common settings; every service's Config embeds Common and so has
// this method too.
func (c Common) Shared() Common { return c }

// ReadCommon reads the settings every service shares; defaultAddr is the service's own
// default listening address.
func ReadCommon(r *Reader, defaultAddr string) Common {
	c := Common{
		DatabaseURL:     r.Secret("DATABASE_URL", ""),
		NATSURL:         r.String("NATS_URL", "nats://127.0.0.1:4222"),
		HTTPAddr:        r.String("MOTCUA_HTTP_ADDR", defaultAddr),
		DBMaxConns:      r.Int("MOTCUA_DB_MAX_CONNS", 16),
		StreamReplicas:  r.Int("MOTCUA_STREAM_REPLICAS", 1),
		ShutdownTimeout: r.Duration("MOTCUA_SHUTDOWN_TIMEOUT", 20*time.Second),
		TrustedProxies:  r.Networks("MOTCUA_TRUSTED_PROXIES"),
		MetricsNetworks: r.Networks("MOTCUA_METRICS_NETWORKS"),
		OtherAuthKeys:   r.String("MOTCUA_AUTH_OTHER_PUBLIC_KEYS", ""),
	}
	c.PublicURL = r.PublicURL(c.HTTPAddr)
	r.Require("DATABASE_URL", c.DatabaseURL)
	return c
}

// EarlierKeys reads an optional comma-separated list of 32-byte keys in base64: the
// keys a rotation replaced, newest first, that still open what they sealed.
func (r *Reader) EarlierKeys(name string) [][]byte {
	v := r.Secret(name, "")
	var out [][]byte
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(b) != 32 {
			r.errs = append(r.errs, fmt.Sprintf("%s: every key must be 32 bytes in base64", name))
			return nil
		}
		out = append(out, b)
	}
	return out
}

// Key reads a required 32-byte key given in base64.
func (r *Reader) Key(name string) []byte {
	s := r.Secret(name, "")
	r.Require(name, s)
	if s == "" {
		return nil
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != 32 {
		r.errs = append(r.errs, fmt.Sprintf("%s must be 32 bytes in base64 (e.g. from: head -c 32 /dev/urandom | base64)", name))
		return nil
	}
	return b
}
