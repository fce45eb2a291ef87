// mailto: URIs (RFC 6068) where an address is expected: a client's
// "mailto:bob@army.mil?subject=..", a header field holding one. The
// recipients a URI names are read as the mail server would be given them.
//
// Thread safety: pure functions.
#ifndef NEARMISS_ADDRESS_MAILTO_H_
#define NEARMISS_ADDRESS_MAILTO_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::address {

// `s` without a leading "mailto:" and its query ("?subject=..").
std::string_view StripMailto(std::string_view s);

// True when `s` is "mailto" in any case (the scheme before its ':').
bool IsMailtoScheme(std::string_view s);

// The recipients a mailto: URI (RFC 6068) names: its path's addresses and
// those of its to, cc and bcc header fields, percent-decoded, in order.
// Empty when `s` is not a mailto: URI.
std::vector<std::string> MailtoRecipients(std::string_view s);

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_MAILTO_H_
