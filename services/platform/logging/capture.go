package logging

import (
	"bytes"
	"log/slog"
	"sync"
)

// Capture keeps what a logger writes, for a test to read while the logger's
// goroutines go on writing.
type Capture struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write adds p to what was written.
func (c *Capture) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.Write(p)
}

// String is everything written so far.
func (c *Capture) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String()
}

// Logger is a text logger at level that writes to c.
func (c *Capture) Logger(level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(c, &slog.HandlerOptions{Level: level}))
}
