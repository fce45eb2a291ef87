#include "engine/initial_forms.h"

#include <algorithm>
#include <array>

#include "engine/name_text.h"

namespace nearmiss::engine {
namespace {

bool IsSeparator(char c) { return c == '.' || c == '_' || c == '-' || c == ' '; }

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

// `typed` is `x` and `y` joined by one of the separators or by nothing.
bool Joins(std::string_view typed, std::string_view x, std::string_view y) {
  if (typed.size() < x.size() + y.size() || !typed.starts_with(x) || !typed.ends_with(y)) {
    return false;
  }
  const size_t gap = typed.size() - x.size() - y.size();
  return gap == 0 || (gap == 1 && IsSeparator(typed[x.size()]));
}

// How `typed` writes the names `x` then `y`: whole, or one of them as its
// initial (the whole one then three letters or more); 0 none, 1 whole, 2
// with an initial.
int WritesInOrder(std::string_view typed, std::string_view x, std::string_view y) {
  if (Joins(typed, x, y)) return 1;
  if (y.size() >= 3 && Joins(typed, x.substr(0, 1), y)) return 2;
  return x.size() >= 3 && Joins(typed, x, y.substr(0, 1)) ? 2 : 0;
}

// The form of `typed` against the two names `a` then `b`.
NameForm FormOf(std::string_view typed, std::string_view a, std::string_view b) {
  switch (WritesInOrder(typed, b, a)) {
    case 1: return NameForm::kOtherOrder;
    case 2: return NameForm::kOtherOrderInitial;
  }
  // The same names whole in the same order are another separator: the
  // edit rules' business (john_smith for john.smith).
  return WritesInOrder(typed, a, b) == 2 ? NameForm::kSameOrderInitial : NameForm::kNone;
}

}  // namespace

NameForm OtherNameForm(std::string_view typed, std::string_view known) {
  if (typed == known || typed.size() < 3 || typed.size() > 64) return NameForm::kNone;
  const size_t sep = std::find_if(known.begin(), known.end(), IsSeparator) - known.begin();
  if (sep < known.size()) {
    std::string_view a = known.substr(0, sep), b = known.substr(sep + 1);
    if (a.size() < 2 || b.size() < 2 || !Letters(a) || !Letters(b)) return NameForm::kNone;
    return FormOf(typed, a, b);
  }
  if (known.size() < 6 || !Letters(known)) return NameForm::kNone;
  for (size_t cut = 3; cut + 3 <= known.size(); ++cut) {
    NameForm form = FormOf(typed, known.substr(0, cut), known.substr(cut));
    if (form != NameForm::kNone) return form;
  }
  return NameForm::kNone;
}

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
