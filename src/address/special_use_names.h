// Special-use TLDs (IANA's Special-Use Domain Names registry, RFC 6761):
// names kept out of the public DNS for good, so public mail cannot reach
// them, and the one sentence every finder uses for a TLD the root zone
// lacks ("the TLD .zz does not exist", or, for a special-use one, that it
// is one and under which RFC). A special-use TLD exists by design; saying
// it "does not exist" was wrong (issue 15, finding 1).
//
// The TLDs and their RFCs:
// - .test .example .invalid .localhost: RFC 6761 (section 6);
// - .local: RFC 6762 (Multicast DNS);
// - .onion: RFC 7686 (Tor onion services);
// - .alt: RFC 9476 (non-DNS namespaces).
// home.arpa (RFC 8375) is a name under the delegated .arpa, not a TLD: the
// engine words it apart (engine/special_zone).
#ifndef NEARMISS_ADDRESS_SPECIAL_USE_NAMES_H_
#define NEARMISS_ADDRESS_SPECIAL_USE_NAMES_H_

#include <string>
#include <string_view>

#include "nearmiss/verdict.h"

namespace nearmiss::address {

// "RFC 7686" for "onion", ..., "" for a TLD that is no special-use name.
// `tld`: one lower-case A-label.
std::string_view SpecialUseTldRfc(std::string_view tld);

// What is true of `tld` (a lower-case A-label the root zone lacks): "the
// TLD .zz does not exist", or "the TLD .onion is a special-use name (RFC
// 7686), not deliverable on the Internet". The TLD is shown as a person
// writes it (.рф, not .xn--p1ai).
std::string NoSuchTldPhrase(std::string_view tld);

// NoSuchTldPhrase(tld) followed by `detail`, the slip that explains it,
// saying the TLD once: "the TLD .dee does not exist and has 'e' typed
// twice" for the detail "the TLD .dee has 'e' typed twice"; else joined
// with "; ".
std::string NoSuchTldThen(std::string_view tld, std::string_view detail);

// The reason code for a domain under `tld`, a TLD the root zone lacks:
// special-use-name for a special-use one, else tld-not-delegated.
ReasonCode NoSuchTldCode(std::string_view tld);

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_SPECIAL_USE_NAMES_H_
