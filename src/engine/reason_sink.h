// ReasonSink: adds reasons to a RecipientCheck that is being refilled,
// reusing the Reason elements (and so the capacity of their strings) the
// previous check left behind, so a warm check allocates nothing for them.
//
// Not thread-safe: one sink per check in progress.
#ifndef NEARMISS_ENGINE_REASON_SINK_H_
#define NEARMISS_ENGINE_REASON_SINK_H_

#include <cstddef>
#include <vector>

#include "nearmiss/verdict.h"

namespace nearmiss::engine {

class ReasonSink {
 public:
  // Starts an empty list in `reasons`; its old elements are slots to reuse.
  explicit ReasonSink(std::vector<Reason>& reasons) : reasons_(reasons) {}

  // The next reason, code set, every other field empty.
  Reason& Add(ReasonCode code) {
    if (used_ == reasons_.size()) reasons_.emplace_back();
    Reason& r = reasons_[used_++];
    r.code = code;
    r.subject.clear();
    r.object.clear();
    r.detail.clear();
    r.history.clear();
    r.scope.clear();
    r.source = TrustSource::kProtected;
    r.form = SensitivityForm::kMarked;
    return r;
  }

  // Drops the slots this check did not use: the vector is the list again.
  // Call before reading or rearranging the vector directly.
  void Finish() { reasons_.resize(used_); }

  // After the vector was changed directly: add after its last element.
  void Resume() { used_ = reasons_.size(); }

 private:
  std::vector<Reason>& reasons_;
  std::size_t used_ = 0;
};

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_REASON_SINK_H_
