// Package citizen is what a citizen may do with status, whatever the port: look a
// dossier up by its code and the PIN printed on the receipt (with the failures limited)
// and read it in words, and rate the service once the result is returned. The JSON API
// and the pages both go through it, so they check the PIN, refuse and limit alike.
package citizen

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/motcua/motcua/services/platform/lookuppin"
	"github.com/motcua/motcua/services/platform/ratelimit"
	"github.com/motcua/motcua/services/status/adapters/store"
	"github.com/motcua/motcua/services/status/adapters/trackcache"
	"github.com/motcua/motcua/services/worktime"
)

// Desk answers citizens: one per status process, shared by its ports so that a client's
// failures count once whichever way it asks.
type Desk struct {
	Store    *store.Store
	PINKey   []byte
	Location *time.Location
	Now      func() time.Time
	// Calendar is the working-time clock the answers count with.
	Calendar func() *worktime.Calendar
	// Cache holds recent citizen views.
	Cache *trackcache.Cache
	// ByClient and ByCode count failed lookups per client address and per dossier code.
	ByClient *ratelimit.Limiter
	ByCode   *ratelimit.Limiter
}

// NewLimiters returns the default failure limits: 10 per client, refilled one every 6
// seconds; 20 per dossier code, refilled one a minute.
func NewLimiters() (byClient, byCode *ratelimit.Limiter) {
	return ratelimit.New(10, 6*time.Second, 100_000), ratelimit.New(20, time.Minute, 100_000)
}

// The reasons a lookup gives nothing.
var (
	// ErrPINRequired: no PIN was given; not counted as a failure.
	ErrPINRequired = errors.New("the lookup PIN is required")
	// ErrNotFound: the code is unknown or the PIN wrong; the caller must not tell
	// which.
	ErrNotFound = errors.New("no dossier matches this code and PIN")
)

// LimitedError says the client, or the code, has failed too often: wait before trying
// again.
type LimitedError struct{ Wait time.Duration }

func (e *LimitedError) Error() string { return "too many failed lookups; retry in " + e.Wait.String() }

// MaxCodeLength is the longest text taken as a dossier code, in characters.
const MaxCodeLength = 40

// maxPINLength is the longest PIN checked against the store; longer ones fail at once.
const maxPINLength = 32

// Find returns the dossier of code whose PIN is pin, as client (ClientKey) may see it,
// and the time of the answer. An unknown code and a wrong PIN both give ErrNotFound;
// repeated failures from one client, or against one code, give a *LimitedError.
func (d *Desk) Find(ctx context.Context, client, code, pin string) (store.Tracked, time.Time, error) {
	now := d.Now()
	code = strings.TrimSpace(code)
	if blocked, wait := d.ByClient.Blocked(client, now); blocked {
		return store.Tracked{}, now, &LimitedError{Wait: wait}
	}
	if blocked, wait := d.ByCode.Blocked(code, now); blocked {
		return store.Tracked{}, now, &LimitedError{Wait: wait}
	}
	pin = lookuppin.Normalize(pin)
	if pin == "" {
		return store.Tracked{}, now, ErrPINRequired
	}
	if !PlausibleCode(code) {
		// No dossier has such a code. It counts against the client only: kept as a key
		// of the per-code limiter, long made-up codes would fill its memory. Nor is it
		// sent to the database, which refuses text that is not UTF-8 or holds a NUL.
		d.ByClient.Fail(client, now)
		return store.Tracked{}, now, ErrNotFound
	}
	if len(pin) > maxPINLength {
		return store.Tracked{}, now, d.fail(client, code, now)
	}
	t, ok, err := d.view(ctx, code)
	if err != nil {
		return store.Tracked{}, now, err
	}
	if !ok || !lookuppin.Check(d.PINKey, t.Code, pin, t.PINHash) {
		return store.Tracked{}, now, d.fail(client, code, now)
	}
	return t, now, nil
}

func (d *Desk) fail(client, code string, now time.Time) error {
	d.ByClient.Fail(client, now)
	d.ByCode.Fail(code, now)
	return ErrNotFound
}

// PlausibleCode reports whether code could be a dossier's: at most MaxCodeLength
// characters of UTF-8 text without NUL.
func PlausibleCode(code string) bool {
	return utf8.ValidString(code) && utf8.RuneCountInString(code) <= MaxCodeLength && !strings.ContainsRune(code, 0)
}

// ClientKey is the client's address, and for IPv6 its /64 network (what one subscriber
// is given, so rotating addresses inside it does not escape the limit). Behind a proxy
// every client shares the proxy's address, so deployments behind one should limit there
// too.
func ClientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	if ip == nil || ip.To4() != nil {
		return host
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

var cacheLookups = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "motcua_track_cache_lookups_total",
	Help: "Citizen lookups by whether the view came from memory (hit) or the database (miss).",
}, []string{"result"})

// view returns the citizen view of code from the cache, or from the database (caching it).
func (d *Desk) view(ctx context.Context, code string) (store.Tracked, bool, error) {
	if t, ok := d.Cache.Get(code); ok {
		cacheLookups.WithLabelValues("hit").Inc()
		return t, true, nil
	}
	cacheLookups.WithLabelValues("miss").Inc()
	t, ok, err := d.Store.Track(ctx, code)
	if ok {
		d.Cache.Put(t)
	}
	return t, ok, err
}
