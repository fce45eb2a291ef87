#include "content/inflate_budget.h"

#include <algorithm>
#include <string>

namespace nearmiss::content {

std::optional<LimitHit> ChargeInflated(ExtractBudget& budget,
                                       std::string_view name,
                                       std::string_view where, std::size_t got,
                                       std::size_t inflated,
                                       std::size_t compressed,
                                       std::size_t* used) {
  if (*used + got > budget.per_attachment_bytes) {
    return LimitHit{"max-attachment-bytes",
                    std::string(name) + ": decompressed size exceeds " +
                        std::to_string(budget.per_attachment_bytes) + " bytes"};
  }
  if (got > budget.total_bytes_left) {
    return LimitHit{"max-total-bytes",
                    std::string(name) +
                        ": decompressed size exceeds the message's total budget"};
  }
  *used += got;
  budget.total_bytes_left -= got;
  const std::size_t ratio = inflated / std::max<std::size_t>(compressed, 1);
  if ((inflated > kRatioFloorBytes && ratio > budget.max_compression_ratio) ||
      (inflated > kRunFloorBytes &&
       ratio > std::max(kRunRatio, budget.max_compression_ratio))) {
    return LimitHit{"max-compression-ratio",
                    std::string(where) + ": inflates more than " +
                        std::to_string(budget.max_compression_ratio) +
                        " times its compressed size"};
  }
  if (budget.TimeUp()) {
    return LimitHit{"max-extraction-time",
                    std::string(name) + ": extraction time limit reached"};
  }
  return std::nullopt;
}

}  // namespace nearmiss::content
