package config

import (
	"net/url"
	"strings"
)

// MaskURL hides the passwords of a URL such as a DATABASE_URL, or of each URL in a
// comma-separated list such as a NATS_URL naming several servers; other strings pass
// through.
func MaskURL(s string) string {
	if strings.Contains(s, ",") {
		parts := strings.Split(s, ",")
		for i, p := range parts {
			parts[i] = maskOne(p)
		}
		return strings.Join(parts, ",")
	}
	return maskOne(s)
}

func maskOne(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "****")
	} else if strings.HasPrefix(u.Scheme, "nats") || strings.HasPrefix(u.Scheme, "tls") {
		u.User = url.User("****") // a NATS token stands where a user name would
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "****")
		u.RawQuery = q.Encode()
	}
	return u.String()
}
