// ParseDomain: a typed or pasted domain name to its canonical forms, or a
// sentence saying why it cannot be a mail domain.

#include <string>
#include <string_view>

#include "address/idna.h"
#include "base/ascii.h"
#include "address/public_suffix.h"
#include "address/rfc5322.h"  // Invalid
#include "address/text.h"
#include "address/typed_case.h"
#include "nearmiss/address.h"

namespace nearmiss {
namespace {

using address::Echo;
using address::Invalid;

constexpr std::size_t kMaxLabelOctets = 63;    // RFC 1035 2.3.4
constexpr std::size_t kMaxDomainOctets = 253;  // RFC 1035, less the root dot
// Raw input past this cannot come down to 253 ASCII octets in practice;
// refusing it early keeps ICU away from megabytes of fuzz or paste.
constexpr std::size_t kMaxDomainInput = 1024;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return !s.empty();
}

// ASCII is checked before IDNA so the message names the character; UTS #46
// would only say "disallowed". Non-ASCII is IDNA's to judge.
Status CheckAsciiCharacters(std::string_view d) {
  for (char ch : d) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) continue;
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    IsDigit(ch) || c == '-' || c == '.';
    if (!ok) {
      return Invalid("illegal character " + address::DescribeByte(c) +
                     " in domain '" + Echo(d) + "'");
    }
  }
  return Status::Ok();
}

// Checks the ASCII form, where RFC 1035's limits apply.
Status CheckStructure(std::string_view ascii, std::string_view typed) {
  std::size_t start = 0;
  for (;;) {
    std::size_t dot = ascii.find('.', start);
    if (dot == std::string_view::npos) dot = ascii.size();
    const std::string_view label = ascii.substr(start, dot - start);
    if (label.empty()) return Invalid("empty label in '" + Echo(typed) + "'");
    if (label.size() > kMaxLabelOctets) {
      return Invalid("label '" + Echo(label, 24) + "' is " +
                     std::to_string(label.size()) + " octets; at most 63");
    }
    if (label.front() == '-') {
      return Invalid("label '" + Echo(label) + "' begins with a hyphen");
    }
    if (label.back() == '-') {
      return Invalid("label '" + Echo(label) + "' ends with a hyphen");
    }
    if (dot == ascii.size()) break;
    start = dot + 1;
  }
  if (ascii.size() > kMaxDomainOctets) {
    return Invalid("domain is " + std::to_string(ascii.size()) +
                   " octets; at most 253");
  }
  const std::size_t last_dot = ascii.rfind('.');
  const std::string_view tld =
      last_dot == std::string_view::npos ? ascii : ascii.substr(last_dot + 1);
  if (AllDigits(tld)) {
    std::string why = "'";  // appended, not "'" + string&&: GCC bug 105329
    why += Echo(typed);
    why += "' is an IP address or has an all-digit top-level label; not a domain name";
    return Invalid(why);
  }
  return Status::Ok();
}

}  // namespace

Status ParseDomain(std::string_view text, Domain* out) {
  std::string_view d = address::TrimSpace(text);
  if (d.empty()) return Invalid("empty domain");
  if (d.size() > kMaxDomainInput) {
    return Invalid("domain is " + std::to_string(d.size()) +
                   " octets; at most 253");
  }
  if (d.front() == '[') {
    return Invalid("IP literal " + Echo(d) + " is not a domain name");
  }
  if (!address::IsValidUtf8(d)) {
    return Invalid("domain '" + Echo(d) + "' is not valid UTF-8");
  }
  NM_RETURN_IF_ERROR(CheckAsciiCharacters(d));
  const std::string_view typed = d;
  if (d.back() == '.') d.remove_suffix(1);  // the root: "army.mil."
  if (d.empty() || d.front() == '.' || d.back() == '.' ||
      d.find("..") != std::string_view::npos) {
    return Invalid("empty label in '" + Echo(typed) + "'");
  }

  std::string& ascii = out->ascii;
  const bool plain = address::IsPlainLdh(d);
  if (plain) {
    // What ToAscii returns for it, written into the caller's string.
    ascii.assign(d);
    for (char& c : ascii) c = AsciiToLower(c);
  } else {
    NM_ASSIGN_OR_RETURN(ascii, address::ToAscii(d));
  }
  // UTS #46 maps "。" and other full stops to '.', so a root dot can
  // appear only now.
  if (!ascii.empty() && ascii.back() == '.') ascii.pop_back();
  NM_RETURN_IF_ERROR(CheckStructure(ascii, typed));
  if (plain) {
    out->unicode.assign(ascii);  // ToUnicode of a plain name is itself
    out->typed_capitals.clear();
  } else {
    NM_ASSIGN_OR_RETURN(out->unicode, address::ToUnicode(ascii));
    out->typed_capitals = address::CapitalsAsTyped(d, out->unicode);
  }

  // "com" and "localhost" are both single labels; only one is on the list.
  if (ascii.find('.') == std::string::npos && !address::IsListedSuffix(ascii)) {
    return Invalid("'" + Echo(typed) + "' is not a fully qualified domain");
  }
  address::SuffixViews split = address::SplitSuffixViews(ascii);
  if (split.registrable.empty()) {
    return Invalid("'" + Echo(out->unicode) +
                   "' is a public suffix, not a mail domain");
  }
  out->suffix.assign(split.suffix);
  out->registrable.assign(split.registrable);
  return Status::Ok();
}

Result<Domain> ParseDomain(std::string_view text) {
  Domain d;
  NM_RETURN_IF_ERROR(ParseDomain(text, &d));
  return d;
}

}  // namespace nearmiss
