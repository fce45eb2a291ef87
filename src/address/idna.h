// IDNA: converting domain names between U-label ("аrmy.mil") and A-label
// ("xn--rmy-5cd.mil") forms, per UTS #46 as ICU implements it.
//
// Processing is nontransitional (ß and ς stay themselves, as in IDNA2008
// and current browsers) with STD3 rules and the Bidi (RFC 5893) and ContextJ
// (RFC 5892) checks. Mixed-script and look-alike names are valid here on
// purpose: judging them is the look-alike engine's job, not the parser's.
//
// Label and name lengths and empty labels are NOT checked: the domain parser
// checks them on the ASCII result, where it can name the label and count.
//
// Thread safety: all functions may be called concurrently; the ICU object is
// created once and never changes.
#ifndef NEARMISS_ADDRESS_IDNA_H_
#define NEARMISS_ADDRESS_IDNA_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "nearmiss/status.h"

namespace nearmiss::address {

// Lower-case A-label form of a UTF-8 domain. Fails with kInvalidArgument
// "invalid IDN '<label>': <why>".
Result<std::string> ToAscii(std::string_view domain);

// U-label form of an ASCII domain; fails like ToAscii on a bad A-label.
Result<std::string> ToUnicode(std::string_view ascii_domain);

// How a person reads an address or domain: its A-labels as U-labels
// ("x@xn--d1acpjx3f.xn--p1ai" -> "x@яндекс.рф"). Returned as is when no
// label starts "xn--" or a label does not decode (it is then shown as
// typed, never dropped). Mail is still sent to the A-label form.
std::string ShownAddress(std::string_view address);

// True when `domain` is letters, digits, hyphens and dots with no "xn--"
// label: UTS #46 would only lower-case it, so ToAscii and ToUnicode skip ICU
// for it (the common case at RCPT time) and ParseDomain's in-place form
// lower-cases it without allocating.
bool IsPlainLdh(std::string_view domain);

// A clause per UIDNA_ERROR_* bit set in `errors`, joined by "; ".
std::string DescribeIdnaErrors(uint32_t errors);

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_IDNA_H_
