// Mailbox and domain parsing: what people type and paste, made canonical.
// ParseAddress accepts `bob@army.mil`, `Bob Smith <bob@army.mil>`,
// `"bob smith"@army.mil`, `<bob@army.mil>`, any case, a trailing dot on the
// domain and surrounding spaces. Domains go through IDNA (UTS #46, ICU), so
// U-labels and A-labels (`xn--`) both work and both forms are reported, and
// are split into registrable name and public suffix (libpsl, ICANN section,
// the newer of /usr/share/publicsuffix and libpsl's built-in copy). Where
// Postfix delivers (percent hack, bang path, mydestination) is not read
// here: address/delivery.h; nor repairs of what was typed (engine).
// Refusals are kInvalidArgument with a sentence naming the problem: no `@`,
// empty local part or domain, IP literal, a label over 63 or a name over 253
// octets, an illegal character (and which), invalid IDN.
//
// Thread safety: all functions are safe to call concurrently.
#ifndef NEARMISS_ADDRESS_H_
#define NEARMISS_ADDRESS_H_

#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss {

struct Domain {
  std::string ascii;        // lower-case A-label form: "xn--rmy-5cd.mil"
  std::string unicode;      // U-label form: "аrmy.mil"; equals ascii if ASCII
  std::string suffix;       // public suffix, ASCII: "mil", "com.au"
  std::string registrable;  // suffix plus one label, ASCII: "army.mil"; empty
                            // when the domain is itself a public suffix
  // `unicode` with the non-ASCII capitals put back as typed ("Νavy.mil" for
  // "ΝAVY.MIL", Greek capital Nu); empty when none was typed. A capital can
  // read as another Latin letter than its small form (Ν as N, ν as v), and
  // the look-alike detector reads this form (address/typed_case.h).
  std::string typed_capitals;
};

struct Address {
  std::string display_name;  // "Bob Smith", unquoted; may be empty
  std::string local;         // local part as typed, quotes removed
  Domain domain;

  // "bob@army.mil" with the ASCII domain; the local part re-quoted if needed.
  std::string ToString() const;
  // The same with `domain` swapped for another ASCII domain (for suggestions).
  std::string WithDomain(std::string_view ascii_domain) const;
};

// Parses one mailbox. See the file comment for what is accepted.
Result<Address> ParseAddress(std::string_view text);

// Parses a bare domain name ("Army.MIL.", "xn--rmy-5cd.mil", "аrmy.mil").
Result<Domain> ParseDomain(std::string_view text);
// The same into `*out`, reusing the capacity of its strings: a plain ASCII
// name (letters, digits, hyphens, no "xn--" label) never reaches ICU, so
// parsing one allocates nothing once `*out` has held as long a domain. On
// error `*out` is left unspecified.
Status ParseDomain(std::string_view text, Domain* out);

// Splits a pasted list on commas and semicolons that are outside quotes,
// angle brackets and comments; trims each piece and drops empty ones.
std::vector<std::string> SplitAddressList(std::string_view text);

// As SplitAddressList, for a list pasted from a mail client's address box
// (check's arguments and lines, policy explain --to): Outlook shows and
// copies a display name "Last, First" unquoted ("Okafor, Chidi
// <c.okafor2@nhs.example>; Doe, Jane <j@x>"), which RFC 5322 section 3.4
// reads as two entries, "Okafor" and "Chidi <c.okafor2@nhs.example>". Here
// plain words (no '@', quote, comment or bracket) before a ',' that is
// followed by one mailbox named by plain words are that mailbox's display
// name: one recipient, given back as `"Okafor, Chidi" <c.okafor2@nhs.example>`.
// A header is read by SplitAddressList alone (the mail server's reading).
std::vector<std::string> SplitPastedAddressList(std::string_view text);

// The public suffix of an ASCII, lower-case domain ("com.au" for
// "cba.com.au"). A TLD the list does not know counts as a suffix here (the
// "*" rule: "army.zzz" has "zzz"); the engine checks the root zone (root_zone.h).
std::string PublicSuffix(std::string_view ascii_domain);

// True when `ascii_domain` is itself a public suffix ("com.au", "mil").
bool IsPublicSuffix(std::string_view ascii_domain);

}  // namespace nearmiss

#endif  // NEARMISS_ADDRESS_H_
