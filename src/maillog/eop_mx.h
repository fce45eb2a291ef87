// Exchange Online's inbound host names, read for the domain they name.
//
// Exchange Online Protection gives each accepted domain a "domain key": the
// domain's labels joined by '-' ("contoso.com" -> "contoso-com"), at times
// with a short suffix that keeps it unique ("army-ml01b"). The key is the
// first label of that domain's MX host, and of the same tenant's "SMTP
// relay" endpoint the organisation's own servers send through:
//   KEY.mail.protection.outlook.com (the "domainGUID" of Microsoft's DKIM
//     and MX records: liktorius.com, "Office 365, DKIM, and a naughty
//     domain name", 2019; DNSControl's M365_BUILDER documentation);
//   KEY.ZONE.mx.microsoft, ZONE one of several DNSSEC zones ("o-v1",
//     "x-v1", ...): domains provisioned since 2024 (Microsoft Tech
//     Community, "Implementing Inbound SMTP DANE with DNSSEC for Exchange
//     Online Mail Flow", 2023-09-27; c7solutions.com, "What is
//     mx.microsoft?", 2024-02; the Message Center notice of 2025-04-04
//     moving new accepted domains under mx.microsoft);
//   KEY.mail.protection.partner.outlook.cn: the same for Microsoft 365
//     operated by 21Vianet in China (Microsoft Learn, "Microsoft 365
//     operated by 21Vianet" DNS records; issue-16 tester round 58b).
// A domain with hyphens of its own ("my-firm.co.uk") has no key derived
// from its name (DNSControl: "no default if domain contains dashes"; the
// key administrators report drops them, "myfirm-co-uk"). Only that form
// names a domain here: read with its hyphens kept, "cba-com.au" (a
// hyphenation look-alike of cba.com.au) would take the tenant
// "cba-com-au" for its own MX, and the mail for delivered; a key that does
// keep them reads as a hand-off (outcome unknown), the safe side.
// So the same name is a delivery to the recipient when its key names the
// recipient's domain, and a hand-off to the organisation's own tenant (a
// smart host) when it names another: compared by whole labels, never by
// letters alone ("cba-com-au" names cba.com.au, not the look-alike
// cba.com), and an internationalised domain in its A-label form (UTS #46,
// ICU), as DNS holds it.
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_EOP_MX_H_
#define NEARMISS_MAILLOG_EOP_MX_H_

#include <string>
#include <string_view>

namespace nearmiss::maillog {

// The domain key of `host` (lower case, no trailing dot) when it is one of
// the forms above; "" when it is not.
std::string_view EopDomainKey(std::string_view host);

// `domain` in A-labels, lower case (UTS #46 nontransitional, as DNS and
// the address module hold it); as given, lower case, when ICU refuses it
// (an ASCII domain ICU finds fault with is still compared as written).
std::string ALabels(std::string_view domain);

// True when `key` is the domain key of `domain` (any case, U-labels or
// A-labels) or of a parent of it (a subdomain routed to its parent's
// tenant), label by label.
bool EopKeyNames(std::string_view key, std::string_view domain);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_EOP_MX_H_
