// Public suffixes ("com.au", "mil") over libpsl, ICANN section only: private
// entries such as "blogspot.com" are registrable names to a mail guard, not
// suffixes.
//
// The list is libpsl's newest of the system file (/usr/share/publicsuffix,
// Debian's `publicsuffix` package) and its built-in copy, loaded on first
// use. It is never freed: a function-local static gives thread-safe
// loading, and no thread still checking at exit can see it torn down.
//
// Thread safety: all functions may be called concurrently.
#ifndef NEARMISS_ADDRESS_PUBLIC_SUFFIX_H_
#define NEARMISS_ADDRESS_PUBLIC_SUFFIX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::address {

struct SuffixSplit {
  std::string suffix;       // "com.au"
  std::string registrable;  // "cba.com.au"; empty when the name is a suffix
};

// Splits a lower-case ASCII domain (one trailing dot is ignored). The public
// PublicSuffix / IsPublicSuffix in nearmiss/address.h are built on this.
SuffixSplit SplitSuffix(std::string_view ascii_domain);

// The same as views into `ascii_domain`, which must hold no trailing dot
// (a std::string's NUL ends it for libpsl): allocates nothing.
struct SuffixViews {
  std::string_view suffix;
  std::string_view registrable;
};
SuffixViews SplitSuffixViews(const std::string& ascii_domain);

// True when the list itself names `ascii_domain` as an ICANN suffix: "com"
// is listed, "zzz" is a suffix only through the implicit "*" rule.
bool IsListedSuffix(std::string_view ascii_domain);

// True when `ascii_domain` is a zone of the list's PRIVATE section where
// anyone registers a name as under a TLD, of one of two shapes: a country's
// code under a generic TLD (CentralNic's uk.com, us.com, eu.com, de.com,
// gb.net, us.org, ...: two labels, the first a delegated two-letter TLD, the
// last com, net or org), or a short second level of a ccTLD run as a
// registry (msk.ru, spb.ru, pp.ru, co.nl, com.de: two labels, the first of
// at most three letters and no public-sector label such as edu or gov, the
// last a delegated two-letter TLD). Listed
// exactly, never by a "*" rule; false when the list is not loaded.
bool IsOpenPrivateZone(std::string_view ascii_domain);

// True when `ascii_domain` is a country's zone of the list's PRIVATE
// section under one IsOpenPrivateZone accepts: three labels, the first a
// delegated two-letter TLD (EU.org's me.eu.org, de.eu.org, under eu.org).
// A name registered there (alice.me.eu.org) is its own, as under the parent
// (issue 15, round 44's tester, finding 6). Not in OpenPrivateZones.
bool IsOpenPrivateSubzone(std::string_view ascii_domain);

// Every zone IsOpenPrivateZone accepts, sorted ("de.com", "msk.ru",
// "uk.com", ...), for `nearmiss permute`. libpsl cannot list its rules, so
// the names are read from the list's text form that Debian's publicsuffix
// package installs beside the binary one libpsl loads
// (/usr/share/publicsuffix/public_suffix_list.dat); libpsl still decides
// each. An error names the file when it cannot be read.
Result<std::vector<std::string>> OpenPrivateZones();

// Every ICANN suffix the list names ("com", "gov.ml", "gouv.ml", ...),
// sorted, from the same text form; wildcard and exception rules and U-label
// rules left out. For `nearmiss permute`: a namespace look-alike ("ml" of
// .mil) is written with the zones under it whose names check accepts as
// its exceptions (issue 15, round 43's tester, finding 7). An error names
// the file when it cannot be read.
Result<std::vector<std::string>> IcannSuffixRules();

// False when neither the system nor the built-in list could be loaded; then
// every TLD, and only a TLD, counts as a suffix.
bool PublicSuffixListLoaded();

// Where the list in use comes from and its date, for `nearmiss --version`:
// "libpsl 0.21.2: /usr/share/publicsuffix/public_suffix_list.dat of
// 2024-03-01" or "libpsl 0.21.2: its built-in copy of 2023-01-12". Chosen as
// psl_latest() chooses: the system file when it is newer than the built-in
// copy (dates are file modification times, UTC).
std::string PublicSuffixListSource();

// The day of the list PublicSuffixListSource names (its file's
// modification time, UTC), as days since 1970-01-01; nullopt when no list
// is loaded.
std::optional<int64_t> PublicSuffixListDay();

// How old the list of `day` is on the day of `now` (seconds since the
// epoch), as `nearmiss --version` says it after PublicSuffixListSource:
// "612 days ago", with a hint to update it when older than
// kPublicSuffixStaleDays: the PSL changes every week, and a suffix it
// lacks (a new ccTLD zone, a new open private zone) splits a domain at the
// wrong label, so a look-alike registered there reads as the zone's own
// name. "" without a day.
inline constexpr int64_t kPublicSuffixStaleDays = 180;
std::string PublicSuffixListAge(int64_t now, std::optional<int64_t> day);

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_PUBLIC_SUFFIX_H_
