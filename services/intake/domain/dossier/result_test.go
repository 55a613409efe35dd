package dossier

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

// lcElectronic is a dossier whose result is given electronically, processing at the
// department.
func lcElectronic(t *testing.T) (State, time.Time) {
	t.Helper()
	s, at := lcStateIn(t, StatusProcessing)
	s.ResultDelivery = DeliverElectronically
	return s, at
}

// An approved result given electronically is its file: complete without one is a field
// error (422), naming result_file_id, and changes nothing; with it the dossier is
// processed and its result downloadable. A rejection may come without a file (the desk
// hands the letter over) or with the letter as the file; a result given at the desk
// needs no file.
func TestCompleteAnElectronicResult(t *testing.T) {
	s, at := lcElectronic(t)
	clock := lcClock(t)
	now := at.Add(time.Hour)
	c := Command{Outcome: Approved}
	c.Normalize(ActComplete)
	got, step, err := Apply(s, ActComplete, c, lcDeptActor, now, clock)
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "result_file_id" || fe.Code != "result_file_required" {
		t.Fatalf("approved without a file: %v, want result_file_id result_file_required", err)
	}
	if got.Status != StatusProcessing || !reflect.DeepEqual(step, Step{}) {
		t.Errorf("a refused complete changed the dossier: %s, %+v", got.Status, step)
	}
	if w := fe.Words(); w.VI == "result_file_required" || w.EN == "result_file_required" {
		t.Errorf("the problem has no words: %+v", w)
	}

	withFile := Command{Outcome: Approved, ResultFileID: " 0B5C8F0E-1111-4222-8333-444455556666 "}
	done, _ := lcApply(t, s, ActComplete, withFile, lcDeptActor, now)
	if done.Status != StatusProcessed || done.ResultFile != "0b5c8f0e-1111-4222-8333-444455556666" || !done.ResultDownloadable() {
		t.Errorf("approved with the file: %s, file %q, downloadable %v", done.Status, done.ResultFile, done.ResultDownloadable())
	}

	rejected, _ := lcApply(t, s, ActComplete, Command{Outcome: Rejected}, lcDeptActor, now)
	if rejected.Status != StatusProcessed || rejected.ResultDownloadable() {
		t.Errorf("rejected without a file: %s, downloadable %v", rejected.Status, rejected.ResultDownloadable())
	}
	letter, _ := lcApply(t, s, ActComplete, Command{Outcome: Rejected, ResultFileID: "letter"}, lcDeptActor, now)
	if !letter.ResultDownloadable() {
		t.Error("a rejection with its letter as the file is not downloadable")
	}

	atDesk, _ := lcStateIn(t, StatusProcessing)
	desk, _ := lcApply(t, atDesk, ActComplete, Command{Outcome: Approved}, lcDeptActor, now)
	if desk.Status != StatusProcessed || desk.ResultDownloadable() {
		t.Errorf("a result given at the desk: %s, downloadable %v", desk.Status, desk.ResultDownloadable())
	}
	withAFile, _ := lcApply(t, atDesk, ActComplete, withFile, lcDeptActor, now)
	if withAFile.ResultDownloadable() {
		t.Error("a result given at the desk is downloadable because it has a file")
	}
}

// The first download returns the result: returned (10), the finish timing kept, one
// step by the citizen at the office holding the result; a later download changes
// nothing. A result on its way to the desk is returned too. Nothing is downloadable
// before the office completes the dossier with its file.
func TestDownloadReturnsTheResultOnce(t *testing.T) {
	s, at := lcElectronic(t)
	if _, _, _, err := Download(s, at); !errors.Is(err, ErrNoResult) {
		t.Fatalf("download while processing: %v, want ErrNoResult", err)
	}
	done, _ := lcApply(t, s, ActComplete, Command{Outcome: Approved, ResultFileID: "f"}, lcDeptActor, at.Add(time.Hour))
	now := at.Add(30 * time.Hour)
	back, step, first, err := Download(done, now)
	if err != nil || !first {
		t.Fatalf("first download: first %v, %v", first, err)
	}
	if back.Status != StatusReturned || back.Status.NationalCode() != 10 || back.Version != done.Version+1 {
		t.Errorf("after the first download: %s (%d), version %d", back.Status, back.Status.NationalCode(), back.Version)
	}
	want := Step{Action: ActDownload, At: now, Actor: CitizenName, Office: lcDept, FromOffice: lcDept, Timing: done.Timing}
	if step.Action != want.Action || !step.At.Equal(now) || step.Actor != want.Actor || step.Office != want.Office ||
		step.FromOffice != want.FromOffice || step.Timing != want.Timing || done.Timing == "" {
		t.Errorf("step %+v, want %+v", step, want)
	}
	again, step, first, err := Download(back, now.Add(time.Hour))
	if err != nil || first || again.Version != back.Version || !reflect.DeepEqual(step, Step{}) {
		t.Errorf("second download: first %v, version %d, step %+v, %v", first, again.Version, step, err)
	}

	moving, _ := lcApply(t, done, ActTransfer, Command{ToOffice: lcDesk, Via: ByHand}, lcDeptActor, at.Add(2*time.Hour))
	got, _, first, err := Download(moving, now)
	if err != nil || !first || got.Status != StatusReturned || got.PendingOffice != "" {
		t.Errorf("download of a result on its way: %s, pending %q, first %v, %v", got.Status, got.PendingOffice, first, err)
	}

	atDesk, _ := lcStateIn(t, StatusProcessed)
	if _, _, _, err := Download(atDesk, now); !errors.Is(err, ErrNoResult) {
		t.Errorf("download of a result given at the desk: %v, want ErrNoResult", err)
	}
}

// The result's file is attached by the office that holds the dossier while it may
// complete it: another office is told which may, and an attach before processing or
// after the result is not allowed.
func TestCheckAttachResult(t *testing.T) {
	s, _ := lcElectronic(t)
	if err := s.CheckAttachResult(lcDeptActor); err != nil {
		t.Errorf("the department attaches: %v", err)
	}
	var oe *OfficeError
	if err := s.CheckAttachResult(lcDeskActor); !errors.As(err, &oe) || oe.Office != lcDept {
		t.Errorf("the desk attaches: %v, want an *OfficeError naming the department", err)
	}
	for _, st := range []Status{StatusReceived, StatusProcessed, StatusReturned} {
		s, _ := lcStateIn(t, st)
		var na *NotAllowedError
		if err := s.CheckAttachResult(Actor{Username: "x", Offices: []string{s.CurrentOffice}}); !errors.As(err, &na) ||
			na.Action != ActAttachResult || na.Status != st {
			t.Errorf("attach while %s: %v", st, err)
		}
	}
}
