package config

import (
	"net"
	"net/url"
	"strings"
)

// PublicURL reads MOTCUA_PUBLIC_URL, the address citizens reach the product at: links
// that carry a PIN (the receipt's QR code, messages) are built from it and never from a
// request's Host, which a client chooses. Unset, it is http:// and httpAddr, the address
// the product listens on (localhost when that names no host). It must be an absolute
// http or https address with no query; a trailing slash is dropped.
func (r *Reader) PublicURL(httpAddr string) string {
	v := strings.TrimRight(r.String("MOTCUA_PUBLIC_URL", ""), "/")
	if v == "" {
		return "http://" + listenHost(httpAddr)
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		u.RawQuery != "" || u.Fragment != "" {
		r.errs = append(r.errs, "MOTCUA_PUBLIC_URL: "+v+" is not an http:// or https:// address such as https://motcua.example.gov.vn")
		return ""
	}
	return v
}

// listenHost is a listening address as a client reaches it: an address on every
// interface is reached at localhost.
func listenHost(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
