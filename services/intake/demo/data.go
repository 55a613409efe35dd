// Package demo is the demonstration data of the district era: the Xuân Lộc district desk
// (Đồng Nai), its 15 commune-level units, a land registration branch, the district post
// office and the communes' postal points, the catalogue of common procedures, and one
// staff account per role. Loading it twice changes nothing.
package demo

import (
	"github.com/motcua/motcua/services/intake/domain/catalog"
	"github.com/motcua/motcua/services/intake/domain/dossier"
)

// DistrictDesk is the agency code of the Xuân Lộc district desk.
const DistrictDesk = "000.00.16.H19"

// DistrictPostOffice is the code of the Xuân Lộc district post office, which serves the
// district desk and the land office and runs the legs to and from the communes.
const DistrictPostOffice = "000.30.16.H19"

// LandOffice is the agency code of the land registration branch.
const LandOffice = "000.20.16.H19"

// communes are the commune-level units of Xuân Lộc, with their agency codes.
// Each has its postal point (điểm bưu điện - văn hóa xã), coded 000.3N.16.H19 after it.
var communes = []struct{ code, name, place, post string }{
	{"000.01.16.H19", "UBND thị trấn Gia Ray", "thị trấn Gia Ray", "000.31.16.H19"},
	{"000.02.16.H19", "UBND xã Bảo Hòa", "xã Bảo Hòa", "000.32.16.H19"},
	{"000.03.16.H19", "UBND xã Lang Minh", "xã Lang Minh", "000.33.16.H19"},
	{"000.04.16.H19", "UBND xã Suối Cao", "xã Suối Cao", "000.34.16.H19"},
	{"000.05.16.H19", "UBND xã Suối Cát", "xã Suối Cát", "000.35.16.H19"},
	{"000.06.16.H19", "UBND xã Xuân Bắc", "xã Xuân Bắc", "000.36.16.H19"},
	{"000.07.16.H19", "UBND xã Xuân Định", "xã Xuân Định", "000.37.16.H19"},
	{"000.08.16.H19", "UBND xã Xuân Hiệp", "xã Xuân Hiệp", "000.38.16.H19"},
	{"000.09.16.H19", "UBND xã Xuân Hòa", "xã Xuân Hòa", "000.39.16.H19"},
	{"000.10.16.H19", "UBND xã Xuân Hưng", "xã Xuân Hưng", "000.40.16.H19"},
	{"000.11.16.H19", "UBND xã Xuân Phú", "xã Xuân Phú", "000.41.16.H19"},
	{"000.12.16.H19", "UBND xã Xuân Tâm", "xã Xuân Tâm", "000.42.16.H19"},
	{"000.13.16.H19", "UBND xã Xuân Thành", "xã Xuân Thành", "000.43.16.H19"},
	{"000.14.16.H19", "UBND xã Xuân Thọ", "xã Xuân Thọ", "000.44.16.H19"},
	{"000.15.16.H19", "UBND xã Xuân Trường", "xã Xuân Trường", "000.45.16.H19"},
}

// Offices returns the demo offices, each after the offices it names: the post offices
// first, then the desk, the land office and the communes, each served by a post office.
func Offices() []catalog.Office {
	out := []catalog.Office{{Code: DistrictPostOffice, Name: "Bưu điện huyện Xuân Lộc", Kind: catalog.PostOffice,
		Address: "Đường Hùng Vương, thị trấn Gia Ray, huyện Xuân Lộc"}}
	for _, c := range communes {
		out = append(out, catalog.Office{Code: c.post, Name: "Điểm Bưu điện - Văn hóa " + c.place, Kind: catalog.PostOffice,
			ParentCode: DistrictPostOffice, Address: c.place + ", huyện Xuân Lộc"})
	}
	out = append(out,
		catalog.Office{Code: DistrictDesk, Name: "Bộ phận Một cửa huyện Xuân Lộc",
			Kind: catalog.DistrictDesk, Address: "267 Hùng Vương, Khu 1, thị trấn Gia Ray", PostOffice: DistrictPostOffice},
		catalog.Office{Code: LandOffice, Name: "Chi nhánh Văn phòng Đăng ký đất đai huyện Xuân Lộc", Kind: catalog.Department,
			ParentCode: DistrictDesk, Address: "thị trấn Gia Ray, huyện Xuân Lộc", PostOffice: DistrictPostOffice})
	for _, c := range communes {
		out = append(out, catalog.Office{Code: c.code, Name: c.name, Kind: catalog.CommuneCentre, ParentCode: DistrictDesk,
			Address: "Trụ sở UBND " + c.place + ", huyện Xuân Lộc", PostOffice: c.post})
	}
	return out
}

// PostOfficeOf returns the code of the postal point that serves the commune with code.
func PostOfficeOf(commune string) string {
	for _, c := range communes {
		if c.code == commune {
			return c.post
		}
	}
	return ""
}

// CommuneCodes lists the agency codes of the demo's commune-level units.
func CommuneCodes() []string {
	out := make([]string, len(communes))
	for i, c := range communes {
		out[i] = c.code
	}
	return out
}

// Procedures returns the demo catalogue (indicative figures and papers, not legal
// advice), each with the documents a dossier of it is made of. Time limits are in
// working hours (8 a day; 0 is the same day). A certified copy needs the original seen
// at the desk, and a first land-use certificate a survey of the plot, so neither is
// offered online.
func Procedures() []catalog.Procedure {
	return []catalog.Procedure{
		{Code: "1.001193", Name: "Đăng ký khai sinh", DecidedByKind: catalog.CommuneCentre, TimeLimitHours: 0, Online: true,
			Documents: []catalog.Document{
				required("Tờ khai đăng ký khai sinh (theo mẫu)", dossier.Original),
				required("Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh", dossier.Original),
				required("Bản sao căn cước của người đi đăng ký", dossier.Copy),
				optional("Văn bản ủy quyền có chứng thực (khi nhờ người khác đăng ký)", dossier.Original),
			}},
		{Code: "1.000656", Name: "Đăng ký khai tử", DecidedByKind: catalog.CommuneCentre, TimeLimitHours: 0, Online: true,
			Documents: []catalog.Document{
				required("Tờ khai đăng ký khai tử (theo mẫu)", dossier.Original),
				required("Giấy báo tử hoặc giấy tờ thay thế giấy báo tử", dossier.Original),
				optional("Văn bản ủy quyền có chứng thực (khi nhờ người khác đăng ký)", dossier.Original),
			}},
		{Code: "1.000894", Name: "Đăng ký kết hôn", DecidedByKind: catalog.CommuneCentre, TimeLimitHours: 0, Online: true,
			Documents: []catalog.Document{
				required("Tờ khai đăng ký kết hôn (theo mẫu)", dossier.Original),
				required("Bản sao căn cước của hai bên nam, nữ", dossier.Copy),
				optional("Giấy xác nhận tình trạng hôn nhân (khi không thường trú tại xã đăng ký)", dossier.Original),
			}},
		{Code: "2.000815", Name: "Chứng thực bản sao từ bản chính", DecidedByKind: catalog.CommuneCentre, TimeLimitHours: 0, FeeVND: 2000,
			Documents: []catalog.Document{
				required("Bản chính giấy tờ cần chứng thực", dossier.Original),
				required("Bản sao cần chứng thực", dossier.Copy),
			}},
		{Code: "1.004873", Name: "Cấp Giấy xác nhận tình trạng hôn nhân", DecidedByKind: catalog.CommuneCentre, TimeLimitHours: 24, Online: true,
			Documents: []catalog.Document{
				required("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)", dossier.Original),
				optional("Bản án, quyết định ly hôn hoặc trích lục khai tử của vợ hoặc chồng (khi đã từng kết hôn)", dossier.CertifiedCopy),
			}},
		{Code: "2.000720", Name: "Đăng ký thành lập hộ kinh doanh", DecidedByKind: catalog.DistrictDesk, TimeLimitHours: 24, FeeVND: 100000, Online: true,
			Documents: []catalog.Document{
				required("Giấy đề nghị đăng ký hộ kinh doanh", dossier.Original),
				required("Bản sao căn cước của chủ hộ kinh doanh", dossier.Copy),
				optional("Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (khi các thành viên hộ gia đình cùng đăng ký)", dossier.Copy),
				optional("Văn bản ủy quyền cho thành viên làm chủ hộ kinh doanh", dossier.CertifiedCopy),
			}},
		{Code: "1.009994", Name: "Cấp giấy phép xây dựng nhà ở riêng lẻ", DecidedByKind: catalog.DistrictDesk, TimeLimitHours: 120, FeeVND: 75000, Online: true,
			Documents: []catalog.Document{
				required("Đơn đề nghị cấp giấy phép xây dựng (theo mẫu)", dossier.Original),
				required("Giấy tờ chứng minh quyền sử dụng đất", dossier.CertifiedCopy),
				{Name: "Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)", Kind: dossier.Original, Copies: 2, Required: true},
				optional("Cam kết bảo đảm an toàn cho công trình liền kề (khi xây sát công trình khác)", dossier.Original),
			}},
		{Code: "1.004227", Name: "Đăng ký biến động quyền sử dụng đất", DecidedByKind: catalog.Department, TimeLimitHours: 80, FeeVaries: true, Online: true,
			Documents: []catalog.Document{
				required("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)", dossier.Original),
				required("Giấy chứng nhận quyền sử dụng đất đã cấp", dossier.Original),
				required("Hợp đồng hoặc văn bản chuyển quyền đã công chứng, chứng thực", dossier.Original),
			}},
		{Code: "1.003003", Name: "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", DecidedByKind: catalog.Department, TimeLimitHours: 240, FeeVaries: true,
			Documents: []catalog.Document{
				required("Đơn đăng ký, cấp Giấy chứng nhận (Mẫu số 04/ĐK)", dossier.Original),
				optional("Giấy tờ về quyền sử dụng đất (nếu có)", dossier.CertifiedCopy),
				optional("Chứng từ thực hiện nghĩa vụ tài chính (nếu có)", dossier.Copy),
			}},
		{Code: "1.001776", Name: "Trợ cấp xã hội hàng tháng", DecidedByKind: catalog.DistrictDesk, TimeLimitHours: 160, Online: true,
			Documents: []catalog.Document{
				required("Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a)", dossier.Original),
				required("Bản sao căn cước hoặc giấy khai sinh của người được trợ cấp", dossier.Copy),
				optional("Giấy xác nhận khuyết tật (đối với người khuyết tật)", dossier.Copy),
			}},
	}
}

// required is a document every dossier of a procedure has, one set of kind.
func required(name string, kind dossier.DocumentKind) catalog.Document {
	return catalog.Document{Name: name, Kind: kind, Copies: 1, Required: true}
}

// optional is a document only some dossiers of a procedure have, one set of kind.
func optional(name string, kind dossier.DocumentKind) catalog.Document {
	return catalog.Document{Name: name, Kind: kind, Copies: 1}
}

// Account is a demo staff login.
type Account struct {
	Username string
	Role     string
	Offices  []string
}

// MailDomain is the demo accounts' mail domain: each is written to at its username
// there (officer.baohoa@mot-cua.example.vn), so the local mail catcher of make run
// shows the officers' morning digest and the supervisors' late warnings.
const MailDomain = "mot-cua.example.vn"

// Email is the demo account's e-mail address.
func (a Account) Email() string { return a.Username + "@" + MailDomain }

// Password is the password of every demo account; it is printed when the demo starts.
const Password = "motcua-demo-2026"

// Accounts returns one account per role, at the district desk, a commune or a post office.
func Accounts() []Account {
	all := append([]string{DistrictDesk, LandOffice}, CommuneCodes()...)
	return []Account{
		{Username: "desk.xuanloc", Role: "desk", Offices: []string{DistrictDesk}},
		{Username: "desk.giaray", Role: "desk", Offices: []string{"000.01.16.H19"}},
		{Username: "officer.xuanloc", Role: "officer", Offices: []string{DistrictDesk, LandOffice}},
		{Username: "officer.baohoa", Role: "officer", Offices: []string{"000.02.16.H19"}},
		{Username: "supervisor.xuanloc", Role: "supervisor", Offices: all},
		{Username: "admin.xuanloc", Role: "admin", Offices: []string{DistrictDesk}},
		{Username: "postal.xuanloc", Role: "postal", Offices: []string{DistrictPostOffice}},
		{Username: "postal.baohoa", Role: "postal", Offices: []string{PostOfficeOf("000.02.16.H19")}},
	}
}
