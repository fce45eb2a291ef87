#include "engine/country_code_slip.h"

#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "lookalike/keyboard.h"

namespace nearmiss::engine {
namespace {

bool DelegatedCountryCode(std::string_view code) {
  return address::IsCountryCodeTld(code) && address::IsDelegatedTld(code);
}

}  // namespace

std::string CountryCodeSlipName(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || name.size() - dot != 3) return "";
  const std::string_view tld = name.substr(dot + 1);
  if (address::IsDelegatedTld(tld)) return "";
  // The code meant, kept as two chars: a std::string assigned a short one
  // here trips GCC 12's false -Wrestrict at -O2 (bug 105329).
  char meant[2] = {tld[1], tld[0]};
  if (meant[0] == tld[0] || !DelegatedCountryCode(std::string_view(meant, 2))) {
    // One key next to either letter, on any layout keyboard.h knows: only
    // when exactly one such code is delegated (.ky and .kw are both one key
    // from .kq: neither is offered).
    int found = 0;
    for (size_t i = 0; i < 2; ++i) {
      for (char c = 'a'; c <= 'z'; ++c) {
        if (c == tld[i] || !lookalike::KeysAdjacent(tld[i], c)) continue;
        char code[2] = {tld[0], tld[1]};
        code[i] = c;
        if (!DelegatedCountryCode(std::string_view(code, 2))) continue;
        ++found;
        meant[0] = code[0];
        meant[1] = code[1];
      }
    }
    if (found != 1) return "";
  }
  std::string out(name.substr(0, dot + 1));
  out.push_back(meant[0]);
  out.push_back(meant[1]);
  return address::SplitSuffix(out).registrable.empty() ? std::string() : out;
}

}  // namespace nearmiss::engine
