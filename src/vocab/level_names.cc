// Names of the sensitivity scale and finding strengths
// (content_sensitivity.h).
#include <array>
#include <cctype>

#include "nearmiss/content_sensitivity.h"

namespace nearmiss::content {
namespace {

constexpr std::array<std::string_view, 6> kLevelNames = {
    "none",   "OFFICIAL",   "OFFICIAL-SENSITIVE",
    "SECRET", "TOP SECRET", "unknown-label"};

// Folds case and treats '-', '_' and ' ' alike, so "top-secret" and
// "Official_Sensitive" read as the scale's names.
bool SameLevelName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto fold = [](char c) {
      if (c == '_' || c == '-') return ' ';
      return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    };
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

}  // namespace

std::string_view LevelName(Level level) {
  return kLevelNames[static_cast<std::size_t>(level)];
}

std::optional<Level> ParseLevel(std::string_view name) {
  for (std::size_t i = 0; i < kLevelNames.size(); ++i) {
    if (SameLevelName(name, kLevelNames[i])) return static_cast<Level>(i);
  }
  return std::nullopt;
}

std::string_view StrengthName(Strength strength) {
  return strength == Strength::kStrong ? "strong" : "weak";
}

}  // namespace nearmiss::content
