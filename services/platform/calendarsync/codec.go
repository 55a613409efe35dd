package calendarsync

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/google/uuid"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	referencev1 "github.com/motcua/motcua/proto/motcua/reference/v1"
	"github.com/motcua/motcua/services/platform/outbox"
	"github.com/motcua/motcua/services/worktime"
)

// dayOff is a day off as the table stores it.
type dayOff struct {
	Date   worktime.Date `json:"date"`
	Reason string        `json:"reason"`
}

// columns returns y's days as the table's two jsonb columns, in date order.
func columns(y worktime.Year) (daysOff, working []byte, err error) {
	off := make([]dayOff, 0, len(y.DaysOff))
	for _, d := range sortedDates(y.DaysOff) {
		off = append(off, dayOff{Date: d, Reason: y.DaysOff[d]})
	}
	var ww []worktime.Date
	for _, d := range sortedDates(y.WorkingWeekendDays) {
		if y.WorkingWeekendDays[d] {
			ww = append(ww, d)
		}
	}
	if daysOff, err = json.Marshal(off); err != nil {
		return nil, nil, err
	}
	if working, err = json.Marshal(ww); err != nil {
		return nil, nil, err
	}
	return daysOff, working, nil
}

// fromColumns reads a year back from the table's columns.
func fromColumns(year int, daysOff, working []byte) (worktime.Year, error) {
	var off []dayOff
	var ww []worktime.Date
	if err := json.Unmarshal(daysOff, &off); err != nil {
		return worktime.Year{}, fmt.Errorf("calendar %d: days off: %w", year, err)
	}
	if err := json.Unmarshal(working, &ww); err != nil {
		return worktime.Year{}, fmt.Errorf("calendar %d: working days: %w", year, err)
	}
	y := worktime.Year{Year: year, DaysOff: map[worktime.Date]string{}, WorkingWeekendDays: map[worktime.Date]bool{}}
	for _, d := range off {
		y.DaysOff[d.Date] = d.Reason
	}
	for _, d := range ww {
		y.WorkingWeekendDays[d] = true
	}
	return y, nil
}

func sortedDates[V any](m map[worktime.Date]V) []worktime.Date {
	return slices.SortedFunc(maps.Keys(m), func(a, b worktime.Date) int { return a.Compare(b) })
}

// encode builds the outbox message of an edit.
func encode(y worktime.Year, revision int64, by string, at time.Time) (outbox.Message, error) {
	id := uuid.New()
	set := &referencev1.CalendarYearSet{Year: int32(y.Year), Revision: revision}
	for _, d := range sortedDates(y.DaysOff) {
		set.DaysOff = append(set.DaysOff, &referencev1.DayOff{Date: d.String(), Reason: y.DaysOff[d]})
	}
	for _, d := range sortedDates(y.WorkingWeekendDays) {
		if y.WorkingWeekendDays[d] {
			set.WorkingWeekendDays = append(set.WorkingWeekendDays, d.String())
		}
	}
	ev := &referencev1.Event{EventId: id.String(), OccurredAt: timestamppb.New(at), Username: by,
		Kind: &referencev1.Event_CalendarYearSet{CalendarYearSet: set}}
	return outbox.Encode(id, Subject(y.Year), ev, "calendar event")
}

// Decode reads a calendar event into the year it sets and its revision, or says why it
// cannot be applied.
func Decode(data []byte) (worktime.Year, int64, error) {
	var ev referencev1.Event
	if err := proto.Unmarshal(data, &ev); err != nil {
		return worktime.Year{}, 0, fmt.Errorf("decode calendar event: %w", err)
	}
	set := ev.GetCalendarYearSet()
	if set == nil {
		return worktime.Year{}, 0, errors.New("reference event is not a calendar edit")
	}
	if set.GetRevision() < 1 {
		return worktime.Year{}, 0, errors.New("calendar edit without a revision")
	}
	y := worktime.Year{Year: int(set.GetYear()), DaysOff: map[worktime.Date]string{}, WorkingWeekendDays: map[worktime.Date]bool{}}
	for _, d := range set.GetDaysOff() {
		date, err := worktime.ParseDate(d.GetDate())
		if err != nil {
			return worktime.Year{}, 0, fmt.Errorf("calendar edit: day off: %w", err)
		}
		y.DaysOff[date] = d.GetReason()
	}
	for _, s := range set.GetWorkingWeekendDays() {
		date, err := worktime.ParseDate(s)
		if err != nil {
			return worktime.Year{}, 0, fmt.Errorf("calendar edit: working day: %w", err)
		}
		y.WorkingWeekendDays[date] = true
	}
	if err := y.Validate(); err != nil {
		return worktime.Year{}, 0, fmt.Errorf("calendar edit: %w", err)
	}
	return y, set.GetRevision(), nil
}
