// Names of the recipient classes, reason codes and address-typo kinds
// (verdict.h).
#include <array>

#include "nearmiss/verdict.h"
#include "vocab/name_table.h"

namespace nearmiss {
namespace {

constexpr std::array<std::string_view, kReasonCodeCount> kReasonNames = {
    "suffix-edit",    "tld-swap",       "suffix-drop",     "suffix-truncate",
    "suffix-append",  "label-typo",     "dot-omission",    "dot-insertion",
    "hyphenation",    "bitsquat",       "homoglyph",       "provider-host",
    "tld-not-delegated", "special-use-name",
    "real-neighbour", "short-name-slip", "sister-zone", "new-domain",   "new-address",   "address-typo",
    "trusted",        "blocked",        "invalid-address",
    "routed-address", "irregular-address", "invisible-character",
    "sensitivity"};

constexpr std::array<std::string_view, kAddressTypoKindCount> kAddressTypoKindNames = {
    "edit",          "swapped-parts",     "shortened-parts",  "initial-after-family",
    "other-family-name", "display-name",  "display-address",  "number",
    "digit",         "long-form",         "homoglyph",        "neighbour-domain",
    "given-name-form", "family-group",    "swapped-initial",
    "other-given-name", "other-domain", "blended-names", "other-common-family-name"};

}  // namespace

std::string_view AddressTypoKindName(AddressTypoKind kind) {
  return kAddressTypoKindNames[static_cast<size_t>(kind)];
}

std::optional<AddressTypoKind> ParseAddressTypoKind(std::string_view name) {
  return vocab::ParseByName<AddressTypoKind>(kAddressTypoKindNames, name);
}

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
  return vocab::ParseByName<ReasonCode>(kReasonNames, name);
}

}  // namespace nearmiss
