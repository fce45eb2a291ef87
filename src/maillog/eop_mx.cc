// Exchange Online's inbound host names and the domain they name (eop_mx.h).
#include "maillog/eop_mx.h"

#include <unicode/uidna.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <vector>

#include "base/ascii.h"

namespace nearmiss::maillog {
namespace {

constexpr std::string_view kEop = ".mail.protection.outlook.com";
constexpr std::string_view kMxMicrosoft = ".mx.microsoft";
// Microsoft 365 operated by 21Vianet (China): the same service's MX form.
constexpr std::string_view kEopChina = ".mail.protection.partner.outlook.cn";

// The suffix EOP appends to keep a key unique ("01b", "0c", "1"): digits,
// then at most one letter, four characters at most: `rest` is one.
bool UniquenessSuffix(std::string_view rest) {
  if (rest.empty() || rest.size() > 4) return false;
  size_t i = 0;
  while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
  if (i == 0) return false;
  return i == rest.size() ||
         (i + 1 == rest.size() && std::islower(static_cast<unsigned char>(rest[i])));
}

// `key` is `candidate`, or `candidate` then a uniqueness suffix.
bool KeyIs(std::string_view key, std::string_view candidate) {
  if (candidate.empty() || !key.starts_with(candidate)) return false;
  return key.size() == candidate.size() || UniquenessSuffix(key.substr(candidate.size()));
}

}  // namespace

std::string ALabels(std::string_view domain) {
  const bool ascii = std::all_of(domain.begin(), domain.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii || domain.size() > 1024) return AsciiLower(domain);
  static const UIDNA* const idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    UIDNA* p = uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII, &status);
    return U_SUCCESS(status) ? p : nullptr;
  }();
  if (idna == nullptr) return AsciiLower(domain);
  std::string out(domain.size() * 4 + 64, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n =
      uidna_nameToASCII_UTF8(idna, domain.data(), static_cast<int32_t>(domain.size()), out.data(),
                             static_cast<int32_t>(out.size()), &info, &status);
  if (U_FAILURE(status) || info.errors != 0 || n < 0) return AsciiLower(domain);
  out.resize(static_cast<size_t>(n));
  return AsciiLower(out);
}

std::string_view EopDomainKey(std::string_view host) {
  std::string_view key;
  if (host.ends_with(kEop)) {
    key = host.substr(0, host.size() - kEop.size());
  } else if (host.ends_with(kEopChina)) {
    key = host.substr(0, host.size() - kEopChina.size());
  } else if (host.ends_with(kMxMicrosoft)) {
    // KEY.ZONE.mx.microsoft: exactly one zone label.
    std::string_view rest = host.substr(0, host.size() - kMxMicrosoft.size());
    const size_t dot = rest.rfind('.');
    if (dot == std::string_view::npos || dot + 1 == rest.size()) return {};
    key = rest.substr(0, dot);
  }
  if (key.empty() || key.find('.') != std::string_view::npos) return {};
  return key;
}

bool EopKeyNames(std::string_view key_given, std::string_view domain) {
  const std::string key = AsciiLower(key_given);
  const std::string ascii = ALabels(domain);
  std::string_view d = ascii;
  while (!d.empty() && d.back() == '.') d.remove_suffix(1);
  // The domain, then each parent that still has a dot (a subdomain routed
  // to its parent's tenant; never a bare TLD).
  for (; d.find('.') != std::string_view::npos; d.remove_prefix(d.find('.') + 1)) {
    // Its own hyphens dropped, never kept: kept, "cba-com.au" (a
    // hyphenation look-alike of cba.com.au) would read the tenant
    // "cba-com-au" as its MX, and the mail as delivered to it.
    std::string candidate;
    for (char c : d) {
      if (c != '-') candidate += c == '.' ? '-' : c;
    }
    if (KeyIs(key, candidate)) return true;
  }
  return false;
}

}  // namespace nearmiss::maillog
