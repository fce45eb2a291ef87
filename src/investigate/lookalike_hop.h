// The next hop's host name a log gives for a delivery, for judging it as a
// recipient's domain is judged: mail handed to a server under a look-alike
// domain reaches the look-alike's operator whoever the recipient is (a
// relayhost typo, Postfix's relayhost or transport(5) naming
// smtp.armymil.com for smtp.army.mil; an Exchange Send connector's smart
// host). Auditor::LookalikeHop flags such a delivery with its own reason
// and Report::lookalike_hop_deliveries counts it apart (issue-16 tester
// round 58, finding 2; docs/mail-logs.md, "A next hop under a look-alike").
//
// Thread safety: pure function.
#ifndef NEARMISS_INVESTIGATE_LOOKALIKE_HOP_H_
#define NEARMISS_INVESTIGATE_LOOKALIKE_HOP_H_

#include <string>
#include <string_view>

namespace nearmiss::investigate {

// The host name of a next hop as the logs write it: Postfix's relay=
// ("smtp.armymil.com[203.0.113.6]:587", postfix/smtp/smtp.c logs
// "host[addr]:port"), Exchange's server-hostname ("smtp.armymil.com"),
// either with a note after a space; lower case, without a trailing dot.
// "" when it names no host to judge: "none", "unknown[192.0.2.1]" (no
// reverse name), an address or IP literal ("127.0.0.1[127.0.0.1]:10024",
// "[203.0.113.5]:25", "2001:db8::1"), a socket ("private/dovecot-lmtp"),
// a single label ("local").
std::string NextHopName(std::string_view relay);
// The part of `relay` NextHopName reads, before the address, port or note
// ("smtp.armymil.com" of "smtp.armymil.com[203.0.113.6]:587 (...)"): the
// same head always gives the same name, so it keys a cache of verdicts.
std::string_view NextHopHead(std::string_view relay);
// The registrable name (public suffix plus one label, libpsl) of
// NextHopName(relay), the domain a next hop is judged by; "" when none.
std::string NextHopDomain(std::string_view relay);

class Report;
// "of which 2 handed to a next hop under a look-alike or blocked domain
// (smtp.armymil.com), the recipient's own domain not flagged: ..." for the
// text summary and the HTML; "" when none (Report::lookalike_hop_deliveries).
std::string LookalikeHopText(const Report& rep);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_LOOKALIKE_HOP_H_
