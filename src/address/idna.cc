#include "address/idna.h"

#include <unicode/uidna.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <utility>

#include "address/text.h"

namespace nearmiss::address {
namespace {

constexpr uint32_t kOptions =
    UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE |
    UIDNA_USE_STD3_RULES | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ;

// The domain parser reports these itself, with the label and the count.
constexpr uint32_t kLeftToCaller = UIDNA_ERROR_EMPTY_LABEL |
                                   UIDNA_ERROR_LABEL_TOO_LONG |
                                   UIDNA_ERROR_DOMAIN_NAME_TOO_LONG;

// "ab--cd" labels are reserved-LDH: IDNA2008 forbids them as U-labels, but
// DNS has such hosts ("r3---sn-x.googlevideo.com") and a guard must not call
// a deliverable address invalid.
constexpr uint32_t kTolerated = UIDNA_ERROR_HYPHEN_3_4;

constexpr uint32_t kIgnored = kLeftToCaller | kTolerated;

// ICU takes int32_t lengths; callers bound their input far below this.
constexpr std::size_t kMaxInput = 1 << 16;

const UIDNA* Uts46() {
  static const UIDNA* const idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    UIDNA* p = uidna_openUTS46(kOptions, &status);
    return U_SUCCESS(status) ? p : nullptr;
  }();
  return idna;
}

using IcuConvert = int32_t (*)(const UIDNA*, const char*, int32_t, char*,
                               int32_t, UIDNAInfo*, UErrorCode*);

struct Converted {
  bool icu_ok = false;  // false: ICU itself failed (no data, no memory)
  uint32_t errors = 0;  // UIDNA_ERROR_* bits
  std::string out;
};

Converted Convert(IcuConvert fn, std::string_view in) {
  Converted r;
  const UIDNA* idna = Uts46();
  if (idna == nullptr || in.size() > kMaxInput) return r;
  r.out.resize(in.size() * 2 + 16);
  for (int attempt = 0; attempt < 2; ++attempt) {
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n =
        fn(idna, in.data(), static_cast<int32_t>(in.size()), r.out.data(),
           static_cast<int32_t>(r.out.size()), &info, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR && attempt == 0) {
      r.out.resize(n);
      continue;
    }
    if (U_FAILURE(status)) return r;
    r.out.resize(n);
    r.errors = info.errors;
    r.icu_ok = true;
    break;
  }
  return r;
}

bool StartsWithAce(std::string_view label) {
  return label.size() >= 4 && (label[0] | 0x20) == 'x' &&
         (label[1] | 0x20) == 'n' && label[2] == '-' && label[3] == '-';
}

}  // namespace

bool IsPlainLdh(std::string_view s) {
  std::size_t label_start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '.') {
      if (StartsWithAce(s.substr(label_start, i - label_start))) return false;
      label_start = i + 1;
      continue;
    }
    const char c = s[i];
    const bool ldh = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     (c >= '0' && c <= '9') || c == '-';
    if (!ldh) return false;
  }
  return true;
}

namespace {

// ICU reports errors for the whole name; find the label to blame so the
// message points at it. Bidi errors can span labels: then blame the name.
std::string_view FailingLabel(IcuConvert label_fn, std::string_view name) {
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t dot = name.find('.', start);
    if (dot == std::string_view::npos) dot = name.size();
    const std::string_view label = name.substr(start, dot - start);
    if (!label.empty() && (Convert(label_fn, label).errors & ~kIgnored) != 0) {
      return label;
    }
    start = dot + 1;
  }
  return name;
}

// The first code point UTS #46 disallows, as "U+2044 '⁄'", or "".
std::string FirstDisallowed(std::string_view name) {
  const auto* p = reinterpret_cast<const uint8_t*>(name.data());
  const auto n = static_cast<int32_t>(name.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    int32_t c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || c == '.') continue;
    const std::string_view one = name.substr(start, i - start);
    if (Convert(uidna_labelToASCII_UTF8, one).errors & UIDNA_ERROR_DISALLOWED) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
      return std::string(buf) + " '" + Echo(one) + "'";
    }
  }
  return "";
}

Status IdnaError(IcuConvert label_fn, std::string_view name, uint32_t errors) {
  std::string why = DescribeIdnaErrors(errors);
  if (errors & UIDNA_ERROR_DISALLOWED) {
    std::string which = FirstDisallowed(name);
    if (!which.empty())
      why = "character " + which + " is not allowed in domain names";
  }
  return Status::InvalidArgument(
      "invalid IDN '" + Echo(FailingLabel(label_fn, name)) + "': " + why);
}

Result<std::string> Run(IcuConvert name_fn, IcuConvert label_fn,
                        std::string_view name) {
  Converted r = Convert(name_fn, name);
  if (!r.icu_ok) {
    return Status::Internal("ICU could not convert '" + Echo(name) + "'");
  }
  const uint32_t errors = r.errors & ~kIgnored;
  if (errors != 0) return IdnaError(label_fn, name, errors);
  return std::move(r.out);
}

}  // namespace

Result<std::string> ToAscii(std::string_view domain) {
  if (IsPlainLdh(domain)) return AsciiLower(domain);
  return Run(uidna_nameToASCII_UTF8, uidna_labelToASCII_UTF8, domain);
}

Result<std::string> ToUnicode(std::string_view ascii_domain) {
  if (IsPlainLdh(ascii_domain)) return AsciiLower(ascii_domain);
  return Run(uidna_nameToUnicodeUTF8, uidna_labelToUnicodeUTF8, ascii_domain);
}

std::string ShownAddress(std::string_view address) {
  const size_t at = address.rfind('@');
  const std::string_view domain = at == std::string_view::npos ? address : address.substr(at + 1);
  if (domain.find("xn--") == std::string_view::npos) return std::string(address);
  Result<std::string> shown = ToUnicode(domain);
  if (!shown.ok()) return std::string(address);
  std::string out(address.substr(0, address.size() - domain.size()));
  out += *shown;
  return out;
}

std::string DescribeIdnaErrors(uint32_t errors) {
  static constexpr struct {
    uint32_t bit;
    const char* why;
  } kWhy[] = {
      {UIDNA_ERROR_EMPTY_LABEL, "a label is empty"},
      {UIDNA_ERROR_LABEL_TOO_LONG, "a label is longer than 63 octets"},
      {UIDNA_ERROR_DOMAIN_NAME_TOO_LONG, "the name is longer than 253 octets"},
      {UIDNA_ERROR_LEADING_HYPHEN, "a label begins with a hyphen"},
      {UIDNA_ERROR_TRAILING_HYPHEN, "a label ends with a hyphen"},
      {UIDNA_ERROR_HYPHEN_3_4, "a label has '--' in its 3rd and 4th places"},
      {UIDNA_ERROR_LEADING_COMBINING_MARK,
       "a label begins with a combining mark"},
      {UIDNA_ERROR_DISALLOWED, "it has a character not allowed in domains"},
      {UIDNA_ERROR_PUNYCODE, "the xn-- label is not valid Punycode"},
      {UIDNA_ERROR_LABEL_HAS_DOT, "a label contains a dot"},
      {UIDNA_ERROR_INVALID_ACE_LABEL,
       "the xn-- label does not decode to a valid Unicode label"},
      {UIDNA_ERROR_BIDI,
       "it mixes right-to-left and left-to-right text as RFC 5893 forbids"},
      {UIDNA_ERROR_CONTEXTJ,
       "a zero-width joiner or non-joiner is out of place (RFC 5892)"},
      {UIDNA_ERROR_CONTEXTO_PUNCTUATION,
       "a punctuation mark is out of context (RFC 5892)"},
      {UIDNA_ERROR_CONTEXTO_DIGITS, "it mixes Arabic-Indic digit sets"},
  };
  std::string out;
  for (const auto& w : kWhy) {
    if ((errors & w.bit) == 0) continue;
    if (!out.empty()) out += "; ";
    out += w.why;
  }
  return out.empty() ? "unknown IDNA error" : out;
}

}  // namespace nearmiss::address
