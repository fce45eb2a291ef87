#include "engine/family_particles.h"

#include <algorithm>
#include <sstream>
#include <utility>

#include "engine/name_text.h"

namespace nearmiss::data {
// data/names/family-particles.txt, compiled in (nm_embed, src/engine/CMakeLists.txt).
extern const std::string_view kFamilyParticles;
}  // namespace nearmiss::data

namespace nearmiss::engine {

Result<std::vector<ParticleGroup>> ParseFamilyParticles(std::string_view text,
                                                        std::string_view source) {
  std::vector<ParticleGroup> out;
  size_t line_no = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream words(line);
    ParticleGroup g;
    bool after_equals = false;
    std::string word;
    while (words >> word) {
      if (word == "=") {
        if (after_equals || g.words.empty()) {
          return NamesLineError(source, line_no, "'=' must follow one or more particles, once");
        }
        after_equals = true;
        continue;
      }
      if (!Letters(word)) {
        std::string what("'");
        what.append(word).append("' is not a lower-case ASCII word (a-z only)");
        return NamesLineError(source, line_no, what);
      }
      (after_equals ? g.shorts : g.words).push_back(std::move(word));
    }
    if (g.words.empty()) continue;
    if (after_equals && g.shorts.empty()) {
      return NamesLineError(source, line_no, "'=' with no short form after it");
    }
    out.push_back(std::move(g));
  }
  return out;
}

const std::vector<ParticleGroup>& FamilyParticles() {
  static const std::vector<ParticleGroup> table = [] {
    Result<std::vector<ParticleGroup>> parsed =
        ParseFamilyParticles(data::kFamilyParticles, "data/names/family-particles.txt");
    return parsed.ok() ? std::move(*parsed) : std::vector<ParticleGroup>();
  }();
  return table;
}

bool IsParticle(std::string_view word) {
  for (const ParticleGroup& g : FamilyParticles()) {
    if (std::find(g.words.begin(), g.words.end(), word) != g.words.end()) return true;
  }
  return false;
}

}  // namespace nearmiss::engine
