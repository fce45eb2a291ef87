#include "lookalike/domain_labels.h"

#include <algorithm>
#include <iterator>

#include "address/idna.h"
#include "address/root_zone.h"

namespace nearmiss::lookalike {

bool SplitTail(std::string_view d, size_t k, std::string_view& head, std::string_view& tail) {
  size_t cut = d.size();
  for (size_t i = 0; i < k; ++i) {
    if (cut == 0) return false;
    cut = d.rfind('.', cut - 1);
    if (cut == std::string_view::npos) return false;
  }
  head = d.substr(0, cut);
  tail = d.substr(cut + 1);
  return !head.empty();
}

std::string_view LastLabels(std::string_view s, size_t n) {
  size_t cut = s.size();
  for (size_t i = 0; i < n; ++i) {
    if (cut == 0) return s;
    cut = s.rfind('.', cut - 1);
    if (cut == std::string_view::npos) return s;
  }
  return s.substr(cut + 1);
}

bool IsHabitualSuffix(std::string_view s) { return s == "com" || s == "net" || s == "org"; }

bool AllLetters(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

int DotJoin(std::string_view typed, std::string_view intended) {
  if (typed.size() == intended.size()) {
    size_t diff = 0, at = 0;
    for (size_t i = 0; i < typed.size(); ++i) {
      if (typed[i] != intended[i]) ++diff, at = i;
    }
    return diff == 1 && typed[at] == '-' && intended[at] == '.' ? 2 : 0;
  }
  if (typed.size() + 1 != intended.size()) return 0;
  size_t p = 0;
  while (p < typed.size() && typed[p] == intended[p]) ++p;
  return intended[p] == '.' && typed.substr(p) == intended.substr(p + 1) ? 1 : 0;
}

bool IsOpenSecondLevel(std::string_view label) {
  for (std::string_view open : {"co", "com", "net", "org", "biz", "info"}) {
    if (label == open) return true;
  }
  return false;
}

bool ComCoSwap(std::string_view typed, std::string_view meant) {
  const size_t t = typed.find('.'), m = meant.find('.');
  if (t == std::string_view::npos || m == std::string_view::npos) return false;
  if (typed.substr(t) != meant.substr(m)) return false;
  const std::string_view a = typed.substr(0, t), b = meant.substr(0, m);
  return (a == "com" && b == "co") || (a == "co" && b == "com");
}

bool LabelsSwapped(std::string_view typed, std::string_view meant) {
  const size_t t = typed.find('.'), m = meant.find('.');
  if (t == std::string_view::npos || m == std::string_view::npos || typed == meant ||
      typed.size() != meant.size() || typed.find('.', t + 1) != std::string_view::npos ||
      meant.find('.', m + 1) != std::string_view::npos) {
    return false;
  }
  return typed.substr(0, t) == meant.substr(m + 1) && typed.substr(t + 1) == meant.substr(0, m);
}

std::string SwappedDetail(std::string_view typed, std::string_view meant) {
  std::string s = "the labels of .";
  s.append(meant).append(" are swapped (.").append(typed).append(")");
  return s;
}

bool TldNamesAPlace(std::string_view tld) {
  static constexpr std::string_view kRegions[] = {"scot", "wales", "cymru", "eus", "gal",
                                                  "cat",  "bzh",   "corsica", "quebec", "bayern"};
  if (address::IsCountryCodeTld(tld)) return true;
  return std::find(std::begin(kRegions), std::end(kRegions), tld) != std::end(kRegions);
}

std::string ShownEnding(std::string_view ascii) {
  if (ascii.find("xn--") == std::string_view::npos) return std::string(ascii);
  Result<std::string> unicode = address::ToUnicode(ascii);
  return unicode.ok() ? *unicode : std::string(ascii);
}

}  // namespace nearmiss::lookalike
