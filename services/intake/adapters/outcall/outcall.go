// Package outcall makes the HTTP calls intake owes parties outside the product, each a
// platform/delivery Sender: the calls of the webhook endpoints administrators added
// (signed as the Standard Webhooks specification has it) and the records of the
// National Public Service Portal. A call is taken when answered 2xx; any other answer,
// or none within the client's timeout, fails the try, recorded with the answer's
// status and the start of its body for the administrator's log.
package outcall

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/motcua/motcua/services/platform/delivery"
)

// Timeout bounds a try: the specification's advice for webhooks is 15 to 30 seconds.
const Timeout = 15 * time.Second

// excerptBytes is how much of a refusal's body the log keeps.
const excerptBytes = 200

// answer is the outcome of res: taken when 2xx, else failed with its status and the
// start of its body, on one line.
func answer(res *http.Response) delivery.Result {
	defer res.Body.Close()
	head, _ := io.ReadAll(io.LimitReader(res.Body, excerptBytes))
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10)) // lets the connection serve again
	if res.StatusCode/100 == 2 {
		return delivery.Result{Status: res.StatusCode}
	}
	msg := res.Status
	if excerpt := strings.Join(strings.Fields(string(bytes.ToValidUTF8(head, nil))), " "); excerpt != "" {
		msg += ": " + excerpt
	}
	return delivery.Result{Err: errors.New(msg), Status: res.StatusCode}
}
