// Package ratelimit counts failures per key (a client address, a dossier code) with token
// buckets held in memory, so guessing a PIN is slowed to a crawl while honest users, who
// rarely fail, never notice.
package ratelimit

import (
	"math"
	"sync"
	"time"
)

// Limiter allows Burst failures per key at once, refilled at Per each.
type Limiter struct {
	Burst   int
	Per     time.Duration
	MaxKeys int

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

// New returns a limiter of burst failures refilled one every per, remembering at most
// maxKeys keys (full buckets are forgotten first).
func New(burst int, per time.Duration, maxKeys int) *Limiter {
	return &Limiter{Burst: burst, Per: per, MaxKeys: maxKeys, buckets: map[string]*bucket{}}
}

func (l *Limiter) refill(b *bucket, now time.Time) {
	b.tokens = math.Min(float64(l.Burst), b.tokens+now.Sub(b.at).Seconds()/l.Per.Seconds())
	b.at = now
}

// Blocked reports whether key has used up its failures, and how long until it may try.
func (l *Limiter) Blocked(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		return false, 0
	}
	l.refill(b, now)
	if b.tokens >= 1 {
		return false, 0
	}
	wait := time.Duration((1 - b.tokens) * float64(l.Per))
	return true, wait
}

// Fail records one failure of key.
func (l *Limiter) Fail(key string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= l.MaxKeys {
			l.sweep(now)
		}
		b = &bucket{tokens: float64(l.Burst), at: now}
		l.buckets[key] = b
	}
	l.refill(b, now)
	b.tokens = math.Max(0, b.tokens-1)
}

// sweep forgets keys whose bucket has refilled; if none has, it forgets them all rather
// than grow without bound.
func (l *Limiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		l.refill(b, now)
		if b.tokens >= float64(l.Burst) {
			delete(l.buckets, k)
		}
	}
	if len(l.buckets) >= l.MaxKeys {
		clear(l.buckets)
	}
}
