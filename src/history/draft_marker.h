// The header fields mail clients write into a message saved as a draft (or
// a template, or queued to send later), which the sent message never
// carries: such a message in a folder given to `learn` was never delivered
// (an unsent draft to a slip made the slip "known"; round 52's tester 14,
// finding 1).
//   X-Unsent: 1                       Outlook's drafts saved as .eml (a
//                                     message opened for editing, not as sent)
//   X-Mozilla-Draft-Info: ...         Thunderbird's Drafts, Templates and
//                                     Unsent Messages (nsMsgCompUtils.cpp)
//   X-Uniform-Type-Identifier: com.apple.mail-draft
//                                     Apple Mail's Drafts
// Thread-safe (pure).
#ifndef NEARMISS_HISTORY_DRAFT_MARKER_H_
#define NEARMISS_HISTORY_DRAFT_MARKER_H_

#include <string>
#include <string_view>

namespace nearmiss::history {

struct DraftMarker {
  std::string field;  // "X-Unsent: 1" as written (unfolded, cut to 80 bytes); "" none
  unsigned line = 0;  // 0-based line of the field within `message`
};

// The first draft marker in `message`'s header (up to its first empty
// line; field names matched without regard to case, values as above).
DraftMarker FindDraftMarker(std::string_view message);

}  // namespace nearmiss::history

#endif  // NEARMISS_HISTORY_DRAFT_MARKER_H_
