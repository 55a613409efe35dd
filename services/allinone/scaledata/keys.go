package scaledata

import (
	"encoding/base64"
	"fmt"

	"github.com/motcua/motcua/services/allinone/secrets"
)

// KeysOf decodes the keys a cluster's services were started with.
func KeysOf(k secrets.Keys) (Keys, error) {
	var out Keys
	var err error
	decode := func(name, s string) []byte {
		b, e := base64.StdEncoding.DecodeString(s)
		if e != nil && err == nil {
			err = fmt.Errorf("%s: %w", name, e)
		}
		return b
	}
	out.Data, out.PIN = decode("data key", k.DataKey), decode("PIN key", k.PINKey)
	for _, e := range k.EarlierDataKeys {
		out.EarlierData = append(out.EarlierData, decode("earlier data key", e))
	}
	return out, err
}
