package citizen

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"

	"github.com/motcua/motcua/services/platform/lookuppin"
)

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

// Error says how long to wait, for the logs; the ports tell the citizen in their words.
func (e *LimitedError) Error() string { return "too many failed lookups; retry in " + e.Wait.String() }

// MaxCodeLength is the longest text taken as a dossier code, in characters.
const MaxCodeLength = 40

// maxPINLength is the longest PIN checked against the store; longer ones fail at once.
const maxPINLength = 32

// Find returns the dossier of code whose PIN is pin, as client (the port's key of who
// asks) may see it, and the time of the answer. An unknown code and a wrong PIN both
// give ErrNotFound; repeated failures from one client give a *LimitedError, and so do
// repeated failures against one code, to the clients that failed on it only: the right
// PIN from another client is still answered.
func (s *Service) Find(ctx context.Context, client, code, pin string) (Tracked, time.Time, error) {
	now := s.now()
	code = strings.TrimSpace(code)
	if wait := s.guard.Wait(client, code, now); wait > 0 {
		return Tracked{}, now, &LimitedError{Wait: wait}
	}
	pin = lookuppin.Normalize(pin)
	if pin == "" {
		return Tracked{}, now, ErrPINRequired
	}
	if !PlausibleCode(code) {
		// No dossier has such a code. It counts against the client only: kept as a key
		// of the per-code limiter, long made-up codes would fill its memory. Nor is it
		// sent to the database, which refuses text that is not UTF-8 or holds a NUL.
		s.guard.FailClient(client, now)
		return Tracked{}, now, ErrNotFound
	}
	if len(pin) > maxPINLength {
		return Tracked{}, now, s.fail(client, code, now)
	}
	t, err := s.read(ctx, code)
	switch {
	case errors.Is(err, ErrNotFound):
		return Tracked{}, now, s.fail(client, code, now)
	case err != nil:
		return Tracked{}, now, err
	case !lookuppin.Check(s.pinKey, t.Code, pin, t.PINHash):
		return Tracked{}, now, s.fail(client, code, now)
	}
	return t, now, nil
}

// fail counts a failed lookup against the client and the code.
func (s *Service) fail(client, code string, now time.Time) error {
	s.guard.Fail(client, code, now)
	return ErrNotFound
}

// PlausibleCode reports whether code could be a dossier's: at most MaxCodeLength
// characters of UTF-8 text without NUL.
func PlausibleCode(code string) bool {
	return utf8.ValidString(code) && utf8.RuneCountInString(code) <= MaxCodeLength && !strings.ContainsRune(code, 0)
}

var cacheLookups = promauto.NewCounterVec(prometheus.CounterOpts{
	Name: "motcua_track_cache_lookups_total",
	Help: "Citizen lookups by whether the view came from memory (hit) or the database (miss).",
}, []string{"result"})

// read returns the dossier of code from the recent views, or from the database (keeping
// it among them).
func (s *Service) read(ctx context.Context, code string) (Tracked, error) {
	if t, ok := s.views.Get(code); ok {
		cacheLookups.WithLabelValues("hit").Inc()
		return t, nil
	}
	cacheLookups.WithLabelValues("miss").Inc()
	t, err := s.dossiers.ByCode(ctx, code)
	if err == nil {
		s.views.Put(t)
	}
	return t, err
}
