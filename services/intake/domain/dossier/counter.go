package dossier

import (
	"errors"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/s10"
	"github.com/motcua/motcua/services/platform/seal"
)

// MaxPostageVND is the largest postage a post office collects for one dossier, in đồng.
const MaxPostageVND = 10_000_000

// validateCounter checks the post office's side of a registration (domain §5, the post
// office as a door): a dossier a post office takes arrives by post, sealed in front of
// the applicant, with the postage collected; at the citizen's door it names the pickup
// the citizen asked for. A registration without a post office names none of these.
func (r *Registration) validateCounter() *FieldError {
	if !r.AtPostOffice() {
		if r.SealNumber != "" || r.PostageVND != 0 || r.PickupTrackingNumber != "" {
			return invalid("post_office", "counter_only")
		}
		return nil
	}
	sealProblem := seal.Problem(r.SealNumber)
	switch {
	case utf8.RuneCountInString(r.PostOffice) > maxCodeRunes:
		return invalid("post_office", "too_long")
	case r.Channel != ChannelPost:
		return invalid("channel", "counter_is_post")
	case r.SealNumber == "":
		return missing("seal_number")
	case sealProblem != "":
		return invalid("seal_number", sealProblem)
	case r.PostageVND < 0 || r.PostageVND > MaxPostageVND:
		return invalid("postage_vnd", "out_of_range", MaxPostageVND)
	}
	if r.PickupTrackingNumber != "" {
		if _, err := s10.Parse(r.PickupTrackingNumber); err != nil {
			var e *s10.Error
			errors.As(err, &e)
			return invalid("pickup_tracking_number", "invalid_tracking_number", e.Words())
		}
	}
	return nil
}

// normalizeCounter writes a pickup's tracking number as the post prints it, when it
// is one (Parse reads it spaced, dashed or in lower case).
func (r *Registration) normalizeCounter() {
	if n, err := s10.Parse(r.PickupTrackingNumber); err == nil {
		r.PickupTrackingNumber = n.String()
	}
}
