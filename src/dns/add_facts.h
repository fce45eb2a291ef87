// Which recipients the DNS signals are asked about, in one place for every
// shell (the milter, `nearmiss check`).
//
// Thread safety: as the DnsSource.
#ifndef NEARMISS_DNS_ADD_FACTS_H_
#define NEARMISS_DNS_ADD_FACTS_H_

#include <future>
#include <optional>
#include <string_view>

#include "nearmiss/dns.h"
#include "nearmiss/verdict.h"

namespace nearmiss::dns {

// Looks up the domain of a look-alike (only: trusted and external domains
// are never resolved, so turning DNS on adds no lookups to ordinary mail),
// and only when DNS could change its decision (RecipientCheck::
// dns_can_decide: a look-alike the policy refuses whatever DNS says is
// never asked about, so its name servers learn nothing), and puts the facts in `check->dns`. Waits at most the source's deadline;
// an unanswered lookup leaves the facts unknown, which rules treat as "can
// receive mail". Returns whether it looked anything up.
bool AddDnsFacts(DnsSource& source, RecipientCheck* check);

// A look-alike under a TLD the root zone lacks (reason tld-not-delegated),
// or of one label (gmailcom: no TLD's own name is a mail domain): its facts are known without a query (exists false, no mail exchanger)
// and put in `check->dns`; nothing is sent to the resolver. Both functions
// around it ask this first. Returns whether it applied.
bool FactsWithoutLookup(RecipientCheck* check);
// Whether the check carries reason tld-not-delegated.
bool Undelegated(const RecipientCheck& check);
// Whether the checked domain is of one label (gmailcom).
bool OneLabel(const RecipientCheck& check);

// Whether `check`'s domain may be sent to `source`: DNS could change its
// decision (RecipientCheck::dns_can_decide), or the source looks up every
// look-alike ([dns] lookup_every_lookalike). The facts-without-lookup
// cases (FactsWithoutLookup) are asked before this.
bool LookupWanted(const DnsSource& source, const RecipientCheck& check);

// A lookup asked for `check` that had not answered when the decision could
// wait no longer (the milter's end of message): its facts become unknown,
// `why` ("timeout") saying so, so the decision log and its counters tell a
// decision made on "no answer" (can receive, fail closed) from one made on
// DNS's answer. The decision is the same either way.
void MarkUnanswered(RecipientCheck* check, std::string_view why);

// Starts the lookup of a look-alike's domain without waiting (a shared
// future), or nullopt when none is needed: not a look-alike, facts there,
// or known without a query (FactsWithoutLookup, which then fills them).
// `nearmiss check` starts a batch so the lookups run at once.
std::optional<std::shared_future<DnsFacts>> StartLookup(DnsSource& source,
                                                        RecipientCheck* check);

// The same without ever waiting, for the milter's I/O thread: starts (or
// joins) the lookup and puts the facts in only when they are already known
// (the cache, or a lookup just finished). Otherwise `check->dns` stays
// empty and `check->dns_pending` is set: a rule with a DNS condition then
// defers to the end of message (RecipientCheck::dns_pending); the lookup
// goes on, so the end of message (or the next message to that domain)
// finds it. Returns whether the facts were there.
bool AddReadyDnsFacts(DnsSource& source, RecipientCheck* check);

}  // namespace nearmiss::dns

#endif  // NEARMISS_DNS_ADD_FACTS_H_
