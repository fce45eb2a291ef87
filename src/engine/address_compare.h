// How two addresses or domains compare for the relationship engine
// (address_typo.h): a local part's extension, a domain's organisation,
// neighbour domains, and the edit distance every local-part rule counts.
//
// Thread safety: pure functions.
#ifndef NEARMISS_ENGINE_ADDRESS_COMPARE_H_
#define NEARMISS_ENGINE_ADDRESS_COMPARE_H_

#include <string>
#include <string_view>

namespace nearmiss::engine {

// `address` without the extension of its local part: the part from the
// first of `delimiters` (Postfix's recipient_delimiter) up to the '@'
// dropped, "john.smith+news@x.org" -> "john.smith@x.org". "" when there is
// none to drop (no delimiter, or it starts the local part, which Postfix
// does not split either).
std::string WithoutExtension(std::string_view address, std::string_view delimiters);

// The organisation `domain` (lower-case ASCII) belongs to: its registrable
// domain, public suffix plus one label (libpsl, address/public_suffix.h):
// "partner.example" for "uk.partner.example"; `domain` itself when it is a
// suffix or has no registrable part (address_typo_organisation.cc).
std::string OrganisationOf(std::string_view domain);

// Whether domains `a` and `b` (folded, mailbox spaces) are neighbours for
// a mailbox name written at one and meant for the other: within two edits
// over the whole name (gmail.com, email.com by mail.com; gmx.net by
// gmx.de), or the same first label of four or more characters under
// another suffix (hotmail.com by hotmail.co.uk). Never a domain with
// itself.
bool NearDomains(std::string_view a, std::string_view b);

// Optimal-string-alignment distance between `a` and `b` (UTF-8, each at
// most 64 octets), counted by characters (code points) and compared without
// ASCII case: "józef" and "jozef" are one edit apart; stops counting past
// `limit`, then returns limit + 1.
int OsaDistance(std::string_view a, std::string_view b, int limit);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_ADDRESS_COMPARE_H_
