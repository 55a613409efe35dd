// Package secrets keeps the all-in-one command's keys (token signing, personal data,
// lookup PINs) in a file of the data directory, made on the first start, so a demo needs
// no setup and finds its data readable on the next run.
package secrets

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Keys are the product's secrets in the base64 form the services read.
type Keys struct {
	SigningKey string `json:"auth_signing_key"`
	PublicKey  string `json:"auth_public_key"`
	DataKey    string `json:"data_key"`
	// EarlierDataKeys are the data keys rotations replaced, newest first: they still
	// open what they sealed, and the last makes the lookup index. Never dropped.
	EarlierDataKeys []string `json:"earlier_data_keys,omitempty"`
	PINKey          string   `json:"pin_key"`
	// EventKey seals the addresses the dossier events carry for the postal service.
	EventKey string `json:"event_key"`
	// DatabasePasswords are the passwords of each service's own database role, by
	// service (intake, status, postal).
	DatabasePasswords map[string]string `json:"database_passwords,omitempty"`
	// Retired are the public halves of signing keys rotated out, with when: their
	// tokens are still taken for RetiredKeysHold.
	Retired []RetiredKey `json:"retired_auth_public_keys,omitempty"`
}

// RetiredKey is a signing key's public half, rotated out at RetiredAt.
type RetiredKey struct {
	PublicKey string    `json:"public_key"`
	RetiredAt time.Time `json:"retired_at"`
}

// RetiredKeysHold is how long the tokens of a rotated-out signing key are still taken:
// longer than any token lives (MOTCUA_TOKEN_TTL, an hour by default).
const RetiredKeysHold = 24 * time.Hour

// Env returns the keys as the environment variables the services read at now.
func (k Keys) Env() map[string]string {
	return map[string]string{
		"MOTCUA_AUTH_SIGNING_KEY":       k.SigningKey,
		"MOTCUA_AUTH_PUBLIC_KEY":        k.PublicKey,
		"MOTCUA_AUTH_OTHER_PUBLIC_KEYS": strings.Join(k.held(time.Now()), ","),
		"MOTCUA_DATA_KEY":               k.DataKey,
		"MOTCUA_DATA_EARLIER_KEYS":      strings.Join(k.EarlierDataKeys, ","),
		"MOTCUA_PIN_KEY":                k.PINKey,
		"MOTCUA_EVENT_KEY":              k.EventKey,
	}
}

// held are the retired keys whose tokens are still taken at now.
func (k Keys) held(now time.Time) []string {
	var out []string
	for _, r := range k.Retired {
		if now.Sub(r.RetiredAt) < RetiredKeysHold {
			out = append(out, r.PublicKey)
		}
	}
	return out
}

// Rotate gives dir/secrets.json a new token signing key, keeping the old one's public
// half for RetiredKeysHold so that nobody is signed out, and a new data key, keeping the
// old one to open what it sealed (motcua keys rotate). Signing keys retired longer ago
// are dropped; data keys never are.
func Rotate(dir string, now time.Time) (Keys, error) {
	k, err := LoadOrCreate(dir)
	if err != nil {
		return k, err
	}
	retired := []RetiredKey{{PublicKey: k.PublicKey, RetiredAt: now}}
	for _, r := range k.Retired {
		if now.Sub(r.RetiredAt) < RetiredKeysHold {
			retired = append(retired, r)
		}
	}
	fresh := Generate()
	k.SigningKey, k.PublicKey, k.Retired = fresh.SigningKey, fresh.PublicKey, retired
	k.EarlierDataKeys = append([]string{k.DataKey}, k.EarlierDataKeys...)
	k.DataKey = fresh.DataKey
	return k, write(filepath.Join(dir, "secrets.json"), k)
}

// write replaces path with k, readable by its owner only.
func write(path string, k Keys) error {
	b, _ := json.MarshalIndent(k, "", "  ")
	tmp := path + ".new"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return fmt.Errorf("write secrets: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write secrets: %w", err)
	}
	return nil
}

// LoadOrCreate reads dir/secrets.json, creating it (mode 0600) with new keys when missing.
func LoadOrCreate(dir string) (Keys, error) {
	path := filepath.Join(dir, "secrets.json")
	b, err := os.ReadFile(path)
	if err == nil {
		var k Keys
		if err := json.Unmarshal(b, &k); err != nil {
			return k, fmt.Errorf("read %s: %w", path, err)
		}
		if !k.fillIn() {
			return k, nil
		}
		// A data directory from before a key: it is added, the rest kept.
		return k, write(path, k)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return Keys{}, fmt.Errorf("read secrets: %w", err)
	}
	k := Generate()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return k, fmt.Errorf("create %s: %w", dir, err)
	}
	return k, write(path, k)
}

// Services are the services with a database role of their own.
var Services = []string{"intake", "status", "postal"}

// fillIn adds the keys k lacks (a data directory written by an earlier version) and
// reports whether it added any.
func (k *Keys) fillIn() bool {
	added := false
	if k.EventKey == "" {
		k.EventKey, added = base64.StdEncoding.EncodeToString(random32()), true
	}
	if k.DatabasePasswords == nil {
		k.DatabasePasswords = map[string]string{}
	}
	for _, s := range Services {
		if k.DatabasePasswords[s] == "" {
			k.DatabasePasswords[s], added = rand.Text(), true
		}
	}
	return added
}

// Generate makes a new set of keys.
func Generate() Keys {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	enc := base64.StdEncoding.EncodeToString
	k := Keys{
		SigningKey: enc(priv.Seed()),
		PublicKey:  enc(pub),
		DataKey:    enc(random32()),
		PINKey:     enc(random32()),
	}
	k.fillIn()
	return k
}

func random32() []byte {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails: crypto/rand crashes the program instead
	return b
}
