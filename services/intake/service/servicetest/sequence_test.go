package servicetest

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
)

// TestSequenceUnderLoad registers 200 dossiers at once at one office: every code is
// distinct and the day's numbers run 1, 2, … with no gap.
func TestSequenceUnderLoad(t *testing.T) {
	t.Parallel()
	e := start(t)
	desk := e.token(t, "desk.xuanloc")
	body := apitest.JSON(t, registration(demo.DistrictDesk))

	const total, workers = 200, 16
	replies := make([]apitest.Reply, total)
	errs := make([]error, total)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				replies[i], errs[i] = e.do("POST", "/api/v1/dossiers", desk, body)
			}
		})
	}
	for i := range total {
		next <- i
	}
	close(next)
	wg.Wait()

	codes := make([]string, 0, total)
	for i, r := range replies {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		r.Check(t, "registration")
		if r.Status != http.StatusCreated {
			t.Fatalf("registration %d: %d %s", i, r.Status, r.Body)
		}
		var rc receipt
		r.Decode(t, &rc)
		codes = append(codes, rc.Code)
	}
	checkGapFree(t, codes, demo.DistrictDesk)
	if n := e.count(t, "SELECT count(*) FROM intake.dossiers"); n != total {
		t.Fatalf("%d dossiers stored, want %d", n, total)
	}
}

// TestRefusedRegistrationTakesNoNumber interleaves refused registrations with accepted
// ones at one office: the accepted ones still number 1, 2, 3, 4.
func TestRefusedRegistrationTakesNoNumber(t *testing.T) {
	t.Parallel()
	e := start(t)
	const office = "000.01.16.H19"
	desk := e.token(t, "desk.giaray")
	good := apitest.JSON(t, registration(office))
	bad := func(edit func(m map[string]any)) []byte {
		m := registration(office)
		edit(m)
		return apitest.JSON(t, m)
	}
	var codes []string
	accept := func(headers ...string) {
		r := e.register(t, desk, good, headers...)
		if r.Status != http.StatusCreated {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		var rc receipt
		r.Decode(t, &rc)
		codes = append(codes, rc.Code)
	}
	accept()
	for _, b := range [][]byte{
		bad(func(m map[string]any) { m["applicant"].(map[string]any)["phone"] = "0912" }),
		bad(func(m map[string]any) { m["procedure_code"] = "0.000000" }),
		bad(func(m map[string]any) { m["handling_office"] = "000.99.16.H19" }),
	} {
		if r := e.register(t, desk, b); r.Status != http.StatusUnprocessableEntity {
			t.Fatalf("%d %s, want 422", r.Status, r.Body)
		}
	}
	accept()
	if r := e.register(t, desk, apitest.JSON(t, registration(demo.DistrictDesk))); r.Status != http.StatusForbidden {
		t.Fatalf("registration at another office: %d %s", r.Status, r.Body)
	}
	accept("Idempotency-Key", "k")
	if r := e.register(t, desk, bad(func(m map[string]any) { m["fee_paid_vnd"] = 1 }), "Idempotency-Key", "k"); r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("reused key: %d %s", r.Status, r.Body)
	}
	accept()
	if len(codes) != 4 {
		t.Fatalf("codes %v", codes)
	}
	checkGapFree(t, codes, office)
	if !strings.HasSuffix(codes[3], "-0004") {
		t.Fatalf("codes %v, want the last to be number 4", codes)
	}
}

// checkGapFree checks that codes are distinct, at office, and that each day's numbers
// are exactly 1..n (a run that crosses midnight starts a new day at 1).
func checkGapFree(t *testing.T, codes []string, office string) {
	t.Helper()
	perDay := map[string]map[int]bool{}
	for _, c := range codes {
		parts := strings.Split(c, "-")
		if len(parts) != 3 || parts[0] != office || len(parts[2]) < 4 {
			t.Fatalf("code %q is not of office %s", c, office)
		}
		seq, err := strconv.Atoi(parts[2])
		if err != nil {
			t.Fatalf("code %q: %v", c, err)
		}
		if perDay[parts[1]] == nil {
			perDay[parts[1]] = map[int]bool{}
		}
		if perDay[parts[1]][seq] {
			t.Fatalf("code %q given twice", c)
		}
		perDay[parts[1]][seq] = true
	}
	for day, seqs := range perDay {
		for i := 1; i <= len(seqs); i++ {
			if !seqs[i] {
				t.Fatalf("day %s: %d codes but number %d missing", day, len(seqs), i)
			}
		}
	}
}
