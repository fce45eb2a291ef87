#include "content/mbox_unspaced.h"

#include "base/text_format.h"

namespace nearmiss::content {

std::string UnspacedSplits::Note() const {
  if (count == 0) return {};
  // Why it is said: RFC 4155 wants the empty line, so a reader who counts
  // the messages another way should know where the counts part.
  std::string out = Counted(count, "mbox message began", "mbox messages began");
  out += " at a From_ line with no empty line before it (first: ";
  out += first;
  out += "): split there, as the whole From_ line and the header field after it say; "
         "RFC 4155 wants an empty line first";
  return out;
}

}  // namespace nearmiss::content
