// Names of the recipient classes and reason codes (verdict.h).
#include <array>

#include "nearmiss/verdict.h"

namespace nearmiss {
namespace {

constexpr std::array<std::string_view, kReasonCodeCount> kReasonNames = {
    "suffix-edit",    "tld-swap",       "suffix-drop",     "suffix-truncate",
    "suffix-append",  "label-typo",     "dot-omission",    "dot-insertion",
    "hyphenation",    "bitsquat",       "homoglyph",       "tld-not-delegated",
    "real-neighbour", "new-domain",     "new-address",     "address-typo",
    "trusted",        "blocked",        "invalid-address",
    "routed-address", "irregular-address", "sensitivity"};

}  // namespace

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kTrusted: return "trusted";
    case Verdict::kExternal: return "external";
    case Verdict::kLookalike: return "lookalike";
    case Verdict::kBlocked: return "blocked";
    case Verdict::kInvalid: return "invalid";
  }
  return "invalid";
}

std::string_view ReasonCodeName(ReasonCode code) {
  return kReasonNames[static_cast<size_t>(code)];
}

std::optional<ReasonCode> ParseReasonCode(std::string_view name) {
  for (size_t i = 0; i < kReasonNames.size(); ++i) {
    if (kReasonNames[i] == name) return static_cast<ReasonCode>(i);
  }
  return std::nullopt;
}

}  // namespace nearmiss
