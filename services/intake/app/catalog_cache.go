package app

import (
	"context"
	"sync"
	"time"

	"github.com/motcua/motcua/services/intake/domain/catalog"
)

// Catalog keeps offices and procedures in memory: every registration needs them and they
// change rarely. It reloads when older than maxAge, or on a miss (at most once a second),
// so an office added by an administrator is found at once.
type Catalog struct {
	src    CatalogReader
	maxAge time.Duration

	mu         sync.Mutex
	loadedAt   time.Time
	offices    map[string]catalog.Office
	procedures map[string]catalog.Procedure
}

// NewCatalog returns a cache over src.
func NewCatalog(src CatalogReader, maxAge time.Duration) *Catalog {
	return &Catalog{src: src, maxAge: maxAge}
}

// Office returns the office with code.
func (c *Catalog) Office(ctx context.Context, code string) (catalog.Office, bool, error) {
	return lookup(ctx, c, func() (catalog.Office, bool) { o, ok := c.offices[code]; return o, ok })
}

// Procedure returns the procedure with code.
func (c *Catalog) Procedure(ctx context.Context, code string) (catalog.Procedure, bool, error) {
	return lookup(ctx, c, func() (catalog.Procedure, bool) { p, ok := c.procedures[code]; return p, ok })
}

// Forget drops what the cache holds, so that the next lookup reads the store: called
// after this replica saved an office or a procedure.
func (c *Catalog) Forget() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.loadedAt = time.Time{}
}

func lookup[T any](ctx context.Context, c *Catalog, get func() (T, bool)) (T, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	age := time.Since(c.loadedAt)
	if age < c.maxAge {
		if v, ok := get(); ok || age < time.Second {
			return v, ok, nil
		}
	}
	if err := c.reload(ctx); err != nil {
		var zero T
		return zero, false, err
	}
	v, ok := get()
	return v, ok, nil
}

func (c *Catalog) reload(ctx context.Context) error {
	offices, err := c.src.Offices(ctx)
	if err != nil {
		return err
	}
	procedures, err := c.src.Procedures(ctx)
	if err != nil {
		return err
	}
	c.offices = make(map[string]catalog.Office, len(offices))
	for _, o := range offices {
		c.offices[o.Code] = o
	}
	c.procedures = make(map[string]catalog.Procedure, len(procedures))
	for _, p := range procedures {
		c.procedures[p.Code] = p
	}
	c.loadedAt = time.Now()
	return nil
}
