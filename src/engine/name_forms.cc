#include "engine/name_forms.h"

#include <algorithm>
#include <array>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "engine/address_typo.h"
#include "engine/family_particles.h"
#include "engine/name_text.h"

namespace nearmiss::data {
// data/names/given-name-forms.txt, compiled in (nm_embed, src/engine/CMakeLists.txt).
extern const std::string_view kGivenNameForms;
}  // namespace nearmiss::data

namespace nearmiss::engine {
namespace {

// The table's lines, for the forms of one name (InitialOfForm).
const std::vector<GivenNameForms>& Lines() {
  static const std::vector<GivenNameForms> lines = [] {
    Result<std::vector<GivenNameForms>> parsed =
        ParseGivenNameForms(data::kGivenNameForms, "data/names/given-name-forms.txt");
    return parsed.ok() ? std::move(*parsed) : std::vector<GivenNameForms>();
  }();
  return lines;
}

// The table as looked up: for each word, the NAME it is (if any) and the
// NAMEs it is a form of, by line index.
struct Entry {
  int name = -1;
  std::vector<int> form_of;
};
using Table = std::unordered_map<std::string, Entry>;

const Table& GivenNames() {
  static const Table table = [] {
    // The embedded table is checked by address_typo_round6_test; a broken
    // one compares no forms rather than stopping the guard.
    Table t;
    const std::vector<GivenNameForms>& lines = Lines();
    for (size_t i = 0; i < lines.size(); ++i) {
      const GivenNameForms& g = lines[i];
      t[g.name].name = static_cast<int>(i);
      for (const std::string& f : g.forms) t[f].form_of.push_back(static_cast<int>(i));
    }
    return t;
  }();
  return table;
}

const Entry* Find(std::string_view word) {
  const Table& t = GivenNames();
  auto it = t.find(std::string(word));
  return it == t.end() ? nullptr : &it->second;
}

bool Contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// Whether a form of `given` other than itself (SameGivenName by the table)
// starts with `initial`: 'r' for bob (robert, rob).
bool InitialOfForm(std::string_view given, char initial) {
  const Entry* e = Find(given);
  if (e == nullptr) return false;
  std::vector<int> names = e->form_of;
  if (e->name >= 0) names.push_back(e->name);
  for (int n : names) {
    const GivenNameForms& g = Lines()[static_cast<size_t>(n)];
    if (g.name[0] == initial) return true;
    for (const std::string& f : g.forms) {
      if (f[0] == initial) return true;
    }
  }
  return false;
}

// The separator written after part `p` of a local part (Parts views point
// into it), or 0 at its end.
char SeparatorAfter(std::string_view p, std::string_view whole) {
  size_t end = static_cast<size_t>(p.data() - whole.data()) + p.size();
  return end < whole.size() ? whole[end] : 0;
}

bool GivenMatches(std::string_view typed, std::string_view given) {
  if (typed == given) return true;
  if (typed.size() == 1) return typed[0] == given[0];
  return SameGivenName(typed, given, /*prefixes=*/true);
}

// Whether `fam` is the parts [i, to) of `k` run together, `so_far` before
// them, with any group of particles in them written in a short form of
// data/names/family-particles.txt (van der -> vd: "vdberg" for van.der.berg,
// wherever the group sits). At most kMaxParts parts: a few branches.
bool ShortFormMatches(std::string_view fam, const Parts& k, size_t i, size_t to,
                      std::string& so_far, bool shortened) {
  if (so_far.size() > fam.size() || fam.compare(0, so_far.size(), so_far) != 0) return false;
  if (i == to) return shortened && so_far == fam;
  const size_t mark = so_far.size();
  so_far.append(k.p[i]);
  bool found = ShortFormMatches(fam, k, i + 1, to, so_far, shortened);
  so_far.resize(mark);
  for (const ParticleGroup& g : FamilyParticles()) {
    if (found) break;
    if (g.shorts.empty() || i + g.words.size() >= to) continue;  // a family name must follow
    bool group = true;
    for (size_t w = 0; w < g.words.size() && group; ++w) group = k.p[i + w] == g.words[w];
    if (!group) continue;
    for (const std::string& s : g.shorts) {
      so_far.append(s);
      found = ShortFormMatches(fam, k, i + g.words.size(), to, so_far, true);
      so_far.resize(mark);
      if (found) break;
    }
  }
  return found;
}

// A typed family `fam` written for the family parts [from, to) of `k`.
bool FamilyMatches(std::string_view fam, const Parts& k, size_t from, size_t to) {
  std::string joined;
  for (size_t i = from; i < to; ++i) {
    joined.append(k.p[i]);
    if (!IsParticle(k.p[i]) && k.p[i].size() >= 3 && fam == k.p[i]) return true;
  }
  if (fam == joined) return true;
  std::string so_far;
  if (ShortFormMatches(fam, k, from, to, so_far, /*shortened=*/false)) return true;
  return joined.size() >= 7 && fam.size() <= 64 && OsaDistance(fam, joined, 1) <= 1;
}

// Whether `k`'s parts [from, to) are one family name of several parts: a
// particle before the last, or a double name joined by '-'.
bool FamilyGroup(const Parts& k, size_t from, size_t to, std::string_view known) {
  if (to - from < 2) return false;
  for (size_t i = from; i + 1 < to; ++i) {
    if (IsParticle(k.p[i]) || SeparatorAfter(k.p[i], known) == '-') return true;
  }
  return false;
}

}  // namespace

Result<std::vector<GivenNameForms>> ParseGivenNameForms(std::string_view text,
                                                        std::string_view source) {
  std::vector<GivenNameForms> out;
  size_t line_no = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream words(line);
    GivenNameForms g;
    std::string word;
    while (words >> word) {
      if (!Letters(word)) {
        return NamesLineError(source, line_no,
                              "'" + word + "' is not a lower-case ASCII name (a-z only)");
      }
      if (g.name.empty()) {
        g.name = std::move(word);
      } else {
        g.forms.push_back(std::move(word));
      }
    }
    if (g.name.empty()) continue;
    if (g.forms.empty()) {
      return NamesLineError(source, line_no,
                            "'" + g.name + "' has no form; expected 'NAME FORM [FORM...]'");
    }
    out.push_back(std::move(g));
  }
  return out;
}

bool SameGivenName(std::string_view a, std::string_view b, bool prefixes) {
  if (a == b || !Letters(a) || !Letters(b)) return false;
  const Entry* ea = Find(a);
  const Entry* eb = Find(b);
  if (ea != nullptr && eb != nullptr) {
    if (ea->name >= 0 && Contains(eb->form_of, ea->name)) return true;
    if (eb->name >= 0 && Contains(ea->form_of, eb->name)) return true;
    for (int n : ea->form_of) {
      if (Contains(eb->form_of, n)) return true;
    }
  }
  if (!prefixes) return false;
  std::string_view shorter = a.size() < b.size() ? a : b;
  std::string_view longer = a.size() < b.size() ? b : a;
  return shorter.size() >= 3 && longer.starts_with(shorter);
}

bool OtherGivenForm(const Parts& typed, const Parts& known, bool prefixes_allowed) {
  if (typed.n < 2 || typed.n != known.n) return false;
  size_t differs = known.n;
  for (size_t i = 0; i < known.n; ++i) {
    if (typed.p[i] == known.p[i]) {
      if (typed.p[i].size() < 2) return false;  // an initial: another rule's shape
      continue;
    }
    if (differs != known.n) return false;  // two parts differ: another name
    differs = i;
  }
  if (differs == known.n) return false;
  std::string_view t = typed.p[differs], k = known.p[differs];
  std::string_view longer = t.size() > k.size() ? t : k;
  const Entry* e = Find(longer);
  const bool prefixes = prefixes_allowed && (differs == 0 || (e != nullptr && e->name >= 0));
  return SameGivenName(t, k, prefixes);
}

bool NamesPersonByForm(std::string_view known_key, std::string_view given,
                       std::string_view family, bool prefixes) {
  if (given.empty() || family.empty()) return false;
  const Parts k = Split(known_key);
  if (k.n == 1) {
    // rbrown for "Bob Brown": the initial of another form, run together.
    return known_key.size() == family.size() + 1 && known_key.ends_with(family) &&
           known_key[0] != given[0] && InitialOfForm(given, known_key[0]);
  }
  if (k.n < 2) return false;
  bool has_family = false;
  for (size_t i = 0; i < k.n; ++i) has_family |= k.p[i] == family;
  if (!has_family) return false;
  for (size_t i = 0; i < k.n; ++i) {
    if (k.p[i] != family && SameGivenName(k.p[i], given, prefixes)) return true;
  }
  return false;
}

bool FamilyGroupShortened(std::string_view typed, const Parts& t, const Parts& k, bool given_last) {
  if (k.n < 3) return false;
  // The known local part, whole: Parts views point into it.
  std::string_view known(k.p[0].data(),
                         static_cast<size_t>(k.p[k.n - 1].data() - k.p[0].data()) +
                             k.p[k.n - 1].size());
  // The typed readings: given + family, given first or last, or one word
  // read as an initial and the rest (jvanderberg).
  std::array<std::pair<std::string_view, std::string>, 3> readings;
  size_t n = 0;
  if (t.n >= 2) {
    std::string rest;
    for (size_t i = 1; i < t.n; ++i) rest.append(t.p[i]);
    readings[n++] = {t.p[0], std::move(rest)};
    std::string front;
    for (size_t i = 0; i + 1 < t.n; ++i) front.append(t.p[i]);
    readings[n++] = {t.p[t.n - 1], std::move(front)};
  } else if (t.n == 1 && typed.size() >= 5) {
    readings[n++] = {typed.substr(0, 1), std::string(typed.substr(1))};
  }
  for (size_t r = 0; r < n; ++r) {
    const auto& [given, fam] = readings[r];
    if (fam.size() < 3) continue;
    // Given first: k0 + family k1..; given last: family ..k(n-2) + k(n-1).
    if (FamilyGroup(k, 1, k.n, known) && GivenMatches(given, k.p[0]) &&
        FamilyMatches(fam, k, 1, k.n)) {
      return true;
    }
    if (given_last && FamilyGroup(k, 0, k.n - 1, known) && GivenMatches(given, k.p[k.n - 1]) &&
        FamilyMatches(fam, k, 0, k.n - 1)) {
      return true;
    }
  }
  return false;
}

namespace {

// `k` with each part after the first that starts with a group of
// particles run together (data/names/family-particles.txt) split before
// the name they lead: jan.vanderberg -> jan.van.der.berg,
// maria.delacruz -> maria.de.la.cruz. The name left must be three letters
// or more (de + an of "dean" is no split), and the longest group wins.
// Returns false when nothing was split or the parts would not fit.
bool SplitRunTogetherParticles(const Parts& k, Parts* out) {
  Parts split;
  bool any = false;
  for (size_t i = 0; i < k.n; ++i) {
    std::string_view part = k.p[i];
    const ParticleGroup* best = nullptr;  // the longest group `part` starts with
    size_t best_size = 0;
    // The first part is the given name: never split.
    for (const ParticleGroup& g : FamilyParticles()) {
      if (i == 0) break;
      size_t at = 0;
      bool group = true;
      for (const std::string& w : g.words) {
        group = group && part.substr(at).starts_with(w);
        at += w.size();
      }
      if (group && part.size() >= at + 3 && at > best_size) {
        best = &g;
        best_size = at;
      }
    }
    const size_t pieces = best == nullptr ? 1 : best->words.size() + 1;
    if (split.n + pieces > kMaxParts) return false;
    if (best != nullptr) {
      size_t at = 0;
      for (const std::string& w : best->words) {
        split.p[split.n++] = part.substr(at, w.size());
        at += w.size();
      }
      part.remove_prefix(best_size);
      any = true;
    }
    split.p[split.n++] = part;
  }
  if (any) *out = split;
  return any;
}

}  // namespace

bool RunTogetherParticlesShortened(std::string_view typed, const Parts& t, const Parts& k) {
  Parts split;
  if (!SplitRunTogetherParticles(k, &split)) return false;
  // Typed with the particles run together as the frequent address has them
  // is the same address, or an edit: not this rule's.
  // The parts split are after the given name: the frequent address is
  // read given name first only (berg is no given name of jan.van.der.berg).
  return FamilyGroupShortened(typed, t, split, /*given_last=*/false);
}

namespace {

// The particles both family names start with, run together (van of
// vanbeek and vanbeethoven, dela of delacruz and delarosa;
// data/names/family-particles.txt), the longest group that leaves three
// letters of each; 0 when none. A group of two letters (al, de, la) starts
// too many names as letters of them (alvarez, alvarado) to be read off.
size_t SharedParticles(std::string_view a, std::string_view b) {
  size_t best = 0;
  for (const ParticleGroup& group : FamilyParticles()) {
    std::string joined;
    for (const std::string& w : group.words) joined += w;
    if (joined.size() >= 3 && joined.size() > best && a.size() >= joined.size() + 3 && b.size() >= joined.size() + 3 &&
        a.starts_with(joined) && b.starts_with(joined)) {
      best = joined.size();
    }
  }
  return best;
}

// Two family names that start alike (FamilyNameStartsAlike), typed `a`.
// A particle both start with is no letter of the name typed before the
// completion was picked: van Beek and van Beethoven are two families
// (tester 14-b, finding 3).
bool StartsAlike(std::string_view a, std::string_view b) {
  if (a == b || a.size() < 2) return false;
  const size_t particles = SharedParticles(a, b);
  a.remove_prefix(particles);
  b.remove_prefix(particles);
  const size_t shorter = std::min(a.size(), b.size());
  size_t same = 0;
  while (same < shorter && a[same] == b[same]) ++same;
  // Four letters typed before the completion was picked; or one name the
  // other's beginning (smith, smithson), which three letters make a name.
  return same >= 4 || (same == shorter && shorter >= 3);
}

}  // namespace

bool RunTogetherFamilyStartsAlike(std::string_view typed, std::string_view known) {
  for (size_t cut = 2; cut + 3 <= known.size(); ++cut) {
    const std::string_view given = known.substr(0, cut);
    if (!typed.starts_with(given) || !IsGivenName(given)) continue;
    if (StartsAlike(typed.substr(cut), known.substr(cut))) return true;
  }
  return false;
}

bool FamilyNameStartsAlike(const Parts& typed, const Parts& known, NameOrder order) {
  if (typed.n != 2 || known.n != 2) return false;
  auto alike = [&](size_t given, size_t family) {
    return typed.p[given] == known.p[given] && typed.p[given].size() >= 2 &&
           StartsAlike(typed.p[family], known.p[family]);
  };
  return (order != NameOrder::kFamilyFirst && alike(0, 1)) ||
         (order != NameOrder::kGivenFirst && alike(1, 0));
}

}  // namespace nearmiss::engine
