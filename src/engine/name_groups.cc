#include "engine/name_groups.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/family_particles.h"
#include "engine/name_text.h"
#include "engine/name_words.h"
#include "engine/person_names.h"

namespace nearmiss::data {
// data/names/compound-given-prefixes.txt, compiled in (nm_embed,
// src/engine/CMakeLists.txt).
extern const std::string_view kCompoundGivenPrefixes;
}  // namespace nearmiss::data

namespace nearmiss::engine {
namespace {

using NameRun = std::vector<std::string>;

const std::unordered_set<std::string_view>& CompoundPrefixes() {
  static const std::unordered_set<std::string_view> words = NameWordSet(data::kCompoundGivenPrefixes);
  return words;
}

struct NameGroup {
  NameRun parts;
  bool prefix = false;  // a compound given name's prefix and its name
};

void AddNameGroup(NameGroup g, std::vector<NameGroup>* out) {
  for (const NameGroup& o : *out) {
    if (o.parts == g.parts) return;
  }
  out->push_back(std::move(g));
}

// The prefix runs of `lists` (NameWordLists): a prefix, the articles after
// it ("Abd al-Aziz"), and the name they lead to.
void AddPrefixGroups(const std::vector<NameRun>& lists, std::vector<NameGroup>* out) {
  for (const NameRun& words : lists) {
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (!IsCompoundGivenPrefix(words[i])) continue;
      size_t j = i + 1;
      while (j + 1 < words.size() && IsParticle(words[j])) ++j;
      AddNameGroup({NameRun(words.begin() + static_cast<std::ptrdiff_t>(i),
                      words.begin() + static_cast<std::ptrdiff_t>(j) + 1),
                true},
               out);
    }
  }
}

std::vector<NameGroup> NameGroupsOf(std::string_view display, const std::vector<NameRun>& lists) {
  std::vector<NameGroup> out;
  for (NameRun& g : HyphenedGroups(display)) AddNameGroup({std::move(g), false}, &out);
  AddPrefixGroups(lists, &out);
  return out;
}

bool IsInitialOfWord(std::string_view part, std::string_view word) {
  return part.size() == 1 && word.size() >= 2 && word[0] == part[0];
}

bool PartFits(std::string_view part, std::string_view word) {
  return part == word || IsInitialOfWord(part, word);
}

std::string JoinedParts(const NameRun& parts) {
  std::string out;
  for (const std::string& p : parts) out += p;
  return out;
}

// Whether `g` is written whole in one of `lists`: joined as one word, or
// its parts in order (each the word or its initial); with `near_miss`, also
// as a near miss of as many words in order ("Abdul Rahmen", NearNameWord).
bool WrittenWhole(const NameRun& g, const std::vector<NameRun>& lists, bool near_miss) {
  const std::string joined = JoinedParts(g);
  for (const NameRun& words : lists) {
    if (std::find(words.begin(), words.end(), joined) != words.end()) return true;
    for (size_t i = 0; i + g.size() <= words.size(); ++i) {
      bool all = true;
      for (size_t j = 0; j < g.size() && all; ++j) all = PartFits(g[j], words[i + j]);
      if (all) return true;
      const NameRun there(words.begin() + static_cast<std::ptrdiff_t>(i),
                          words.begin() + static_cast<std::ptrdiff_t>(i + g.size()));
      if (near_miss && NearNameWord(joined, JoinedParts(there))) return true;
    }
  }
  return false;
}

// The words of `lists` a part of `g` is, or is the initial of.
NameRun TouchedWords(const NameRun& g, const std::vector<NameRun>& lists) {
  NameRun out;
  for (const NameRun& words : lists) {
    for (const std::string& w : words) {
      const bool hit = std::any_of(g.begin(), g.end(), [&](const std::string& p) {
        return (p.size() >= 2 || w.size() >= 2) && PartFits(p, w);
      });
      if (hit && std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
    }
  }
  return out;
}

bool InANameGroup(std::string_view word, const std::vector<NameGroup>& groups) {
  return std::any_of(groups.begin(), groups.end(), [&](const NameGroup& g) {
    return std::find(g.parts.begin(), g.parts.end(), word) != g.parts.end();
  });
}

// The particles of Portuguese, Brazilian and Spanish family names ("de
// la" ends in la).
bool IsIberianParticle(std::string_view w) {
  for (std::string_view p : {"da", "das", "de", "do", "dos", "del", "la"}) {
    if (w == p) return true;
  }
  return false;
}

}  // namespace

bool IsCompoundGivenPrefix(std::string_view word) { return CompoundPrefixes().count(word) > 0; }

bool NameGroupsAgree(std::string_view typed, std::string_view learned, bool near_miss) {
  const std::vector<NameRun> typed_lists = NameWordLists(typed);
  const std::vector<NameRun> learned_lists = NameWordLists(learned);
  const std::vector<NameGroup> learned_groups = NameGroupsOf(learned, learned_lists);
  for (const NameGroup& g : NameGroupsOf(typed, typed_lists)) {
    if (WrittenWhole(g.parts, learned_lists, near_miss)) continue;
    const NameRun touched = TouchedWords(g.parts, learned_lists);
    if (touched.empty()) continue;
    if (g.prefix) return false;
    // A double family name's half stands alone ("Okonkwo-Adeyemi" for
    // "Ngozi Adeyemi"): a learned name's last word; no part of another run
    // ("jun" of "Min-jun") and no given name ("Jean-Luc" is not "Jean").
    for (const std::string& w : touched) {
      if (InANameGroup(w, learned_groups)) return false;
      const bool last = std::any_of(learned_lists.begin(), learned_lists.end(),
                                    [&](const NameRun& l) { return !l.empty() && l.back() == w; });
      if (!last) return false;
    }
  }
  // "Rahman Al-Khalifa" is not "Abdul Rahman Al-Khalifa".
  for (const NameGroup& g : learned_groups) {
    if (!g.prefix || WrittenWhole(g.parts, typed_lists, near_miss)) continue;
    for (const NameRun& words : typed_lists) {
      for (const std::string& w : words) {
        if (w.size() >= 2 && std::find(g.parts.begin(), g.parts.end(), w) != g.parts.end()) {
          return false;
        }
      }
    }
  }
  return true;
}

namespace {

// Assigns parts[i..] to runs of unused consecutive words; `joined` counts
// the runs of two words or more.
bool AssignJoinedRuns(const NameRun& parts, size_t i, const NameRun& words, std::vector<bool>* used,
                bool joined) {
  if (i == parts.size()) return joined;
  for (size_t start = 0; start < words.size(); ++start) {
    std::string run;
    for (size_t end = start; end < words.size() && !(*used)[end]; ++end) {
      run += words[end];
      if (run.size() > parts[i].size()) break;
      if (run != parts[i]) continue;
      for (size_t k = start; k <= end; ++k) (*used)[k] = true;
      const bool ok = AssignJoinedRuns(parts, i + 1, words, used, joined || end > start);
      for (size_t k = start; k <= end; ++k) (*used)[k] = false;
      if (ok) return true;
    }
  }
  return false;
}

}  // namespace

bool LocalPartJoinsNameWords(std::string_view local, std::string_view display) {
  NameRun parts;
  std::string part;
  for (size_t i = 0; i <= local.size(); ++i) {
    const char c = i < local.size() ? local[i] : '.';
    if (c == '.' || c == '_' || c == '-') {
      if (!part.empty()) parts.push_back(std::move(part));
      part.clear();
    } else {
      part += c;
    }
  }
  if (parts.empty() || parts.size() > 6) return false;
  for (const NameRun& words : NameWordLists(display)) {
    std::vector<bool> used(words.size());
    if (AssignJoinedRuns(parts, 0, words, &used, false)) return true;
  }
  return false;
}

std::vector<std::vector<std::string>> ParticleDoubleFamilies(std::string_view display) {
  std::vector<std::vector<std::string>> out;
  for (const NameRun& words : NameWordLists(display)) {
    // given... PARTICLE [PARTICLE] NAME NAME
    const size_t n = words.size();
    if (n < 4 || IsParticle(words[n - 1]) || IsParticle(words[n - 2]) ||
        !IsIberianParticle(words[n - 3])) {
      continue;
    }
    NameRun group{words[n - 2], words[n - 1]};
    if (std::find(out.begin(), out.end(), group) == out.end()) out.push_back(std::move(group));
  }
  return out;
}

std::string LocalPartAsName(std::string_view address) {
  std::string out(address.substr(0, address.rfind('@')));
  for (char& c : out) {
    if (c == '.' || c == '_' || c == '-' || c == '+') c = ' ';
  }
  return out;
}

Status CheckCompoundGivenPrefixes() {
  return CheckNameWords(data::kCompoundGivenPrefixes, "data/names/compound-given-prefixes.txt");
}

}  // namespace nearmiss::engine
