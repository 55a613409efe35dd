package secrets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRotate: a rotation gives a new signing key and keeps the old public half among the
// keys the services take, for a day; then it is dropped. It gives a new data key and
// keeps the old one for good. The other keys stay.
func TestRotate(t *testing.T) {
	dir := t.TempDir()
	first, err := LoadOrCreate(dir)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	second, err := Rotate(dir, now)
	if err != nil {
		t.Fatal(err)
	}
	if second.SigningKey == first.SigningKey || second.PublicKey == first.PublicKey ||
		second.DataKey == first.DataKey || second.PINKey != first.PINKey ||
		len(second.EarlierDataKeys) != 1 || second.EarlierDataKeys[0] != first.DataKey {
		t.Fatalf("rotated: %+v", second)
	}
	again, err := LoadOrCreate(dir)
	if err != nil || again.SigningKey != second.SigningKey {
		t.Fatalf("the rotation was not kept: %v", err)
	}
	if other := again.Env()["MOTCUA_AUTH_OTHER_PUBLIC_KEYS"]; other != first.PublicKey {
		t.Errorf("the old key is not taken after the rotation: %q", other)
	}
	if held := again.held(now.Add(RetiredKeysHold + time.Minute)); len(held) != 0 {
		t.Errorf("a key retired over a day ago is still taken: %v", held)
	}
	third, err := Rotate(dir, now.Add(RetiredKeysHold+time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(third.Retired) != 1 || third.Retired[0].PublicKey != second.PublicKey || strings.Contains(third.Env()["MOTCUA_AUTH_OTHER_PUBLIC_KEYS"], first.PublicKey) {
		t.Errorf("after a second rotation a day later: %+v", third.Retired)
	}
}

// TestAKeyAddedLater: a data directory from before the event key gets one, and keeps its
// other keys.
func TestAKeyAddedLater(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "secrets.json"), []byte(`{"auth_signing_key":"s","auth_public_key":"p","data_key":"d","pin_key":"n"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	k, err := LoadOrCreate(dir)
	if err != nil || k.EventKey == "" || k.DataKey != "d" || k.SigningKey != "s" {
		t.Fatalf("%+v %v", k, err)
	}
	again, err := LoadOrCreate(dir)
	if err != nil || again.EventKey != k.EventKey {
		t.Fatalf("the added key was not kept: %v", err)
	}
}
