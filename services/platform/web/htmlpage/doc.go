// Package htmlpage holds what every service's server-rendered pages share: the
// language of a page (Vietnamese first, English on request, remembered in a cookie),
// the dictionaries of their words (with the words the staff's pages say alike),
// the link to the same page in the other language, the security headers with their
// content security policies, embedded assets served with a version in their address,
// and writing a rendered page so that no browser or proxy keeps it.
package htmlpage
