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
// Why a next hop can have no operator outside the organisation, so is never
// a look-alike's (issue-16 tester round 58b, finding 1); "" when it may:
// - its address ("host[addr]:port") is loopback, private, shared or
//   link-local (maillog::InternalRelay: RFC 1122, RFC 1918, RFC 6598,
//   RFC 3927, RFC 4193, RFC 4291), which no other domain's server has;
// - its name is under a TLD not in the DNS root zone (IANA's list shipped
//   as data/lists/root-zone-tlds.txt; address/root_zone.h): .local
//   (RFC 6762), .internal, .lan, .corp, .localdomain, .test, .invalid, or
//   under home.arpa (RFC 8375). Only the organisation's own resolver (an
//   Active Directory zone, /etc/hosts) answers for such a name, so the
//   server is one of its own: Postfix's relay= or transport(5) to an
//   internal hub, Exchange's intra-organisation Send connector.
std::string InternalHop(std::string_view relay);
// The registrable name (public suffix plus one label, libpsl) of
// NextHopName(relay), the domain a next hop is judged by; "" when none,
// for an InternalHop, and for a tenant's Exchange Online MX in any of its
// countries (maillog::EopDomainKey: Microsoft's own host). A provider's
// host under its other countries' names (mx.zoho.com.cn) is judged by the
// provider families (data/lists/provider-regions.txt), which list them.
std::string NextHopDomain(std::string_view relay);

class Report;
// "of which 2 handed to a next hop under a look-alike or blocked domain
// (smtp.armymil.com), the recipient's own domain not flagged: ..." for the
// text summary and the HTML; "" when none (Report::lookalike_hop_deliveries).
std::string LookalikeHopText(const Report& rep);

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_LOOKALIKE_HOP_H_
