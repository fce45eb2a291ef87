// UnspacedSplits: the mbox messages a reader split at a From_ line with no
// empty line before it (ScannedMessage::mbox_unspaced, mbox_split.h),
// counted with the first named, and the note `scan`, `audit` and `learn`
// print, so the three say it in the same words.
//
// Thread safety: none; one per run.
#ifndef NEARMISS_CONTENT_MBOX_UNSPACED_H_
#define NEARMISS_CONTENT_MBOX_UNSPACED_H_

#include <cstdint>
#include <string>

#include "nearmiss/content_reader.h"

namespace nearmiss::content {

struct UnspacedSplits {
  uint64_t count = 0;
  std::string first;  // the first one's source, "Sent.mbox:3"

  void Add(const ScannedMessage& m) {
    if (m.mbox_unspaced && count++ == 0) first = m.source;
  }
  // "" when there were none; else one sentence without a final period:
  // "2 mbox messages began at a From_ line with no empty line before it
  // (first: Sent.mbox:3) ...".
  std::string Note() const;
};

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MBOX_UNSPACED_H_
