#include "engine/address_typo_learned_shape.h"

#include <algorithm>
#include <string>
#include <vector>

#include "engine/family_particles.h"
#include "engine/name_groups.h"
#include "engine/name_words.h"

namespace nearmiss::engine {
namespace {

// A run of learned words never spans more than this many.
constexpr size_t kMaxRun = 3;

struct Cover {
  size_t words = 0;   // learned words written
  size_t whole = 0;   // parts written whole (two letters or more)
  size_t letters = 0;
};

// Whether parts[i..] are each a run of unused consecutive learned words,
// whole or as initials; `cover` sums the written parts.
bool Covers(const Parts& parts, size_t i, const std::vector<std::string>& learned,
            std::vector<bool>* used, Cover* cover) {
  if (i == parts.n) return true;
  const std::string_view part = parts.p[i];
  for (size_t start = 0; start < learned.size(); ++start) {
    std::string whole, initials;
    for (size_t end = start; end < learned.size() && end - start < kMaxRun; ++end) {
      if ((*used)[end]) break;
      whole += learned[end];
      initials += learned[end].substr(0, 1);
      const bool as_whole = part == whole && part.size() >= 2;
      if (!as_whole && part != initials) continue;
      for (size_t k = start; k <= end; ++k) (*used)[k] = true;
      Cover next = *cover;
      next.words += end - start + 1;
      next.whole += as_whole ? 1 : 0;
      next.letters += part.size();
      if (Covers(parts, i + 1, learned, used, &next)) {
        *cover = next;
        return true;
      }
      for (size_t k = start; k <= end; ++k) (*used)[k] = false;
    }
  }
  return false;
}

// Whether `parts` writes `learned` so (Covers), with what it wrote and
// which learned words (`used`).
bool Writes(const Parts& parts, const std::vector<std::string>& learned, Cover* cover,
            std::vector<bool>* used) {
  if (parts.n == 0) return false;
  for (size_t i = 0; i < parts.n; ++i) {
    if (parts.p[i].empty()) return false;
  }
  used->assign(learned.size(), false);
  *cover = Cover{};
  return Covers(parts, 0, learned, used, cover) && cover->whole >= 1 && cover->words >= 2;
}

// Whether the typed and the known parts write the same learned words but
// one each, those two words of one hyphenated group (`groups`), the typed
// one written whole (three letters or more): one half of a double family
// name written for the other.
bool OtherHalfOfGroup(const Parts& typed, const std::vector<std::string>& learned,
                      const std::vector<bool>& typed_words, const std::vector<bool>& known_words,
                      const std::vector<std::vector<std::string>>& groups) {
  size_t only_typed = learned.size(), only_known = learned.size();
  for (size_t i = 0; i < learned.size(); ++i) {
    // maria.dasilva for maria.santos ("Maria da Silva Santos"): the
    // particle written with its name is no other word.
    if (typed_words[i] == known_words[i] || IsParticle(learned[i])) continue;
    size_t& slot = typed_words[i] ? only_typed : only_known;
    if (slot != learned.size()) return false;
    slot = i;
  }
  if (only_typed == learned.size() || only_known == learned.size()) return false;
  const std::string& t = learned[only_typed];
  const std::string& k = learned[only_known];
  bool whole = false;
  for (size_t i = 0; i < typed.n; ++i) {
    const std::string_view p = typed.p[i];
    whole |= p == t || (p.size() > t.size() && p.ends_with(t) &&
                        IsParticle(p.substr(0, p.size() - t.size())));
  }
  if (!whole || t.size() < 3) return false;
  return std::any_of(groups.begin(), groups.end(), [&](const std::vector<std::string>& g) {
    return std::find(g.begin(), g.end(), t) != g.end() && std::find(g.begin(), g.end(), k) != g.end();
  });
}

}  // namespace

Shape LearnedNameShapeOf(const Parts& typed, const Parts& known,
                         std::string_view learned_display, bool crowded) {
  if (crowded || learned_display.empty() || typed.n < 2) return {};
  bool same = typed.n == known.n;
  for (size_t i = 0; same && i < typed.n; ++i) same = typed.p[i] == known.p[i];
  if (same) return {};
  std::vector<std::vector<std::string>> groups = HyphenedGroups(learned_display);
  for (auto& g : ParticleDoubleFamilies(learned_display)) groups.push_back(std::move(g));
  for (const std::vector<std::string>& learned : NameWordLists(learned_display)) {
    Cover t, k;
    std::vector<bool> typed_words, known_words;
    // The same words of the name, each in its own shape: maria.rossi
    // for anna.rossi, both of "Anna Maria Rossi", may be another person.
    if (!Writes(typed, learned, &t, &typed_words) || !Writes(known, learned, &k, &known_words)) {
      continue;
    }
    if (typed_words != known_words) {
      // But one half of a double family name for the other:
      // ngozi.adeyemi for ngozi.okonkwo learned as "Ngozi
      // Okonkwo-Adeyemi" (docs/policy.md, family-group).
      if (OtherHalfOfGroup(typed, learned, typed_words, known_words, groups)) {
        return {SlipKind::kFamilyGroup, 0.7};
      }
      continue;
    }
    if (t.letters > k.letters) return {SlipKind::kLongForm, 0.65};
    // As many letters in other parts (a.ngata for aroha.n): a shortening
    // too, of another part.
    return {SlipKind::kShortenedParts, 0.7};
  }
  return {};
}

}  // namespace nearmiss::engine
