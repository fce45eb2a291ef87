// Who a request came from, for the records that name it (admin events, the
// API's acknowledgements, confirm links): the connection's peer, or, when
// the peer is a proxy the administrator trusts (serve --trusted-proxy), the
// client that proxy names in `Forwarded: for=` (RFC 7239 section 5.2) or,
// without that header, `X-Forwarded-For` (the de facto form: "client,
// proxy1, proxy2"). Either list is read right to left from the peer,
// skipping every trusted proxy; the first hop that is not one is the
// client. A header from a peer that is not trusted is ignored: anyone can
// write one.
//
// Thread safety: ClientOf only reads its arguments.
#ifndef NEARMISS_HTTP_CLIENT_ADDRESS_H_
#define NEARMISS_HTTP_CLIENT_ADDRESS_H_

#include <httplib.h>

#include <string>
#include <string_view>

#include "maillog/address_ranges.h"

namespace nearmiss::http {

// "10.1.2.3" (the peer; no proxy trusted, or none in front), "203.0.113.7
// via proxy 127.0.0.1" (a trusted proxy's word), "unknown via proxy
// 127.0.0.1" (a trusted proxy that names its client by no address: RFC
// 7239's "unknown" or an obfuscated "_name").
std::string ClientOf(const httplib::Request& req, const maillog::AddressRanges& trusted_proxies);

// The address of one hop as a header gives it: a Forwarded node
// ("192.0.2.43", "\"192.0.2.43:47011\"", "\"[2001:db8::17]:4711\"") or an
// X-Forwarded-For entry (" 2001:db8::17 ") without quotes, brackets and
// port; "" when it is no IP address. Exposed for tests.
std::string HopAddress(std::string_view node);

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_CLIENT_ADDRESS_H_
