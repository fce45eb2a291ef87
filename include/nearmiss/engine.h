// Engine: a policy and its data compiled once, checked many times.
//
// Compile turns a Policy plus the embedded lists into an immutable Engine
// (the look-alike index, the block list). CheckRecipient then answers for one
// address in microseconds without allocating more than its answer.
//
// Thread safety: a compiled Engine is immutable; every const method may be
// called from any number of threads. Reload by compiling a new Engine and
// swapping a shared_ptr.
#ifndef NEARMISS_ENGINE_H_
#define NEARMISS_ENGINE_H_

#include <memory>
#include <string_view>

#include "nearmiss/lookalike.h"
#include "nearmiss/policy.h"
#include "nearmiss/status.h"
#include "nearmiss/verdict.h"

namespace nearmiss {

struct EngineStats {
  size_t trusted_entries = 0;  // after de-duplication
  size_t blocked_entries = 0;
};

class Engine {
 public:
  // Errors name the entry and where it came from.
  static Result<std::shared_ptr<const Engine>> Compile(const Policy& policy);

  // Parses `input` (any form ParseAddress takes) and classifies it:
  // invalid, then allowlisted (trusted), blocked, trusted, look-alike,
  // external, in that order of precedence.
  RecipientCheck CheckRecipient(std::string_view input) const;

  EngineStats stats() const { return stats_; }
  const Policy& policy() const { return policy_; }

 private:
  Engine() = default;
  // The block entry covering `ascii` ("army.ml" under ".ml"), or null.
  const DomainItem* BlockedBy(std::string_view ascii) const;

  Policy policy_;
  EngineStats stats_;
  std::unique_ptr<const LookalikeDetector> detector_;
};

}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_H_
