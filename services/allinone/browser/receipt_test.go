package browser

import "regexp"

// receiptLink is the lookup link printed (as its QR code) on a receipt.
var receiptLink = regexp.MustCompile(`https?://[^\s"<]+/tra-cuu\?[^\s"<]+`)
