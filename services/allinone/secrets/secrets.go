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
)

// Keys are the product's secrets in the base64 form the services read.
type Keys struct {
	SigningKey string `json:"auth_signing_key"`
	PublicKey  string `json:"auth_public_key"`
	DataKey    string `json:"data_key"`
	PINKey     string `json:"pin_key"`
}

// Env returns the keys as the environment variables the services read.
func (k Keys) Env() map[string]string {
	return map[string]string{
		"MOTCUA_AUTH_SIGNING_KEY": k.SigningKey,
		"MOTCUA_AUTH_PUBLIC_KEY":  k.PublicKey,
		"MOTCUA_DATA_KEY":         k.DataKey,
		"MOTCUA_PIN_KEY":          k.PINKey,
	}
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
		return k, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return Keys{}, fmt.Errorf("read secrets: %w", err)
	}
	k := Generate()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return k, fmt.Errorf("create %s: %w", dir, err)
	}
	b, _ = json.MarshalIndent(k, "", "  ")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return k, fmt.Errorf("write secrets: %w", err)
	}
	return k, nil
}

// Generate makes a new set of keys.
func Generate() Keys {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	enc := base64.StdEncoding.EncodeToString
	return Keys{
		SigningKey: enc(priv.Seed()),
		PublicKey:  enc(pub),
		DataKey:    enc(random32()),
		PINKey:     enc(random32()),
	}
}

func random32() []byte {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails: crypto/rand crashes the program instead
	return b
}
