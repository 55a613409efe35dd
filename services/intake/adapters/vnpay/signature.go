package vnpay

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"net/url"
	"slices"
	"strings"
)

// The signature (vnp_SecureHash) of a message of VNPay's, one way or the other, is the
// HMAC-SHA512 under the merchant's secret of its hash data: the message's vnp_
// parameters but the signature itself (vnp_SecureHash, vnp_SecureHashType), those with
// a value, sorted by name, each written name=value URL-encoded as VNPay's samples encode
// them (PHP's urlencode: letters, digits and -_. as they are, a space as +, every other
// byte as %XX) and joined with &; in lower-case hexadecimal. The hash data is the query
// string of the payment address itself, so what is signed is what is sent.

// hashData is the hash data of params.
func hashData(params url.Values) string {
	names := make([]string, 0, len(params))
	for name, values := range params {
		if len(values) > 0 && values[0] != "" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var b strings.Builder
	for i, name := range names {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(encode(name))
		b.WriteByte('=')
		b.WriteString(encode(params[name][0]))
	}
	return b.String()
}

// encode is s URL-encoded as VNPay's samples do it (PHP's urlencode).
func encode(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}

// sign is the signature of hash data under secret.
func sign(secret []byte, data string) string {
	mac := hmac.New(sha512.New, secret)
	mac.Write([]byte(data))
	return hex.EncodeToString(mac.Sum(nil))
}

// verified reports whether query carries the signature of its own vnp_ parameters
// under secret. A parameter given twice is refused: the two sides could read it apart.
func verified(secret []byte, query url.Values) bool {
	got, err := hex.DecodeString(query.Get("vnp_SecureHash"))
	if err != nil || len(got) != sha512.Size {
		return false
	}
	signed := url.Values{}
	for name, values := range query {
		if !strings.HasPrefix(name, "vnp_") || name == "vnp_SecureHash" || name == "vnp_SecureHashType" {
			continue
		}
		if len(values) != 1 {
			return false
		}
		signed[name] = values
	}
	want, _ := hex.DecodeString(sign(secret, hashData(signed)))
	return hmac.Equal(got, want)
}
