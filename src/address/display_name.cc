// The display name of an address entry (address/display_name.h).
#include "address/display_name.h"

namespace nearmiss::address {

std::string_view DisplayNameOf(std::string_view input) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '"' || c == '\r' || c == '\n'; };
  auto trim = [&blank](std::string_view d) {
    while (!d.empty() && blank(d.front())) d.remove_prefix(1);
    while (!d.empty() && blank(d.back())) d.remove_suffix(1);
    return d;
  };
  size_t lt = input.rfind('<');
  if (lt != std::string_view::npos) return trim(input.substr(0, lt));
  // RFC 5322 section 4.4's obsolete form, `pat.doe@x.org (John Smith)`:
  // what mail readers show as the name (mailx and scripts still write
  // it). The last comment after the address, nested ones kept whole.
  std::string_view t = trim(input);
  if (!t.ends_with(')')) return {};
  int depth = 0;
  for (size_t i = t.size(); i-- > 0;) {
    if (t[i] == ')' && (i == 0 || t[i - 1] != '\\')) ++depth;
    if (t[i] == '(' && (i == 0 || t[i - 1] != '\\') && --depth == 0) {
      if (t.substr(0, i).find('@') == std::string_view::npos) return {};
      return trim(t.substr(i + 1, t.size() - i - 2));
    }
  }
  return {};
}

}  // namespace nearmiss::address
