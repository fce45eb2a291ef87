// The DNS root zone's top-level domains: is a TLD delegated?
//
// The list is data/lists/root-zone-tlds.txt, compiled into the binary: a
// copy of IANA's tlds-alpha-by-domain.txt (its version and where the copy
// came from are in its header; tools/make-root-zone-tlds writes it). libpsl's
// implicit "*" rule makes any unknown TLD a public suffix;
// a TLD not in the root zone can receive no mail, so a near miss of a
// trusted name under it ("army.mik") is a slip, never a real domain.
//
// Loaded on first use into a static set that is never freed (as
// public_suffix.h's list). Thread safety: all functions may be called
// concurrently.
#ifndef NEARMISS_ADDRESS_ROOT_ZONE_H_
#define NEARMISS_ADDRESS_ROOT_ZONE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::address {

// True when `tld`, one lower-case A-label ("com", "xn--p1ai"), is in the
// root zone. Also true for anything when the embedded list is empty, so a
// build without it never calls a real TLD unreal.
bool IsDelegatedTld(std::string_view tld);

// True when the last label of the lower-case ASCII `domain` (one trailing
// dot ignored) is a delegated TLD.
bool HasDelegatedTld(std::string_view domain);

// A TLD kept out of the root zone for private networks: .internal (ICANN
// Board resolution 2024.07.29.06, reserved for private use), .local (RFC
// 6762, Multicast DNS), and the names ICANN will not delegate as they
// collide with private use (.corp, .home, .mail: NGPC resolution
// 2014.07.30.NG01) or that networks commonly use (.lan, .localdomain,
// .intranet, .private). Mail there can reach a server inside the sender's
// network, never one outside it.
bool IsPrivateUseTld(std::string_view tld);

// The special-use TLDs of RFC 6761 (section 6) and RFC 2606, kept out of
// the root zone for good, in one rule every finder asks:
// - kTesting: .test, .example, .localhost. Names there are written in
//   tests and documentation (and .localhost is the host itself); a name
//   under one is judged like any other, but its TLD is never missing
//   (tld-not-delegated) nor the slip of another TLD.
// - kInvalid: .invalid, reserved never to resolve (RFC 6761 section 6.4):
//   an address under it is undeliverable, invalid, never a look-alike of
//   the name before it (gmail.com.invalid is an address made invalid on
//   purpose, as mailing lists and forms do).
enum class SpecialUseTld { kNone, kTesting, kInvalid };
// `tld`: one lower-case A-label.
SpecialUseTld SpecialUse(std::string_view tld);
inline bool IsTestingTld(std::string_view tld) {
  return SpecialUse(tld) == SpecialUseTld::kTesting;
}
// The sentence for a domain under a TLD the root zone lacks (`tld_ascii`,
// a lower-case A-label): "the TLD .zz does not exist: no mail can be
// delivered there"; for a special-use TLD, that it is one, under which RFC
// (special_use_names.h: "the TLD .onion is a special-use name (RFC 7686),
// not deliverable on the Internet"); for a private-use TLD, that mail
// there reaches only the sender's network and how to trust it ([domains]
// organisation or allow).
std::string UndelegatedTldDetail(std::string_view tld_ascii);

// The common TLD one key slip from `tld`, a lower-case A-label the root
// zone lacks ("con", "cmo", "comm", "c0m" -> "com"; "nett" -> "net"; "ukk"
// -> "uk"), or "" when none is. One edit (a letter changed, added, left
// out, or two swapped), tried against a short list of the TLDs most mail
// goes to, in that order, so "con" is .com, not Colombia's .co; a
// two-letter one only with a letter added ("zz" suggests nothing). For the
// suggestion on an unlisted domain under a TLD that does not exist
// (acme.con: "did you mean x@acme.com?"; round 43's tester, finding 17),
// where no trusted name is near to offer.
// A country's code typed with its last letter twice (inn, dkk) is that
// code, returned as a view into `tld`.
std::string_view CommonTldOneSlipFrom(std::string_view tld);

// True when `tld`, one lower-case A-label, is a delegated country-code TLD:
// two ASCII letters (ISO 3166, "ru"), or an internationalized one
// ("xn--p1ai" for .рф, "xn--fiqs8s" for .中国) listed in
// data/lists/idn-cctlds.txt (from the Public Suffix List, whose header
// says how). "com", "xn--80asehdb" (.онлайн, generic) and "zz" are not.
bool IsCountryCodeTld(std::string_view tld);

// The ASCII TLD whose form in another script the lower-case A-label `tld`
// is ("com" for "xn--j1aef", .ком; "net" for "xn--t60b56a", .닷넷), or ""
// for any other TLD. From data/lists/idn-tld-forms.txt (IANA's root zone
// database; its header says how).
std::string_view AsciiTldOfForm(std::string_view tld);

// The A-labels of the other scripts' forms of the ASCII TLD `tld` ("com":
// xn--11b4c3d, xn--j1aef, ...), in the list's order; empty for most TLDs.
std::vector<std::string_view> FormsOfTld(std::string_view tld);

// The delegated two-letter (country-code) TLDs, sorted: "ac" ... "zw".
std::vector<std::string> CountryCodeTlds();

// "data/lists/root-zone-tlds.txt: 1445 TLDs (IANA Version 2024110800)":
// the list's date, for `nearmiss --version`.
std::string_view RootZoneSource();

// The day IANA's copy was made, read from its version (YYYYMMDDNN: IANA
// numbers each edition by its date), as days since 1970-01-01; nullopt
// when the embedded list has no such version line.
std::optional<int64_t> RootZoneDay();

// How old the list is on the day of `now` (seconds since the epoch), as
// `nearmiss --version` says it: "updated 2024-11-08, 755 days ago"; with a
// hint to refresh it when older than kRootZoneStaleDays, as IANA adds and
// retires TLDs several times a year (a retired TLD still listed passes a
// dead domain as real, a new one missing refuses a real one). "" without a
// version line.
inline constexpr int64_t kRootZoneStaleDays = 180;
std::string RootZoneAge(int64_t now);

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_ROOT_ZONE_H_
