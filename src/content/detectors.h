// Built-in detectors for personal and financial data: each is a Vectorscan
// candidate pattern (cheap, loose) plus a validator that cuts the false
// positives a regex alone would report.
#ifndef NEARMISS_CONTENT_DETECTORS_H_
#define NEARMISS_CONTENT_DETECTORS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nearmiss::content {

enum class DetectorKind { kPaymentCard, kUkNino, kUsSsn, kIban, kNhsNumber };

struct DetectorSpec {
  DetectorKind kind;
  std::string_view name;        // Finding::marking: "payment-card"
  std::string_view expression;  // Vectorscan candidate pattern
  bool caseless;
};

// The detectors, in DetectorKind order.
const DetectorSpec& GetDetectorSpec(DetectorKind kind);

// Validators: `candidate` may contain spaces or dashes between digit groups.
bool LuhnValid(std::string_view digits);  // digits only
bool IsPaymentCard(std::string_view candidate);
bool IsUkNino(std::string_view candidate);
bool IsUsSsn(std::string_view candidate);
bool IsIban(std::string_view candidate);
// An NHS number (NHS Digital, NHS Data Model and Dictionary, "NHS NUMBER":
// ten digits, the tenth a Modulus 11 check digit over the first nine
// weighted 10 down to 2; a check of 10 is never issued), written whole or
// 3-3-4 with blanks or dashes. Numbers of one repeated digit are refused.
bool IsNhsNumber(std::string_view candidate);

struct DetectorHit {
  std::size_t begin;
  std::size_t end;
  std::string masked;  // safe to print or log
};

// Given a candidate match [begin, end) in `text`, settles its exact extent
// (card and IBAN candidates may match a prefix of a longer group run),
// validates it and returns the hit, or nullopt.
std::optional<DetectorHit> ConfirmDetector(DetectorKind kind,
                                           std::string_view text,
                                           std::size_t begin, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_DETECTORS_H_
