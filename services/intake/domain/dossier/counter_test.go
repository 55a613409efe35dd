package dossier

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// counterRegistration is a dossier a post office takes at its counter.
func counterRegistration() Registration {
	r := validRegistration()
	r.Channel, r.PostOffice, r.SealNumber, r.PostageVND = ChannelPost, "BC-GIARAY", "NP-000123", 26000
	r.Applicant.Address = ""
	return r
}

func TestValidateCounter(t *testing.T) {
	cases := []struct {
		name        string
		edit        func(r *Registration)
		field, code string
	}{
		{"valid, no address needed", func(r *Registration) {}, "", ""},
		{"at the door", func(r *Registration) { r.PickupTrackingNumber = "ea 0000 0001 4 vn" }, "", ""},
		{"a desk's channel", func(r *Registration) { r.Channel = ChannelDesk }, "channel", "counter_is_post"},
		{"no seal", func(r *Registration) { r.SealNumber = " " }, "seal_number", "required"},
		{"seal with spaces", func(r *Registration) { r.SealNumber = "NP 1" }, "seal_number", "invalid_seal"},
		{"seal too long", func(r *Registration) { r.SealNumber = strings.Repeat("9", 41) }, "seal_number", "too_long"},
		{"negative postage", func(r *Registration) { r.PostageVND = -1 }, "postage_vnd", "out_of_range"},
		{"postage too high", func(r *Registration) { r.PostageVND = MaxPostageVND + 1 }, "postage_vnd", "out_of_range"},
		{"bad pickup number", func(r *Registration) { r.PickupTrackingNumber = "EA000000016VN" }, "pickup_tracking_number", "invalid_tracking_number"},
		{"post office too long", func(r *Registration) { r.PostOffice = strings.Repeat("B", 41) }, "post_office", "too_long"},
		{"a desk gives a seal", func(r *Registration) { r.PostOffice, r.Applicant.Address = "", "Gia Ray" }, "post_office", "counter_only"},
		{"a desk gives postage", func(r *Registration) { r.PostOffice, r.SealNumber, r.Applicant.Address = "", "", "Gia Ray" }, "post_office", "counter_only"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := counterRegistration()
			c.edit(&r)
			r.Normalize()
			fe := r.Validate()
			if c.field == "" {
				if fe != nil {
					t.Fatalf("refused: %v", fe)
				}
				return
			}
			if fe == nil || fe.Field != c.field || fe.Code != c.code {
				t.Fatalf("got %+v, want %s %s", fe, c.field, c.code)
			}
		})
	}
	r := counterRegistration()
	r.PickupTrackingNumber = "ea 0000 0001 4 vn"
	r.Normalize()
	if r.PickupTrackingNumber != "EA000000014VN" {
		t.Errorf("pickup number normalized to %q", r.PickupTrackingNumber)
	}
}

func TestValidateResultAtPostOffice(t *testing.T) {
	r := validRegistration()
	r.ResultDelivery = ResultDelivery{Method: "Post_Office "}
	r.Normalize()
	if fe := r.Validate(); fe == nil || fe.Field != "result_delivery.post_office" || fe.Code != "required" {
		t.Fatalf("no post office: %+v", fe)
	}
	r.ResultDelivery.PostOffice = " BC-GIARAY "
	r.Normalize()
	if fe := r.Validate(); fe != nil || r.ResultDelivery.PostOffice != "BC-GIARAY" {
		t.Fatalf("with a post office: %v (%q)", fe, r.ResultDelivery.PostOffice)
	}
}

// A dossier a post office took waits for its papers: the desk can neither check,
// receive nor refuse it until the post delivers them; the clock starts at that
// delivery, not when the desk gets round to receiving it.
func TestPapersOnTheRoad(t *testing.T) {
	clock := lcClock(t)
	s := lcSubmitted(40)
	s.PickupTracking = "EC000000015VN"
	for _, a := range []Action{ActReceive, ActRequestSupplement, ActRefuse} {
		var na *NotAllowedError
		_, _, err := Apply(s, a, validCommand(a), lcDeskActor, vn(2026, time.March, 2, 9, 0), clock)
		if !errors.As(err, &na) || na.Why != "papers_on_the_road" {
			t.Fatalf("%s before the papers: %v", a, err)
		}
		if !strings.Contains(err.Error(), "post") {
			t.Errorf("%s: the message does not say the post has the papers: %v", a, err)
		}
	}
	if got := s.AllowedFor(lcDeskActor); !slices.Equal(got, []Action{ActWithdraw}) {
		t.Errorf("allowed before the papers: %v, want only withdraw", got)
	}
	if _, _, err := BringIn(s, "EC000000023VN", vn(2026, time.March, 2, 9, 0), clock); err == nil {
		t.Error("another shipment brought the papers in")
	}
	delivered := vn(2026, time.March, 2, 15, 10)
	in, step, err := BringIn(s, "EC000000015VN", delivered, clock)
	if err != nil {
		t.Fatal(err)
	}
	if !in.PapersAt.Equal(delivered) || in.Status != StatusSubmitted || in.Version != s.Version+1 ||
		step.Action != ActBringIn || step.Office != lcDesk || step.TrackingNumber != "EC000000015VN" {
		t.Fatalf("brought in: %+v, step %+v", in, step)
	}
	if _, _, err := BringIn(in, "EC000000015VN", delivered, clock); err == nil {
		t.Error("the papers were brought in twice")
	}
	next, _ := lcApply(t, in, ActReceive, Command{}, lcDeskActor, vn(2026, time.March, 3, 10, 0))
	want := clock.AddWorkingHours(delivered, 40).Truncate(time.Second)
	if !next.ReceivedAt.Equal(delivered) || !next.DueAt.Equal(want) {
		t.Errorf("received at %v due %v, want %v due %v", next.ReceivedAt, next.DueAt, delivered, want)
	}
}
