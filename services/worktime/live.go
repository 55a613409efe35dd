package worktime

import (
	"fmt"
	"maps"
	"sync"
	"sync/atomic"
)

// Live is the calendar in force: the shipped days of every year from FirstYear to
// LastYear, with the years an administrator edited in their place. Reads are lock-free;
// an edit builds a new Calendar and swaps it in, so a computation never sees half an
// edit. Each edited year carries a revision, and an older revision never replaces a
// newer one, whatever order the edits arrive in.
type Live struct {
	mu       sync.Mutex
	edited   map[int]Year
	revision map[int]int64
	current  atomic.Pointer[Calendar]
}

// NewLive returns the shipped calendar with no edits.
func NewLive() *Live {
	l := &Live{edited: map[int]Year{}, revision: map[int]int64{}}
	c, err := l.build()
	if err != nil {
		panic(err) // the shipped data is valid: a test guards it
	}
	l.current.Store(c)
	return l
}

// Calendar returns the calendar in force.
func (l *Live) Calendar() *Calendar { return l.current.Load() }

// Set puts an edited year in force unless a revision at least as new is already in
// force, and reports whether it did.
func (l *Live) Set(y Year, revision int64) (bool, error) {
	if err := y.Validate(); err != nil {
		return false, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.revision[y.Year]; ok && r >= revision {
		return false, nil
	}
	prev, had := l.edited[y.Year]
	l.edited[y.Year] = y.clone()
	c, err := l.build()
	if err != nil {
		if had {
			l.edited[y.Year] = prev
		} else {
			delete(l.edited, y.Year)
		}
		return false, err
	}
	l.revision[y.Year] = revision
	l.current.Store(c)
	return true, nil
}

// Year returns the days of year in force, and the revision of its edit (0 when it is
// the shipped calendar).
func (l *Live) Year(year int) (Year, int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if y, ok := l.edited[year]; ok {
		return y.clone(), l.revision[year]
	}
	return DefaultYear(year), 0
}

func (l *Live) build() (*Calendar, error) {
	daysOff := map[Date]string{}
	working := map[Date]bool{}
	for y := FirstYear; y <= LastYear; y++ {
		year, ok := l.edited[y]
		if !ok {
			year = DefaultYear(y)
		}
		maps.Copy(daysOff, year.DaysOff)
		maps.Copy(working, year.WorkingWeekendDays)
	}
	c, err := NewCalendar(VietnamLocation(), DefaultOfficeHours(), daysOff, working)
	if err != nil {
		return nil, fmt.Errorf("worktime: %w", err)
	}
	return c, nil
}
