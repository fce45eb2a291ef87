// The answer about one recipient: its class, why, and what to type instead.
//
// These are the words of DESIGN.md's vocabulary; their names are defined in
// the small vocab library (src/vocab/) that every module may link. A
// RecipientCheck is a plain value; JSON and human renderings live with the
// shells (CLI, API).
#ifndef NEARMISS_VERDICT_H_
#define NEARMISS_VERDICT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss {

enum class Verdict { kTrusted, kExternal, kLookalike, kBlocked, kInvalid };

// "trusted", "external", "lookalike", "blocked", "invalid".
std::string_view VerdictName(Verdict verdict);

// Why a recipient has its class: the closed set of DESIGN.md's reason
// codes. Their names (ReasonCodeName) are stable: policy files match them
// (`reason = [...]`) and JSON output carries them.
enum class ReasonCode : uint8_t {
  // Look-alike classes (lookalike.h).
  kSuffixEdit, kTldSwap, kSuffixDrop, kSuffixTruncate, kSuffixAppend, kLabelTypo,
  kDotOmission, kDotInsertion, kHyphenation, kBitsquat, kHomoglyph,
  // Learned history (history.h).
  kNewDomain, kNewAddress,
  // The other classes, and how the address was read (delivery.h).
  kTrusted, kBlocked, kInvalidAddress, kRoutedAddress, kIrregularAddress,
  // Set by a rule's sensitivity condition, not by the recipient check.
  kSensitivity,
};
inline constexpr int kReasonCodeCount = static_cast<int>(ReasonCode::kSensitivity) + 1;

// "suffix-edit", "tld-swap", ..., "irregular-address", "sensitivity".
std::string_view ReasonCodeName(ReasonCode code);
// The exact names above; nullopt when unknown.
std::optional<ReasonCode> ParseReasonCode(std::string_view name);

struct Reason {
  ReasonCode code;
  std::string message;  // one sentence a sender understands
};

struct RecipientCheck {
  std::string input;       // what was given, verbatim
  std::string address;     // canonical "local@ascii-domain"; empty if invalid
  std::string domain;      // ASCII domain; empty if invalid
  std::string domain_unicode;  // U-label form of `domain`
  Verdict verdict = Verdict::kInvalid;
  std::string target;      // lookalike: the trusted domain it resembles
  std::string suggestion;  // lookalike: the corrected address
  double score = 0;        // lookalike: confidence in [0, 1]
  std::vector<Reason> reasons;
  // Further ASCII domains the address routes through (percent hack, bang
  // path, quoted '@'; nearmiss/delivery.h), each judged too: the verdict
  // is the worst of them and `domain`.
  std::vector<std::string> route_domains;
};

}  // namespace nearmiss

#endif  // NEARMISS_VERDICT_H_
