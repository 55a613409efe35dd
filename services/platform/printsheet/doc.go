// Package printsheet lays out the services' printed forms: a [Sheet] is one form's
// content, independent of the output (the national heading, the issuing office, the
// title, the lookup PIN and QR code, blocks of headings, "label: value" fields,
// paragraphs and ruled tables, and the signature blocks), and [HTML] and [PDF] write
// it, so both print the same words and values.
//
// A sheet is printed on A5 (portrait or landscape) or A4 [Paper]; each paper has its
// type sizes and spacing. The PDF embeds the platform's fonts (pdffont), breaks pages
// between table rows, repeating the table's header, and numbers the pages of a sheet
// that runs over one. The HTML page is self-contained: its styles inline, its images
// as data URLs. Text is printed as given: callers normalise it.
package printsheet
