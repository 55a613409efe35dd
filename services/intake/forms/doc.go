// Package forms renders the printable one-stop forms of Circular 01/2018/TT-VPCP
// (the receipt and appointment slip, the supplement request, the refusal, the
// apology with a new appointment and the processing control slip) as A5 HTML and
// as PDF, in Vietnamese.
//
// It is pure: the caller gathers a [Dossier] and picks a [Kind]; [HTML] and [PDF]
// write the form. Both outputs are built from the same content (a printsheet.Sheet,
// which platform/printsheet lays out), so they carry the same wording and values.
// All text is normalised to NFC.
package forms
