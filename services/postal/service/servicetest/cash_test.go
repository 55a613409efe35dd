package servicetest

import (
	"encoding/csv"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	dossierv1 "github.com/motcua/motcua/proto/motcua/dossier/v1"
	"github.com/motcua/motcua/services/worktime"
)

// cashSeen is a cash statement as the API answers it.
type cashSeen struct {
	PostOffice struct {
		Code string `json:"code"`
	} `json:"post_office"`
	Date        string `json:"date"`
	Dossiers    int    `json:"dossiers"`
	FeeVND      int64  `json:"fee_vnd"`
	PostageVND  int64  `json:"postage_vnd"`
	TotalVND    int64  `json:"total_vnd"`
	Authorities []struct {
		Office struct {
			Code string `json:"code"`
			Name string `json:"name"`
		} `json:"office"`
		FeeVND     int64 `json:"fee_vnd"`
		PostageVND int64 `json:"postage_vnd"`
		TotalVND   int64 `json:"total_vnd"`
		Dossiers   []struct {
			DossierCode    string    `json:"dossier_code"`
			TrackingNumber string    `json:"tracking_number"`
			TakenAt        time.Time `json:"taken_at"`
			FeeVND         int64     `json:"fee_vnd"`
			PostageVND     int64     `json:"postage_vnd"`
		} `json:"dossiers"`
	} `json:"authorities"`
}

// TestCashStatement: Bảo Hòa's post office takes dossiers at its counter for the
// district desk and for its commune, over a day and around it; its cash statement for
// the day lists, for each authority, the dossiers taken that day (in the offices' zone)
// with the fee collected and the postage, and the sums, in JSON and as a spreadsheet.
func TestCashStatement(t *testing.T) {
	e := start(t)
	at := func(day, clock string) time.Time {
		t.Helper()
		v, err := time.ParseInLocation("2006-01-02 15:04", day+" "+clock, worktime.VietnamLocation())
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	e.Clock.Set(at("2026-12-03", "08:00"))
	taken := []struct {
		when             time.Time
		postOffice, desk string
		postage, fee     int64
	}{
		{at("2026-12-01", "00:05"), baoHoaPostOffice, districtDesk, 26000, 100000},
		{at("2026-12-01", "09:30"), baoHoaPostOffice, baoHoa, 26000, 0},
		{at("2026-12-01", "16:59"), baoHoaPostOffice, districtDesk, 31500, 50000},
		{at("2026-11-30", "23:59"), baoHoaPostOffice, districtDesk, 26000, 100000}, // the day before
		{at("2026-12-02", "00:00"), baoHoaPostOffice, districtDesk, 26000, 100000}, // the day after
		{at("2026-12-01", "10:00"), giaRayPostOffice, giaRay, 26000, 100000},       // another post office
	}
	var tns, codes []string
	for i, x := range taken {
		d := newDossier(x.desk)
		tn := counterNumber(t, 5000+i)
		e.publishDossier(t, d.counter(x.when, x.postOffice, tn, x.postage, x.fee))
		tns, codes = append(tns, tn), append(codes, d.Code)
	}
	// A pickup from a citizen's home the same day: nothing collected at the counter.
	home := newDossier(baoHoa)
	e.publishDossier(t, home.received(at("2026-12-01", "11:00"), dossierv1.Channel_CHANNEL_POST, pickupAddress))
	e.waitDossiersApplied(t)
	if n := e.count(t, "SELECT count(*) FROM shipments"); n != len(taken)+1 {
		t.Fatalf("%d shipments opened, want %d", n, len(taken)+1)
	}

	path := "/api/v1/postal/cash?office=" + baoHoaPostOffice + "&date=2026-12-01"
	var c cashSeen
	e.call(t, "GET", path, e.token(t, "postal.baohoa"), nil).Expect(t, http.StatusOK).Decode(t, &c)
	if c.PostOffice.Code != baoHoaPostOffice || c.Date != "2026-12-01" || c.Dossiers != 3 || c.FeeVND != 150000 ||
		c.PostageVND != 83500 || c.TotalVND != 233500 || len(c.Authorities) != 2 {
		t.Fatalf("the day's statement: %+v", c)
	}
	desk, commune := c.Authorities[0], c.Authorities[1]
	if desk.Office.Code != districtDesk || desk.Office.Name != "Bộ phận Một cửa huyện Xuân Lộc" || len(desk.Dossiers) != 2 ||
		desk.FeeVND != 150000 || desk.PostageVND != 57500 || desk.TotalVND != 207500 {
		t.Errorf("the district desk's: %+v", desk)
	}
	if d := desk.Dossiers; d[0].DossierCode != codes[0] || d[0].TrackingNumber != tns[0] || d[0].FeeVND != 100000 ||
		d[0].PostageVND != 26000 || !d[0].TakenAt.Equal(taken[0].when) || d[1].DossierCode != codes[2] {
		t.Errorf("the district desk's dossiers: %+v", d)
	}
	if commune.Office.Code != baoHoa || len(commune.Dossiers) != 1 || commune.FeeVND != 0 || commune.PostageVND != 26000 {
		t.Errorf("the commune's: %+v", commune)
	}

	t.Run("as a spreadsheet", func(t *testing.T) {
		res, body := e.raw(t, "postal.baohoa", path+"&format=csv")
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/csv; charset=utf-8" ||
			!strings.Contains(res.Header.Get("Content-Disposition"), "thu-ho-"+baoHoaPostOffice+"-2026-12-01.csv") {
			t.Fatalf("the file: %d %v", res.StatusCode, res.Header)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
		if err != nil || !strings.HasPrefix(body, "\ufeff") {
			t.Fatalf("the file is not a spreadsheet with its byte order mark: %v", err)
		}
		want := [][]string{
			{"Mã cơ quan", "Cơ quan", "Mã hồ sơ", "Số hiệu bưu gửi", "Thời điểm nhận", "Phí, lệ phí thu hộ (đồng)", "Cước (đồng)", "Cộng (đồng)"},
			{districtDesk, "Bộ phận Một cửa huyện Xuân Lộc", codes[0], tns[0], "2026-12-01 00:05", "100000", "26000", "126000"},
			{districtDesk, "Bộ phận Một cửa huyện Xuân Lộc", codes[2], tns[2], "2026-12-01 16:59", "50000", "31500", "81500"},
			{districtDesk, "Bộ phận Một cửa huyện Xuân Lộc", "Cộng", "2", "", "150000", "57500", "207500"},
			{baoHoa, "UBND xã Bảo Hòa", codes[1], tns[1], "2026-12-01 09:30", "0", "26000", "26000"},
			{baoHoa, "UBND xã Bảo Hòa", "Cộng", "1", "", "0", "26000", "26000"},
			{"", "", "Tổng cộng", "3", "", "150000", "83500", "233500"},
		}
		if !slices.EqualFunc(rows, want, slices.Equal) {
			t.Errorf("the rows:\n%q\nwant\n%q", rows, want)
		}
		_, english := e.raw(t, "postal.baohoa", path+"&format=csv&lang=en")
		if !strings.HasPrefix(english, "\ufeffOffice code,Office,Dossier code") || !strings.Contains(english, ",Total,3,") {
			t.Errorf("in English: %q", english)
		}
	})

	t.Run("another day, and no day", func(t *testing.T) {
		var before cashSeen
		e.call(t, "GET", "/api/v1/postal/cash?office="+baoHoaPostOffice+"&date=2026-11-30", e.token(t, "postal.baohoa"), nil).
			Expect(t, http.StatusOK).Decode(t, &before)
		if before.Dossiers != 1 || before.Authorities[0].Dossiers[0].TrackingNumber != tns[3] {
			t.Errorf("the day before: %+v", before)
		}
		var today cashSeen
		e.call(t, "GET", "/api/v1/postal/cash?office="+baoHoaPostOffice, e.token(t, "postal.baohoa"), nil).
			Expect(t, http.StatusOK).Decode(t, &today)
		if today.Date != "2026-12-03" || today.Dossiers != 0 || today.Authorities == nil {
			t.Errorf("today: %+v", today)
		}
	})

	t.Run("only the post office's own workers", func(t *testing.T) {
		for _, who := range []string{"postal.xuanloc", "postal.giaray"} {
			e.call(t, "GET", path, e.token(t, who), nil).ExpectError(t, http.StatusNotFound, "not_found", "")
		}
		for _, who := range []string{"desk.xuanloc", "officer.baohoa", "supervisor.xuanloc", "admin.giaray"} {
			e.call(t, "GET", path, e.token(t, who), nil).ExpectError(t, http.StatusForbidden, "forbidden", "")
		}
		tok := e.token(t, "postal.baohoa")
		e.call(t, "GET", "/api/v1/postal/cash?office="+baoHoa+"&date=2026-12-01", tok, nil).ExpectError(t, http.StatusNotFound, "not_found", "")
		e.call(t, "GET", "/api/v1/postal/cash?date=2026-12-01", tok, nil).ExpectError(t, http.StatusUnprocessableEntity, "required", "office")
		e.call(t, "GET", path[:len(path)-2]+"32", tok, nil).ExpectError(t, http.StatusUnprocessableEntity, "invalid_date", "date")
		e.call(t, "GET", path+"&format=xml", tok, nil).ExpectError(t, http.StatusUnprocessableEntity, "invalid_format", "format")
	})
}
