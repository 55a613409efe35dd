package filestore

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// errSize is the cause of a refused Put whose reader did not give the announced size.
var errSize = errors.New("filestore: the file is not of the announced size")

// exactReader passes on exactly size bytes of r and fails otherwise. It checks for a
// byte beyond size before it gives up the last ones, so that whoever reads it (a file
// being written, an HTTP request body) never sees a complete file when the source was
// longer than announced. It also stops when ctx ends.
type exactReader struct {
	ctx  context.Context
	r    io.Reader
	left int64
	done bool
}

func newExactReader(ctx context.Context, r io.Reader, size int64) (*exactReader, error) {
	if size < 0 {
		return nil, fmt.Errorf("%w: %d bytes", errSize, size)
	}
	return &exactReader{ctx: ctx, r: r, left: size}, nil
}

func (e *exactReader) Read(p []byte) (int, error) {
	if err := e.ctx.Err(); err != nil {
		return 0, err
	}
	if e.done {
		return 0, io.EOF
	}
	if int64(len(p)) < e.left {
		n, err := e.r.Read(p)
		e.left -= int64(n)
		if errors.Is(err, io.EOF) {
			return n, fmt.Errorf("%w: shorter than announced", errSize)
		}
		return n, err
	}
	n, err := io.ReadFull(e.r, p[:e.left])
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return 0, fmt.Errorf("%w: shorter than announced", errSize)
		}
		return 0, err
	}
	var extra [1]byte
	switch m, err := io.ReadFull(e.r, extra[:]); {
	case m > 0:
		return 0, fmt.Errorf("%w: longer than announced", errSize)
	case !errors.Is(err, io.EOF):
		return 0, err
	}
	e.left, e.done = 0, true
	return n, nil
}
