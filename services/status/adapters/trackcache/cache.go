// Package trackcache keeps recent citizen views of dossiers in memory, so a repeated
// lookup costs no database round trip. Every status instance hears every dossier event
// on core NATS and forgets the dossier it names; an event's version is remembered for a
// while, so a lookup that read the database just before the event's fold committed
// cannot put the older view back. Entries also expire, and the whole cache is dropped
// after a broker reconnect, since events may have been missed meanwhile.
//
// The postal service's shipment events are heard too, under the dossier they carry. They
// do not change the dossier's version, so for them the cache remembers the event ids
// instead: a view is cached only if it holds the step of every shipment event heard
// for its dossier meanwhile (each shipment event adds one, keyed by its id).
//
// The bound on staleness: an event's version (or id) is remembered for a minute; if its
// fold lags longer than that (a consumer backing off, catching up after a restart, a
// shipment event waiting for its dossier), a view read before the fold may be served
// until its entry expires (MOTCUA_TRACK_CACHE_TTL).
package trackcache

import (
	"container/list"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/motcua/motcua/services/status/app/citizen"
)

// Cache is a least-recently-used map from dossier code to view, bounded both by the
// number of views and by the bytes they hold (a long timeline weighs more): the
// citizen.Views of a status process.
type Cache struct {
	max int
	// maxBytes bounds the sum of the entries' footprints (bytes).
	maxBytes int
	bytes    int
	ttl      time.Duration
	now      func() time.Time
	mu       sync.Mutex
	order    *list.List // front: most recently used *entry
	byCode   map[string]*list.Element
	byID     map[uuid.UUID]*list.Element
	pending  map[uuid.UUID]pendingVersion
	// postal holds, per dossier, the shipment events heard and not yet seen folded.
	postal map[uuid.UUID]*pendingEvents
	// postalEvents counts the event ids held in postal.
	postalEvents int
}

var _ citizen.Views = (*Cache)(nil)

type entry struct {
	view    citizen.Tracked
	expires time.Time
	// bytes is the entry's footprint.
	bytes int
}

type pendingVersion struct {
	version int
	until   time.Time
}

// pendingEvents are shipment events of one dossier heard lately; until is a minute after
// the last one.
type pendingEvents struct {
	ids   map[uuid.UUID]struct{}
	until time.Time
}

// pendingFor is how long an event's version is remembered: far longer than a fold takes.
const pendingFor = time.Minute

// New returns a cache of at most max views holding at most maxBytes bytes, each kept
// at most ttl.
func New(max, maxBytes int, ttl time.Duration, now func() time.Time) *Cache {
	return &Cache{max: max, maxBytes: maxBytes, ttl: ttl, now: now, order: list.New(), byCode: map[string]*list.Element{},
		byID: map[uuid.UUID]*list.Element{}, pending: map[uuid.UUID]pendingVersion{},
		postal: map[uuid.UUID]*pendingEvents{}}
}

// Get returns the cached view of the dossier with code.
func (c *Cache) Get(code string) (citizen.Tracked, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byCode[code]
	if !ok {
		return citizen.Tracked{}, false
	}
	e := el.Value.(*entry)
	if c.now().After(e.expires) {
		c.remove(el)
		return citizen.Tracked{}, false
	}
	c.order.MoveToFront(el)
	return e.view, true
}

// Put caches a view read from the database, unless an event newer than it was heard: a
// dossier event of a newer version, or a shipment event whose step the view lacks.
func (c *Cache) Put(v citizen.Tracked) {
	if c.max <= 0 {
		return
	}
	size := entryOverhead + footprint(v)
	if size > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if p, ok := c.pending[v.ID]; ok {
		if now.Before(p.until) && p.version > v.Version {
			return
		}
		delete(c.pending, v.ID)
	}
	if p, ok := c.postal[v.ID]; ok {
		if now.Before(p.until) && !holdsAll(v, p.ids) {
			return
		}
		c.forgetPostal(v.ID)
	}
	if el, ok := c.byCode[v.Code]; ok {
		c.remove(el)
	}
	el := c.order.PushFront(&entry{view: v, expires: now.Add(c.ttl), bytes: size})
	c.byCode[v.Code] = el
	c.byID[v.ID] = el
	c.bytes += size
	for c.order.Len() > c.max || c.bytes > c.maxBytes {
		c.remove(c.order.Back())
	}
}

// Invalidate forgets the dossier id, whose event of version was just published.
func (c *Cache) Invalidate(id uuid.UUID, version int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byID[id]; ok {
		c.remove(el)
	}
	now := c.now()
	if len(c.pending) >= 4*c.max+1024 {
		for k, p := range c.pending {
			if now.After(p.until) {
				delete(c.pending, k)
			}
		}
		if len(c.pending) >= 4*c.max+1024 {
			// More events than the memory holds: forget every view rather than risk
			// caching one older than an event forgotten here.
			c.clear()
		}
	}
	if p := c.pending[id]; version > p.version || now.After(p.until) {
		c.pending[id] = pendingVersion{version: version, until: now.Add(pendingFor)}
	}
}

// InvalidatePostal forgets the dossier id, for which the shipment event or the notice
// eventID was just published (events of other streams than the dossier's, which carry
// no dossier version): until the view holds that event's step or notice, it is not
// cached again.
func (c *Cache) InvalidatePostal(id, eventID uuid.UUID) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byID[id]; ok {
		c.remove(el)
	}
	now := c.now()
	if c.postalEvents >= 4*c.max+1024 {
		for k, p := range c.postal {
			if now.After(p.until) {
				c.forgetPostal(k)
			}
		}
		if c.postalEvents >= 4*c.max+1024 {
			// As for dossier events: forget every view rather than one event.
			c.clear()
		}
	}
	p, ok := c.postal[id]
	if !ok || now.After(p.until) {
		if ok {
			c.forgetPostal(id)
		}
		p = &pendingEvents{ids: map[uuid.UUID]struct{}{}}
		c.postal[id] = p
	}
	if _, seen := p.ids[eventID]; !seen {
		p.ids[eventID] = struct{}{}
		c.postalEvents++
	}
	p.until = now.Add(pendingFor)
}

// holdsAll reports whether the view has the step or the notice of every event in ids.
func holdsAll(v citizen.Tracked, ids map[uuid.UUID]struct{}) bool {
	found := 0
	for _, s := range v.Postal {
		if _, ok := ids[s.EventID]; ok {
			found++
		}
	}
	for _, n := range v.Notices {
		if _, ok := ids[n.EventID]; ok {
			found++
		}
	}
	return found == len(ids)
}

func (c *Cache) forgetPostal(id uuid.UUID) {
	if p, ok := c.postal[id]; ok {
		c.postalEvents -= len(p.ids)
		delete(c.postal, id)
	}
}

// Clear forgets everything, e.g. after a broker reconnect.
func (c *Cache) Clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clear()
}

func (c *Cache) clear() {
	c.order.Init()
	c.bytes = 0
	clear(c.byCode)
	clear(c.byID)
	clear(c.pending)
	clear(c.postal)
	c.postalEvents = 0
}

// Bytes is the footprint of the cached views.
func (c *Cache) Bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// Len is the number of cached views.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

func (c *Cache) remove(el *list.Element) {
	e := c.order.Remove(el).(*entry)
	c.bytes -= e.bytes
	delete(c.byCode, e.view.Code)
	delete(c.byID, e.view.ID)
}
