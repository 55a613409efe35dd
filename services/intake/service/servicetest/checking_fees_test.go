package servicetest

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/motcua/motcua/services/platform/mailtest"
)

// TestCheckingListShowsFees: each row of the checking tab says where the dossier's fee
// stands, from its state: still owed with the amount, paid (as a fee paid online
// leaves it), or no fee.
func TestCheckingListShowsFees(t *testing.T) {
	mails := mailtest.Start(t)
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL})
	ctx := context.Background()
	citizen := e.contactToken(t, mails, "lan.tran@example.vn")
	owed := e.submitOnline(t, citizen, "Trần Thị Lan", pdf(2000))
	paid := e.submitOnline(t, citizen, "Phạm Văn Hùng", pdf(3000))
	free := e.submitOnline(t, citizen, "Đỗ Thị Mai", pdf(4000))
	for code, set := range map[string]string{paid.Code: "fee_paid_vnd = fee_due_vnd", free.Code: "fee_due_vnd = 0"} {
		if _, err := e.DB.Exec(ctx, "UPDATE dossiers SET "+set+" WHERE code = $1", code); err != nil {
			t.Fatal(err)
		}
	}
	list := e.page(t, "desk.xuanloc", "/mot-cua?tab=checking", nil)
	if list.status != http.StatusOK || !strings.Contains(list.body, `<th scope="col">Phí, lệ phí</th>`) {
		t.Fatalf("the checking tab: %d, without its fee column", list.status)
	}
	for code, want := range map[string]string{
		owed.Code: `class="fee"><strong>Còn phải nộp 100.000 ₫</strong>`,
		paid.Code: `class="fee">Đã nộp</td>`,
		free.Code: `class="fee">Không thu phí</td>`,
	} {
		if row := list.row(code); !strings.Contains(row, want) {
			t.Errorf("the row of %s lacks %q: %s", code, want, row)
		}
	}
	en := e.page(t, "desk.xuanloc", "/mot-cua?tab=checking&lang=en", nil)
	if row := en.row(owed.Code); !strings.Contains(row, "100.000 ₫ still owed") {
		t.Errorf("in English: %s", row)
	}
}
