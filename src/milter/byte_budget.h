// ByteBudget: one bound on the message bytes every session of a milter
// buffers at once, so many slow or stalled peers cannot together take the
// daemon's memory (each alone is bounded by [limits] max_message_bytes).
// BudgetCharge is one transaction's share: it grows with the buffer's
// capacity and is given back when the transaction ends, however it ends
// (end of message, abort, a closed or timed-out connection).
//
// Units: bytes of buffer capacity (what the allocator holds), not bytes
// received. Thread safety: ByteBudget is shared by the I/O thread and the
// scan workers (a finished scan frees its transaction there): atomic. A
// BudgetCharge belongs to one transaction; move-only.
#ifndef NEARMISS_MILTER_BYTE_BUDGET_H_
#define NEARMISS_MILTER_BYTE_BUDGET_H_

#include <atomic>
#include <cstddef>
#include <memory>
#include <utility>

namespace nearmiss::milter {

class ByteBudget {
 public:
  explicit ByteBudget(size_t limit) : limit_(limit) {}

  // Takes `n` bytes if they fit under the limit; false (nothing taken) if not.
  bool TryTake(size_t n) {
    size_t used = used_.load(std::memory_order_relaxed);
    do {
      if (n > limit_ || used > limit_ - n) {
        refused_.fetch_add(1, std::memory_order_relaxed);
        return false;
      }
    } while (!used_.compare_exchange_weak(used, used + n, std::memory_order_relaxed));
    return true;
  }
  void Give(size_t n) { used_.fetch_sub(n, std::memory_order_relaxed); }

  size_t limit() const { return limit_; }
  size_t used() const { return used_.load(std::memory_order_relaxed); }
  // Growths refused since start (each one a message answered with tempfail).
  size_t refused() const { return refused_.load(std::memory_order_relaxed); }

 private:
  const size_t limit_;
  std::atomic<size_t> used_{0};
  std::atomic<size_t> refused_{0};
};

class BudgetCharge {
 public:
  BudgetCharge() = default;
  explicit BudgetCharge(std::shared_ptr<ByteBudget> budget) : budget_(std::move(budget)) {}
  BudgetCharge(BudgetCharge&& o) noexcept
      : budget_(std::move(o.budget_)), held_(std::exchange(o.held_, 0)) {}
  BudgetCharge& operator=(BudgetCharge&& o) noexcept {
    if (this != &o) {
      Release();
      budget_ = std::move(o.budget_);
      held_ = std::exchange(o.held_, 0);
    }
    return *this;
  }
  ~BudgetCharge() { Release(); }

  // Holds `n` bytes in all; false (the old amount kept) if the budget
  // cannot give the growth. No budget: always true.
  bool Resize(size_t n) {
    if (!budget_) return true;
    if (n > held_ && !budget_->TryTake(n - held_)) return false;
    if (n < held_) budget_->Give(held_ - n);
    held_ = n;
    return true;
  }
  void Release() {
    if (budget_ && held_ > 0) budget_->Give(held_);
    held_ = 0;
  }
  size_t held() const { return held_; }

 private:
  std::shared_ptr<ByteBudget> budget_;
  size_t held_ = 0;
};

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_BYTE_BUDGET_H_
