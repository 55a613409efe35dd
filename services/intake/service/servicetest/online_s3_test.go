package servicetest

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"github.com/motcua/motcua/services/platform/mailtest"
	"github.com/motcua/motcua/services/platform/s3test"
)

// TestSubmitOnlineToObjectStorage: with MOTCUA_S3_* set, the files handed in go to a
// real S3 server (SeaweedFS), and the desk reads back the very bytes from there.
func TestSubmitOnlineToObjectStorage(t *testing.T) {
	s3 := s3test.Start(t)
	mails := mailtest.Start(t)
	bucket := s3.Bucket()
	e := startWith(t, nil, map[string]string{"MOTCUA_SMTP_URL": mails.SMTPURL, "MOTCUA_S3_ENDPOINT": s3.Endpoint,
		"MOTCUA_S3_BUCKET": bucket, "MOTCUA_S3_ACCESS_KEY": s3.AccessKey, "MOTCUA_S3_SECRET_KEY": s3.SecretKey})
	citizen := e.contactToken(t, mails, "dung.pham@example.vn")
	file := pdf(3 << 20)
	body, ct := submission(t, onlineApplication(), upload{"cccd", "cccd.pdf", file})
	var got submitted
	e.call(t, "POST", "/api/v1/public/dossiers", citizen, body, "Content-Type", ct).Expect(t, http.StatusCreated).Decode(t, &got)

	req, _ := http.NewRequest("GET", e.URL+"/api/v1/dossiers/"+got.Code+"/files/"+got.Files[0].ID, nil)
	req.Header.Set("Authorization", "Bearer "+e.token(t, "desk.xuanloc"))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !bytes.Equal(back, file) {
		t.Fatalf("read back %d, %d bytes, not the %d handed in", res.StatusCode, len(back), len(file))
	}
	// The bytes are in the bucket, not on the disk.
	stored := s3test.Object(t, s3, bucket, got.Files[0].ID)
	if !bytes.Equal(stored, file) {
		t.Errorf("the bucket holds %d bytes under the file's key, not the %d handed in", len(stored), len(file))
	}
}
