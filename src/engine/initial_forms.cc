#include "engine/initial_forms.h"

#include <algorithm>
#include <array>

namespace nearmiss::engine {
namespace {

bool IsSeparator(char c) { return c == '.' || c == '_' || c == '-' || c == ' '; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }
bool Letters(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), IsLetter); }

// One reading: the initial and the family name.
struct Reading {
  char initial = 0;
  std::string_view family;
  bool operator==(const Reading&) const = default;
};

// A local part's readings as an initial form, at most two; 0 when none.
// A run-together family name needs three letters: "jli" read as "j" + "li"
// would also be "i" after "jl", and two-letter names are too many short
// strings to compare by rotation.
size_t Readings(std::string_view local, std::array<Reading, 2>& out) {
  size_t sep = std::find_if(local.begin(), local.end(), IsSeparator) - local.begin();
  if (sep == local.size()) {
    if (local.size() < 4 || !Letters(local)) return 0;
    out[0] = {local.front(), local.substr(1)};
    out[1] = {local.back(), local.substr(0, local.size() - 1)};
    return 2;
  }
  std::string_view a = local.substr(0, sep), b = local.substr(sep + 1);
  if (!Letters(a) || !Letters(b)) return 0;  // a third part, or digits
  if (a.size() == 1 && b.size() >= 2) {
    out[0] = {a[0], b};
    return 1;
  }
  if (b.size() == 1 && a.size() >= 2) {
    out[0] = {b[0], a};
    return 1;
  }
  return 0;
}

}  // namespace

bool OtherInitialForm(std::string_view typed, std::string_view known) {
  if (typed == known) return false;
  std::array<Reading, 2> t, k;
  size_t nt = Readings(typed, t), nk = Readings(known, k);
  for (size_t i = 0; i < nt; ++i) {
    for (size_t j = 0; j < nk; ++j) {
      if (t[i] == k[j]) return true;
    }
  }
  return false;
}

}  // namespace nearmiss::engine
