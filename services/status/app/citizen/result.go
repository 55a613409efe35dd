package citizen

import "net/url"

// ResultURL is where the citizen downloads the electronic result of the dossier with
// code, proved by pin, as the contract gives it: intake serves it, from the file store
// that holds the bytes, and the first download returns the result.
func ResultURL(code, pin string) string {
	return "/api/v1/track/" + url.PathEscape(code) + "/result?" + url.Values{"pin": {pin}}.Encode()
}
