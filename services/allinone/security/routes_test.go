package security

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/motcua/motcua/services/allinone/server/servertest"
	"github.com/motcua/motcua/services/intake/demo"
	"github.com/motcua/motcua/services/platform/apitest"
	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/worktime"
)

// thing is what a route's own, other and missing variants change.
type thing int

const (
	// nothing: the route speaks of no dossier or shipment; one variant.
	nothing thing = iota
	// aDossier: {code} (in the path, query or body) is a dossier; the other office's
	// and a missing one are answered alike, 404.
	aDossier
	// aShipment: {tracking} is a shipment's tracking number; as aDossier.
	aShipment
	// aLookup: a citizen's {code} and {pin}: the other variant is a wrong PIN.
	aLookup
	// aPostOffice: {office} is the post office of the run sheet.
	aPostOffice
	// aList: {office} and {id_number} filter a list or figures; the other variant's
	// answer must not name the other office's dossier, and is the missing one's.
	aList
	// anAccount, anOffice, aProcedure: administration of {username} or {code}; own and
	// missing only.
	anAccount
	// anAudited: {code} of a dossier whose reads an administrator audits, whatever its
	// office; own and missing only.
	anAudited
	anOffice
	aProcedure
	// aVerification: {id} of a citizen's verification of an address; missing only (a
	// verification is the citizen's own, by the code sent to them).
	aVerification
	// aNotice: {id} of a notice to a citizen, which an administrator sends again;
	// missing only (no mail server here, so no notice is queued).
	aNotice
	// aFile: {code} and {file_id}, a file of a dossier submitted online; the file of
	// another office's dossier and one the caller's own dossier does not have are
	// answered alike, 404.
	aFile
	// aCounter: {code}, a dossier a post office took at its counter; the other is
	// another post office's (counter_test.go).
	aCounter
	// aHandover: {id}, a hand-over record; the callers are of one of the own record's
	// sides and of neither of the other's (handovers_test.go).
	aHandover
	// aWebhook: {id} (the API's) or {webhook_id} (the pages'), an endpoint, and
	// {delivery_id}, a call of it; own and missing only (webhooks_test.go).
	aWebhook
	// aDoomedWebhook: an endpoint a route removes, one for the API's route and one for
	// the page's; own and missing only.
	aDoomedWebhook
)

// variants are the things a route is tried with.
const (
	own     = "own"
	other   = "other"
	missing = "missing"
)

func (k thing) variants() []string {
	switch k {
	case nothing:
		return []string{own}
	case anAccount, anOffice, aProcedure, anAudited, aWebhook, aDoomedWebhook:
		return []string{own, missing}
	case aVerification, aNotice:
		return []string{missing}
	}
	return []string{own, other, missing}
}

// expect is what the contract says of one route.
type expect struct {
	// roles may use the route; public routes answer anyone, without a token. A route
	// of citizens (roles: citizens) takes a contact token and no staff token.
	roles  []string
	public bool
	// page: an HTML page of staff behind a session cookie (303 to the sign-in without
	// one, 403 for a role of no use there), forms sent with the CSRF token.
	page  bool
	thing thing
	// query, form and json are templates: {code}, {pin}, {tracking}, {office},
	// {id_number}, {username} and the params below are filled in.
	query, form, json string
	params            map[string]string
	// parts and files make a multipart/form-data body: the text parts (templates, as
	// json) and, for each name of files, a small PDF; a page's form also carries its
	// CSRF token as a part.
	parts map[string]string
	files []string
	// answers is the status of the own variant's answer to a role allowed (0: any
	// the caller may get); gives its body (a template, as json).
	answers int
	gives   string
	// hidden is the answer to the other and missing variants (404 unless set).
	hidden int
	// fresh: the call ends its token or session, so it gets one of its own.
	fresh bool
}

var (
	citizens  = []string{"citizen"}
	everyRole = []string{"desk", "officer", "postal", "supervisor", "admin"}
	readers   = []string{"desk", "officer", "supervisor"}
	actors    = []string{"desk", "officer"}
	postal    = []string{"postal"}
	admin     = []string{"admin"}
	overseers = []string{"supervisor", "admin"}
	deskOnly  = []string{"desk"}
	// registrars register dossiers: a desk, and a postal worker at a post office's counter.
	registrars = []string{"desk", "postal"}
	deskPages  = []string{"desk", "officer"}
	// handoverSides are the roles of the two sides of a hand-over record's pages.
	handoverSides = []string{"desk", "officer", "postal"}
	validLogin    = `{"username":"desk.giaray","password":"` + demo.Password + `"}`
	// onlineForm is the online pages' application of the monthly social allowance
	// (1.001776), which asks for two documents, the files' inputs file-0 and file-1.
	onlineForm = map[string]string{"full_name": "Lê Văn Cường", "receiving_office": demo.DistrictDesk, "delivery": "desk", "declaration": "1"}
	// vnpayForged is a payment gateway's result that the gateway did not sign.
	vnpayForged = "vnp_TmnCode=MOTCUA01&vnp_TxnRef=0b8f4a526f1e4c1e9d7a3c2b1a000000&vnp_Amount=10000000" +
		"&vnp_ResponseCode=00&vnp_TransactionStatus=00&vnp_SecureHash=" + strings.Repeat("ab", 64)
	// onlineApplication is a submission's "application" part, naming its file "scan".
	onlineApplication = `{"procedure_code":"2.000720","receiving_office":"` + demo.DistrictDesk + `","applicant":{"full_name":"Lê Văn Cường","id_number":"079912345679","address":"Khu 5, Gia Ray"},"documents":[{"name":"Giấy đề nghị đăng ký hộ kinh doanh","kind":"copy","file":"scan"}],"result_delivery":{"method":"desk"}}`
)

// table is the suite's expectations, by "METHOD pattern" as chi.Walk names routes ("*"
// for a handler of every method). A route missing from it fails the suite.
var table = map[string]expect{
	// Public: the citizen, reference data, operations, assets, sign-in.
	"GET /":                                               {public: true},
	"GET /tra-cuu":                                        {public: true, thing: aLookup, query: "code={code}&pin={pin}"},
	"POST /tra-cuu/danh-gia":                              {public: true, thing: aLookup, form: "code={code}&pin={pin}&score=5", hidden: -1},
	"GET /api/v1/track/{code}":                            {public: true, thing: aLookup, query: "pin={pin}"},
	"POST /api/v1/track/{code}/rating":                    {public: true, thing: aLookup, query: "pin={pin}", json: `{"score":5}`},
	"POST /api/v1/auth/token":                             {public: true, json: validLogin},
	"POST /api/v1/public/verifications":                   {public: true, json: `{"email":"cong.dan.{n}@example.vn"}`},
	"GET /api/v1/public/notices/unsubscribe":              {public: true, query: "code=X&t=0"},
	"POST /api/v1/public/notices/unsubscribe":             {public: true, query: "code=X&t=0"},
	"POST /api/v1/public/verifications/{verification_id}": {public: true, thing: aVerification, json: `{"code":"123456"}`},
	"GET /api/v1/offices":                                 {public: true},
	"GET /api/v1/procedures":                              {public: true},
	"GET /api/v1/calendar/due":                            {public: true, query: "from=2026-03-02T08:00:00%2B07:00&hours=16"},
	"GET /api/v1/calendar/{year}":                         {public: true, params: map[string]string{"year": "2026"}},
	"GET /healthz":                                        {public: true},
	"GET /readyz":                                         {public: true},
	"* /metrics":                                          {public: true},
	"GET /dang-nhap":                                      {public: true},
	"POST /dang-nhap":                                     {public: true, form: "username=desk.giaray&password=" + demo.Password},
	"GET /assets/intake/admin.css":                        {public: true},
	"GET /assets/intake/base.css":                         {public: true},
	"GET /assets/intake/desk.css":                         {public: true},
	"GET /assets/postal/base.css":                         {public: true},
	"GET /assets/postal/postal.css":                       {public: true},
	"GET /assets/postal/postal.js":                        {public: true},
	"GET /assets/status/base.css":                         {public: true},
	"GET /assets/status/citizen.css":                      {public: true},
	"GET /assets/status/dashboard.css":                    {public: true},
	"GET /assets/intake/online.css":                       {public: true},

	// The citizens' online pages: anyone may open them; a submission takes the proof of
	// an address kept in a cookie (without it, the page asks for it again: 303), a
	// supplement the code and PIN as the lookup does.
	"GET /nop-truc-tuyen":                 {public: true, query: "q=ho+kinh+doanh"},
	"GET /nop-truc-tuyen/thu-tuc/{code}":  {public: true, thing: aProcedure},
	"POST /nop-truc-tuyen/thu-tuc/{code}": {public: true, thing: aProcedure, parts: onlineForm, files: []string{"file-0", "file-1"}},
	"GET /nop-truc-tuyen/xac-minh":        {public: true, query: "id=0b8f4a52-6f1e-4c1e-9d7a-3c2b1a000000&thu-tuc=2.000720"},
	"POST /nop-truc-tuyen/xac-minh":       {public: true, form: "contact=cong.dan.trang.{n}@example.vn&thu-tuc=2.000720"},
	"POST /nop-truc-tuyen/xac-minh/ma":    {public: true, thing: aVerification, form: "id={verification_id}&code=123456&thu-tuc=2.000720"},
	"POST /nop-truc-tuyen/xac-minh/xoa":   {public: true, form: "thu-tuc=2.000720"},
	"POST /nop-truc-tuyen/bo-sung":        {public: true, thing: aLookup, parts: map[string]string{"code": "{code}", "pin": "{pin}", "note": "Bổ sung bản sao sổ hộ khẩu"}, files: []string{"files"}},
	// The lookup page's payment form: to the gateway, or (none set up here) back to the
	// lookup to pay at the desk; a wrong PIN is a missing dossier.
	"POST /nop-truc-tuyen/thanh-toan": {public: true, thing: aLookup, form: "code={code}&pin={pin}"},

	// The citizens' own dossiers online: behind a contact token, or the code and PIN.
	// Tomorrow, which a run that crosses midnight still finds ahead.
	"POST /api/v1/public/pickups": {roles: citizens, json: `{"procedure_code":"2.000720","receiving_office":"` + demo.DistrictDesk +
		`","address":"Khu 3, Gia Ray","date":"` + time.Now().In(worktime.VietnamLocation()).AddDate(0, 0, 1).Format(time.DateOnly) +
		`","slot":"afternoon"}`,
		answers: http.StatusCreated},
	"POST /api/v1/public/dossiers":                    {roles: citizens, parts: map[string]string{"application": onlineApplication}, files: []string{"scan"}, answers: http.StatusCreated},
	"POST /api/v1/public/dossiers/{code}/supplements": {public: true, thing: aLookup, query: "pin={pin}", parts: map[string]string{"note": "Bổ sung bản sao sổ hộ khẩu"}, files: []string{"scan"}},
	// A dossier with no electronic result answers its own code and PIN 409.
	"GET /api/v1/track/{code}/result": {public: true, thing: aLookup, query: "pin={pin}"},
	// Fees online: asked for with the code and PIN (here 409: the suite sets up no
	// gateway); the gateway's notification and return are anyone's, but only what the
	// gateway signed does anything.
	"POST /api/v1/public/dossiers/{code}/payments": {public: true, thing: aLookup, query: "pin={pin}"},
	"GET /api/v1/payments/vnpay/ipn": {public: true, query: vnpayForged, answers: http.StatusOK,
		gives: `{"RspCode":"97","Message":"Invalid signature"}`},
	"GET /api/v1/payments/vnpay/return": {public: true, query: vnpayForged},

	// intake's API.
	"POST /api/v1/auth/logout":                      {roles: everyRole, fresh: true},
	"POST /api/v1/dossiers":                         {roles: registrars, json: `{"procedure_code":"2.000720","receiving_office":"` + demo.DistrictDesk + `","channel":"desk","applicant":{"full_name":"Trần Thị Bình","id_number":"079912345678","phone":"0912345678","address":"Khu 3, Gia Ray"},"documents":[{"name":"Giấy đề nghị","kind":"original","copies":1}],"fee_paid_vnd":100000}`},
	"GET /api/v1/dossiers/search":                   {roles: readers, thing: aList, query: "id_number={id_number}"},
	"GET /api/v1/dossiers/{code}":                   {roles: readers, thing: aDossier},
	"GET /api/v1/dossiers/{code}/forms/{form}":      {roles: readers, thing: aDossier, params: map[string]string{"form": "receipt"}},
	"GET /api/v1/dossiers/{code}/files/{file_id}":   {roles: readers, thing: aFile, answers: http.StatusOK, gives: "{file}"},
	"GET /api/v1/dossiers/{code}/custody":           {roles: readers, thing: aDossier},
	"POST /api/v1/dossiers/{code}/actions/{action}": {roles: actors, thing: aDossier, params: map[string]string{"action": "return"}, json: `{}`},
	"POST /api/v1/dossiers/{code}/files":            {roles: actors, thing: aDossier, files: []string{"file"}},
	"PUT /api/v1/calendar/{year}":                   {roles: admin, params: map[string]string{"year": "2026"}, json: `{"days_off":[{"date":"2026-01-01","reason":"Tết Dương lịch"}]}`},
	"GET /api/v1/accounts":                          {roles: admin},
	"GET /api/v1/notices":                           {roles: admin, query: "state=dead"},
	"POST /api/v1/notices/{id}/retry":               {roles: admin, thing: aNotice},
	"GET /api/v1/audit/reads":                       {roles: admin, query: "username=desk.xuanloc"},
	"GET /api/v1/audit/address-reads":               {roles: admin, thing: anAudited, query: "dossier={code}"},
	"POST /api/v1/accounts":                         {roles: admin, json: `{"username":"security.made.{n}","role":"desk","offices":["` + demo.DistrictDesk + `"],"password":"a long enough password {n}"}`},
	"PATCH /api/v1/accounts/{username}":             {roles: admin, thing: anAccount, json: `{"role":"desk","offices":["` + demo.DistrictDesk + `"],"disabled":false}`},
	"POST /api/v1/accounts/{username}/password":     {roles: admin, thing: anAccount, json: `{"password":"another long password {n}"}`},
	"POST /api/v1/offices":                          {roles: admin, json: `{"code":"000.{nn}.17.H19","name":"Văn phòng thử {n}","kind":"commune_centre","parent_code":"` + demo.DistrictDesk + `","address":"Gia Ray","post_office_code":"` + demo.DistrictPostOffice + `"}`},
	"PATCH /api/v1/offices/{code}":                  {roles: admin, thing: anOffice, json: `{"address":"thị trấn Gia Ray, huyện Xuân Lộc"}`},
	"POST /api/v1/procedures":                       {roles: admin, json: `{"code":"9.99{n}","name":"Thủ tục thử {n}","decided_by_kind":"commune_centre","time_limit_hours":8,"fee_vnd":0}`},
	"PATCH /api/v1/procedures/{code}":               {roles: admin, thing: aProcedure, json: `{"time_limit_hours":24}`},

	// intake's webhooks and the national sync's backlog.
	"POST /api/v1/webhooks":                                     {roles: admin, json: `{"url":"https://203.0.113.10/hooks/{n}","events":["shipment.returned"]}`, answers: http.StatusCreated},
	"GET /api/v1/webhooks":                                      {roles: admin},
	"DELETE /api/v1/webhooks/{id}":                              {roles: admin, thing: aDoomedWebhook, answers: http.StatusNoContent},
	"GET /api/v1/webhooks/{id}/deliveries":                      {roles: admin, thing: aWebhook},
	"POST /api/v1/webhooks/{id}/deliveries/{delivery_id}/retry": {roles: admin, thing: aWebhook, answers: http.StatusAccepted},
	"POST /api/v1/webhooks/{id}/secret":                         {roles: admin, thing: aWebhook},
	"POST /api/v1/webhooks/{id}/test":                           {roles: admin, thing: aWebhook, answers: http.StatusAccepted},
	"GET /api/v1/sync/status":                                   {roles: overseers},

	// status's API.
	"GET /api/v1/dossiers": {roles: everyRole, thing: aList, query: "office={office}"},
	"GET /api/v1/stats":    {roles: overseers, thing: aList, query: "office={office}&from=2026-01-01&to=2026-12-31"},

	// postal's API.
	"POST /api/v1/shipments":                          {roles: actors, thing: aDossier, json: `{"dossier_code":"{code}","kind":"pickup","address":"Khu 4, Gia Ray"}`, hidden: http.StatusUnprocessableEntity},
	"GET /api/v1/shipments":                           {roles: everyRole, thing: aDossier, query: "dossier={code}"},
	"GET /api/v1/shipments/{tracking_number}":         {roles: everyRole, thing: aShipment},
	"POST /api/v1/shipments/{tracking_number}/events": {roles: postal, thing: aShipment, json: `{"event_id":"{uuid}","type":"in_transit","occurred_at":"2026-03-09T09:00:00+07:00"}`},
	"GET /api/v1/manifests":                           {roles: postal, thing: aPostOffice, query: "office={office}&date=2026-03-09"},
	"POST /api/v1/handovers":                          {roles: postal, json: `{"to_office":"` + demo.DistrictDesk + `","tracking_numbers":["EA000000000VN"]}`},
	"GET /api/v1/handovers/{id}":                      {roles: everyRole, thing: aHandover},
	"POST /api/v1/handovers/{id}/confirm":             {roles: actors, thing: aHandover, json: `{"signature_png":"` + signature + `"}`},
	"GET /api/v1/handovers/{id}/form":                 {roles: everyRole, thing: aHandover},
	"GET /api/v1/postal/cash":                         {roles: postal, thing: aPostOffice, query: "office={office}&date=2026-03-09"},

	// intake's pages: the desk and the offices.
	"POST /dang-xuat":                         {page: true, roles: everyRole, fresh: true},
	"GET /mot-cua":                            {page: true, roles: deskPages},
	"GET /mot-cua/tiep-nhan":                  {page: true, roles: deskPages},
	"POST /mot-cua/tiep-nhan":                 {page: true, roles: deskOnly, form: "procedure_code=2.000720"},
	"GET /mot-cua/ho-so/{code}":               {page: true, roles: deskPages, thing: aDossier},
	"GET /mot-cua/ho-so/{code}/in/{form}":     {page: true, roles: deskPages, thing: aDossier, params: map[string]string{"form": "receipt"}},
	"GET /mot-cua/ho-so/{code}/tep/{file_id}": {page: true, roles: deskPages, thing: aFile, answers: http.StatusOK, gives: "{file}"},
	"POST /mot-cua/ho-so/{code}/{action}":     {page: true, roles: deskPages, thing: aDossier, params: map[string]string{"action": "return"}},

	// intake's administration pages.
	"GET /quan-tri":                                  {page: true, roles: admin},
	"GET /quan-tri/co-quan":                          {page: true, roles: admin},
	"POST /quan-tri/co-quan":                         {page: true, roles: admin, form: "code="},
	"GET /quan-tri/co-quan/{code}":                   {page: true, roles: admin, thing: anOffice},
	"POST /quan-tri/co-quan/{code}":                  {page: true, roles: admin, thing: anOffice, form: "name="},
	"GET /quan-tri/thu-tuc":                          {page: true, roles: admin},
	"POST /quan-tri/thu-tuc":                         {page: true, roles: admin, form: "code="},
	"GET /quan-tri/thu-tuc/{code}":                   {page: true, roles: admin, thing: aProcedure},
	"POST /quan-tri/thu-tuc/{code}":                  {page: true, roles: admin, thing: aProcedure, form: "name="},
	"GET /quan-tri/lich":                             {page: true, roles: admin},
	"POST /quan-tri/lich":                            {page: true, roles: admin, form: "date=not-a-date"},
	"GET /quan-tri/tai-khoan":                        {page: true, roles: admin},
	"POST /quan-tri/tai-khoan":                       {page: true, roles: admin, form: "username="},
	"GET /quan-tri/tai-khoan/{username}":             {page: true, roles: admin, thing: anAccount},
	"POST /quan-tri/tai-khoan/{username}":            {page: true, roles: admin, thing: anAccount, form: "role=desk&offices=" + demo.DistrictDesk},
	"POST /quan-tri/tai-khoan/{username}/mat-khau":   {page: true, roles: admin, thing: anAccount, form: "password="},
	"POST /quan-tri/tai-khoan/{username}/trang-thai": {page: true, roles: admin, thing: anAccount, form: "disabled=false"},

	// intake's pages of the webhooks and the national sync.
	"GET /quan-tri/webhook":                       {page: true, roles: admin},
	"POST /quan-tri/webhook":                      {page: true, roles: admin, form: "url="},
	"GET /quan-tri/webhook/{webhook_id}":          {page: true, roles: admin, thing: aWebhook},
	"POST /quan-tri/webhook/{webhook_id}/thu":     {page: true, roles: admin, thing: aWebhook},
	"POST /quan-tri/webhook/{webhook_id}/gui-lai": {page: true, roles: admin, thing: aWebhook, form: "delivery_id={delivery_id}"},
	"POST /quan-tri/webhook/{webhook_id}/bi-mat":  {page: true, roles: admin, thing: aWebhook},
	"POST /quan-tri/webhook/{webhook_id}/xoa":     {page: true, roles: admin, thing: aDoomedWebhook},
	"GET /quan-tri/dong-bo":                       {page: true, roles: admin},
	"POST /quan-tri/dong-bo/gui-lai":              {page: true, roles: admin, form: "id="},

	// postal's pages.
	"GET /buu-chinh":                     {page: true, roles: postal},
	"GET /buu-chinh/tim":                 {page: true, roles: postal, thing: aShipment, query: "q={tracking}", hidden: -1},
	"GET /buu-chinh/buu-gui/{tracking}":  {page: true, roles: postal, thing: aShipment},
	"POST /buu-chinh/buu-gui/{tracking}": {page: true, roles: postal, thing: aShipment, form: "type=delivered"},
	"GET /buu-chinh/ban-giao":            {page: true, roles: postal},
	"POST /buu-chinh/ban-giao":           {page: true, roles: postal, form: "to_office=&tracking_numbers="},
	"GET /ban-giao":                      {page: true, roles: handoverSides},
	"GET /ban-giao/{id}":                 {page: true, roles: handoverSides, thing: aHandover},
	"GET /ban-giao/{id}/in":              {page: true, roles: handoverSides, thing: aHandover},
	"POST /ban-giao/{id}":                {page: true, roles: deskPages, thing: aHandover, form: "signature_png="},

	// intake's page at the post office's counter: the form answers 422 until it is filled.
	"GET /buu-chinh/quay":                  {page: true, roles: postal, query: "q=ho+kinh+doanh"},
	"POST /buu-chinh/quay":                 {page: true, roles: postal, form: "procedure_code=2.000720"},
	"GET /buu-chinh/quay/{code}/phieu-gui": {page: true, roles: postal, thing: aCounter},

	// status's supervisors' pages.
	"GET /giam-sat":             {page: true, roles: overseers, thing: aList, query: "office={office}"},
	"GET /giam-sat/chi-so.csv":  {page: true, roles: overseers, thing: aList, query: "office={office}"},
	"GET /giam-sat/qua-han.csv": {page: true, roles: overseers, thing: aList, query: "office={office}"},
}

// TestEveryRouteEveryRole walks the all-in-one's router and sends every route as every
// role, for its own office's thing, another office's and a missing one, checking the
// contract: 401 without a token the route takes (a page: 303 to the sign-in), so for a
// citizen's token on staff routes and a staff token on citizens' routes, 403 for a
// role that may never do it, 404 with the same body for another office's thing as for
// a missing one, never a 5xx; public routes answer without a token. A route with no
// entry in table fails the suite. MOTCUA_SECURITY_MATRIX=1 logs every answer's status
// (with -v).
func TestEveryRouteEveryRole(t *testing.T) {
	mails := mailtest.Start(t)
	s := serve(t, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	f := setUp(t, s, mails)
	setUpCounter(t, s, f)
	setUpHandovers(t, s)
	setUpWebhooks(t, s)
	type route struct{ method, pattern, key string }
	var routes []route
	walked := map[string]bool{}
	err := chi.Walk(s.Routes, func(method, pattern string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		key := method + " " + pattern
		if _, ok := table[key]; !ok {
			if _, any := table["* "+pattern]; !any {
				t.Errorf("route %s has no entry in the security suite's table of expectations (services/allinone/security/routes_test.go): add what the contract says of it", key)
				return nil
			}
			if walked["* "+pattern] {
				return nil // one method stands for a handler of every method
			}
			key = "* " + pattern
		}
		walked[key] = true
		routes = append(routes, route{method, pattern, key})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for key := range table {
		if !walked[key] {
			t.Errorf("the table names %s, which the router no longer has: remove it", key)
		}
	}
	sort.Slice(routes, func(i, j int) bool { return routes[i].key < routes[j].key })

	sessions := map[string]*caller{}
	for i, role := range roles {
		sessions[role] = signIn(t, s, mails, fmt.Sprintf("127.0.0.%d", 10+i), role)
	}
	pairs, requests, lookups := 0, 0, 0
	for _, r := range routes {
		e := table[r.key]
		for _, role := range roles {
			pairs++
			answers := map[string]answer{}
			for _, v := range e.thing.variants() {
				who := sessions[role]
				if e.fresh && role != "anonymous" {
					who = signIn(t, s, mails, who.from, role)
				}
				if e.thing == aLookup && v == own {
					// A citizen's lookups come each from a client of their own: a
					// client that failed on a code lately waits on it (the lookup's
					// lock, tried in clients_test.go), one that did not goes on.
					lookups++
					fresh := *who
					fresh.client = newClient(t, s.Base, fmt.Sprintf("127.0.1.%d", lookups))
					sessions[role+" lookup"] = &fresh
				}
				if e.thing == aLookup {
					who = sessions[role+" lookup"]
				}
				vars := f.vars(e.thing, v, role)
				k := who.request(e, r.method, r.pattern, vars)
				a := who.client.do(k)
				requests++
				answers[v] = a
				problem := judge(e, role, v, a, f)
				if problem == "" && v == own && allowed(e, role) {
					problem = e.promised(a, vars)
				}
				if problem != "" {
					t.Errorf("%s %s as %s, %s thing: %s\n\trequest: %s %s\n\tanswer: %s", r.method, r.pattern, role, v, problem, k.method, k.path, a)
				}
			}
			if os.Getenv("MOTCUA_SECURITY_MATRIX") != "" {
				var got []string
				for _, v := range e.thing.variants() {
					got = append(got, fmt.Sprintf("%s %d", v, answers[v].status))
				}
				t.Logf("%-55s %-10s %s", r.key, role, strings.Join(got, " · "))
			}
			o, m := answers[other], answers[missing]
			if !slices.Contains(e.thing.variants(), other) || !allowed(e, role) {
				continue
			}
			if o.status != m.status || normal(o.body, f.vars(e.thing, other, role)) != normal(m.body, f.vars(e.thing, missing, role)) {
				t.Errorf("%s %s as %s: another office's thing and a missing one are told apart:\n\tother:   %s\n\tmissing: %s", r.method, r.pattern, role, o, m)
			}
		}
	}
	t.Logf("security routes: %d routes × %d roles = %d pairs tried, %d requests", len(routes), len(roles), pairs, requests)
	fmt.Printf("security routes: %d routes × %d roles = %d pairs tried, %d requests\n", len(routes), len(roles), pairs, requests)
}

// allowed reports whether role may use the route at all.
func allowed(e expect, role string) bool { return e.public || slices.Contains(e.roles, role) }

// takes reports whether the route takes role's kind of token: a contact token on the
// citizens' routes, a staff token on the others. A token of the other kind is no
// token there (401), never a role refused (403).
func takes(e expect, role string) bool {
	return (role == "citizen") == slices.Contains(e.roles, "citizen")
}

// promised is what is wrong with answer a to an allowed role's request for the own
// thing, against what the route promises of it (answers, gives), or "".
func (e expect) promised(a answer, vars map[string]string) string {
	if e.answers != 0 && a.status != e.answers {
		return fmt.Sprintf("want %d", e.answers)
	}
	if e.gives != "" && a.body != e.fill(e.gives, vars) {
		return fmt.Sprintf("want the body %.60q…", e.fill(e.gives, vars))
	}
	return ""
}

// judge is what is wrong with answer a to role's request for v, or "".
func judge(e expect, role, v string, a answer, f *fixture) string {
	loc := a.header.Get("Location")
	toSignIn := a.status == http.StatusSeeOther && strings.HasPrefix(loc, "/dang-nhap")
	signedOut := role == "anonymous" || !takes(e, role)
	switch {
	case a.status >= 500:
		return fmt.Sprintf("%d: never a 5xx", a.status)
	case signedOut && !e.public && e.page:
		if !toSignIn {
			return "want 303 to the sign-in page without a staff session"
		}
		return ""
	case signedOut && !e.public:
		if a.status != http.StatusUnauthorized {
			return "want 401 without a token of the kind the route takes"
		}
		return ""
	case !allowed(e, role):
		if a.status != http.StatusForbidden {
			return "want 403 for a role that may never do this"
		}
		return ""
	}
	if e.page && toSignIn && !e.fresh {
		return "sent to the sign-in page with a valid session"
	}
	switch {
	case v == own:
		if a.status == http.StatusUnauthorized || a.status == http.StatusForbidden || a.status == http.StatusNotFound {
			return fmt.Sprintf("%d for what the caller may do", a.status)
		}
	case e.thing == aList:
		if v == other && (strings.Contains(a.body, f.other.code) || strings.Contains(a.body, f.otherOnline.code)) {
			return "a list names another office's dossier"
		}
	default:
		want := http.StatusNotFound
		if e.hidden != 0 {
			want = e.hidden
		}
		if want > 0 && a.status != want {
			return fmt.Sprintf("want %d, as for a thing that does not exist", want)
		}
	}
	return ""
}

var csrfValue = regexp.MustCompile(`(name="csrf_token" value=")[^"]*"`)

// normal is body with the variant's names of things and the CSRF tokens taken out, for
// comparing the answers to another office's thing and to a missing one.
func normal(body string, vars map[string]string) string {
	body = csrfValue.ReplaceAllString(body, `$1"`)
	for _, k := range []string{"code", "file_id", "tracking", "pin", "username", "office", "id_number", "id"} {
		if v := vars[k]; v != "" {
			body = strings.ReplaceAll(body, v, "{"+k+"}")
		}
	}
	return body
}

// vars names the things of variant v of k for role.
func (f *fixture) vars(k thing, v, role string) map[string]string {
	pick := func(o, x, m string) string {
		switch v {
		case own:
			return o
		case other:
			return x
		}
		return m
	}
	switch k {
	case aDossier:
		return map[string]string{"code": pick(f.own.code, f.other.code, f.missingCode)}
	case anAudited:
		return map[string]string{"code": pick(f.own.code, "", f.missingCode)}
	case aShipment:
		return map[string]string{"tracking": pick(f.own.tracking, f.other.tracking, f.missingTracking)}
	case aLookup:
		return map[string]string{"code": pick(f.own.code, f.own.code, f.missingCode), "pin": pick(f.own.pin, wrong(f.own.pin), wrong(f.own.pin))}
	case aPostOffice:
		return map[string]string{"office": pick(demo.DistrictPostOffice, demo.PostOfficeOf(otherCommune), "000.99.16.H19")}
	case aList:
		mine := demo.DistrictDesk
		if role == "postal" {
			mine = demo.DistrictPostOffice
		}
		return map[string]string{"office": pick(mine, otherCommune, "000.99.16.H19"),
			"id_number": pick(f.own.idNumber, f.other.idNumber, "000000000000")}
	case anAccount:
		return map[string]string{"username": pick(f.scratch, "", "no.such.account")}
	case anOffice:
		return map[string]string{"code": pick(demo.LandOffice, "", "000.99.16.H19")}
	case aProcedure:
		return map[string]string{"code": pick("1.001776", "", "9.999999")}
	case aVerification:
		return map[string]string{"verification_id": "0b8f4a52-6f1e-4c1e-9d7a-3c2b1a000000"}
	case aNotice:
		return map[string]string{"id": "0b8f4a52-6f1e-4c1e-9d7a-3c2b1a000002"}
	case aHandover:
		return map[string]string{"id": handovers[v]}
	case aCounter:
		return map[string]string{"code": counterCodes[v]}
	case aWebhook:
		return webhookIDs[v]
	case aDoomedWebhook:
		if v == own {
			return webhookIDs["doomed"]
		}
		return webhookIDs[missing]
	case aFile:
		return map[string]string{"code": pick(f.ownOnline.code, f.otherOnline.code, f.ownOnline.code),
			"file_id": pick(f.ownOnline.fileID, f.otherOnline.fileID, "0b8f4a52-6f1e-4c1e-9d7a-3c2b1a000001"),
			"file":    string(f.ownOnline.file)}
	}
	return map[string]string{}
}

// wrong is another PIN of the same shape as pin.
func wrong(pin string) string {
	b := []byte(pin)
	last := b[len(b)-1]
	switch {
	case last >= '0' && last <= '8', last >= 'A' && last <= 'Y', last >= 'a' && last <= 'y':
		b[len(b)-1]++
	default:
		b[len(b)-1] = pin[0]
		if b[len(b)-1] == last {
			b[len(b)-1] = '2'
		}
	}
	return string(b)
}

// caller is one role's client, with its token and its page session.
type caller struct {
	role, from string
	client     *client
	token      string
	cookies    []*http.Cookie
	csrf       string
}

var serial int

// signIn signs role's account in from the loopback address from: a token, and the
// page session it makes with the CSRF cookie and token of the role's pages. The
// citizen proves an address of its own through mails and carries its contact token,
// also as the session cookie (which no staff page takes).
func signIn(t *testing.T, s servertest.Served, mails *mailtest.Server, from, role string) *caller {
	t.Helper()
	c := &caller{role: role, from: from, client: newClient(t, s.Base, from)}
	form := c.client.do(call{method: http.MethodGet, path: "/dang-nhap"})
	csrfCookie := cookieOf(form, "motcua_csrf")
	if csrfCookie == nil {
		t.Fatalf("no CSRF cookie from the sign-in page: %v", form.header.Values("Set-Cookie"))
	}
	c.cookies, c.csrf = []*http.Cookie{csrfCookie}, csrfOf(form)
	switch role {
	case "anonymous":
		return c
	case "citizen":
		serial++
		c.token = s.ContactToken(t, c.client.http, mails, fmt.Sprintf("cong.dan.%d@example.vn", serial))
		c.cookies = append(c.cookies, &http.Cookie{Name: "motcua_session", Value: c.token},
			&http.Cookie{Name: "motcua_contact", Value: c.token})
		// The forms' CSRF token as a browser that sends this cookie gets it.
		again := c.client.do(call{method: http.MethodGet, path: "/dang-nhap", cookies: c.cookies})
		if c.csrf = csrfOf(again); again.status != http.StatusOK || c.csrf == "" {
			t.Fatalf("the sign-in page with a citizen's token as the session: %s", again)
		}
		if ck := cookieOf(again, "motcua_csrf"); ck != nil {
			c.cookies[0] = ck
		}
		return c
	}
	c.token = c.client.token(callers[role], demo.Password)
	c.cookies = append(c.cookies, &http.Cookie{Name: "motcua_session", Value: c.token})
	home := map[string]string{"desk": "/mot-cua", "officer": "/mot-cua", "postal": "/buu-chinh", "supervisor": "/giam-sat", "admin": "/quan-tri"}[role]
	page := c.client.do(call{method: http.MethodGet, path: home, cookies: c.cookies})
	if c.csrf = csrfOf(page); page.status != http.StatusOK || c.csrf == "" {
		t.Fatalf("%s's home page %s: %s", role, home, page)
	}
	if ck := cookieOf(page, "motcua_csrf"); ck != nil {
		c.cookies[0] = ck
	}
	return c
}

// fill fills in the template s for vars: the route's params, the variant's things,
// and {n}, {nn} and {uuid} made of the request's serial number.
func (e expect) fill(s string, vars map[string]string) string {
	for k, v := range e.params {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	for k, v := range vars {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	s = strings.ReplaceAll(s, "{tracking_number}", vars["tracking"])
	s = strings.ReplaceAll(s, "{n}", fmt.Sprint(serial))
	s = strings.ReplaceAll(s, "{nn}", fmt.Sprintf("%02d", serial%100))
	return strings.ReplaceAll(s, "{uuid}", fmt.Sprintf("7f1c2b9e-3d4a-4c5b-9e6f-%012d", serial))
}

// request is the call of the route for vars, as c.
func (c *caller) request(e expect, method, pattern string, vars map[string]string) call {
	serial++
	fill := func(s string) string { return e.fill(s, vars) }
	if method == "*" || method == "" {
		method = http.MethodGet
	}
	k := call{method: method, path: fill(pattern)}
	if e.query != "" {
		k.path += "?" + fill(e.query)
	}
	if e.json != "" {
		k.json = jsonRaw(fill(e.json))
	}
	page := e.page || strings.HasPrefix(pattern, "/") && !strings.HasPrefix(pattern, "/api/")
	if len(e.parts)+len(e.files) > 0 {
		fields := map[string]string{}
		for name, v := range e.parts {
			fields[name] = fill(v)
		}
		if page && method == http.MethodPost {
			fields["csrf_token"] = c.csrf // a page's form with files carries its token as a part
		}
		var files []apitest.File
		for _, part := range e.files {
			files = append(files, apitest.File{Part: part, Name: part + ".pdf", Body: apitest.PDF(fill("security request {n}"))})
		}
		k.body, k.ctype = apitest.Multipart(c.client.t, fields, files...)
	}
	if page {
		k.cookies = c.cookies
		if method == http.MethodPost && k.body == nil {
			form, err := url.ParseQuery(fill(e.form))
			if err != nil {
				panic(err)
			}
			form.Set("csrf_token", c.csrf)
			k.form = form
		}
	} else if c.token != "" {
		k.token = c.token
	}
	return k
}
