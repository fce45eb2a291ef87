// Public suffixes that are mail domains: gc.ca (protected), nic.in, mil.no.
//
// ParseDomain refuses a public suffix as "not a mail domain" (the Public
// Suffix List: names are registered under it, none is at it). A few are
// their owner's mail domains too; refusing them with 550 refused real
// government mail, the protected gc.ca among them (issue 15, fresh tester,
// item 8). Engine::CheckRecipient judges as a domain a public suffix that
// data/lists/suffix-mail-domains.txt lists, or that the trusted entries
// name as a domain: exactly, or the embedded protected list's bare line
// (gc.ca); not a namespace written as one (.gov.uk: gov.uk stays no mail
// domain), nor a bare public suffix in a policy's [domains], which means
// its namespace there (docs/policy.md).
//
// Thread safety: all functions may be called concurrently; the list is
// parsed once, on first use.
#ifndef NEARMISS_ENGINE_SUFFIX_MAIL_DOMAIN_H_
#define NEARMISS_ENGINE_SUFFIX_MAIL_DOMAIN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/address.h"

namespace nearmiss::engine {

// For `input` ("bob@gc.ca", "Bob@NIC.IN."): the domain after the last '@'
// as a Domain whose registrable name is the suffix itself, when it is a
// plain LDH public suffix; else empty. `probe` becomes `input` with "x."
// before that domain: a registrable name the caller parses to check and
// unquote the local part as for any other address.
std::optional<Domain> PublicSuffixDomain(std::string_view input, std::string* probe);

// True when data/lists/suffix-mail-domains.txt lists `ascii` (lower case).
bool ListedSuffixMailDomain(std::string_view ascii);

// True when `ascii` is a country's second level that the Public Suffix
// List's ICANN section lists by name (no "*" rule), other than the open
// commercial ones (co.uk, com.au, org.il: IsOpenSecondLevel) and the
// academic ones (ac.uk, edu.au): idf.il,
// mil.lv, mil.by. Such a zone is one organisation's (the Israel Defense
// Forces', Latvia's and Belarus's armed forces'), which often receives
// mail at the zone's own name as mil.no and gov.in do; the PSL lists it
// for the names under it, and says nothing of the name itself. So it is
// judged as any external domain, never refused as "a public suffix"
// (issue 15, fresh tester 15, item 5). A namespace the lists protect
// (gov.uk, nhs.uk) stays what its entry says.
bool SectorSecondLevel(std::string_view ascii);

// True when data/lists/protected.txt protects `ascii`, a public suffix, as
// a domain (a line "gc.ca", no leading dot: "one domain and its
// subdomains"), which the engine holds as the namespace .gc.ca.
bool WrittenAsDomainInProtectedList(std::string_view ascii);

// Every public suffix the engine judges as a mail domain by the lists:
// data/lists/suffix-mail-domains.txt, and with `default_protected` the
// embedded protected list's bare lines (gc.ca). For the detector
// (LookalikeLists::suffix_mail_domains).
std::vector<std::string> SuffixMailDomains(bool default_protected);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_SUFFIX_MAIL_DOMAIN_H_
