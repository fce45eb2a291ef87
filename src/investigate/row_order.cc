#include "investigate/row_order.h"

namespace nearmiss::investigate {

void RowOrder::Add(const Row& row) {
  held_.emplace(row.seconds, row);
  if (held_.size() <= max_held_) return;
  write_(held_.begin()->second);
  held_.erase(held_.begin());
}

void RowOrder::Join(const Report::Joined& j) {
  for (auto& [seconds, row] : held_) {
    if (Report::IsJoinedTo(row, j)) Report::JoinInto(row, j);
  }
}

void RowOrder::Flush() {
  for (const auto& [seconds, row] : held_) write_(row);
  held_.clear();
}

}  // namespace nearmiss::investigate
