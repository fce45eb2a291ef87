// Auditor's senders read without invisible characters: a client or a
// script that pasted `al<U+2060>ice@army.mil` wrote alice@army.mil's mail,
// and kept as written it was a sender of its own in "by sender", "From
// whom" and the sender count (round 58c's tester 16, finding 2). One rule
// with learn's (history/learn.h, DeliveryCounts::invisible_senders) and the
// engine's (content::WithoutInvisibleCodePoints: Unicode
// Default_Ignorable_Code_Point or Bidi_Control), counted and said.
#include <string>

#include "base/text_format.h"
#include "content/invisible_code_point.h"
#include "investigate/auditor.h"

namespace nearmiss::investigate {

std::string Auditor::VisibleSender(std::string from, const std::string& where) {
  std::string visible = content::WithoutInvisibleCodePoints(from);
  // Nothing dropped, or nothing but invisible characters: as written.
  if (visible.empty()) return from;
  CountInvisibleSender(where);
  return visible;
}

void Auditor::NoteInvisibleSenders() {
  if (invisible_senders_ == 0) return;
  report_->notes.push_back(
      Counted(invisible_senders_, "delivery", "deliveries") +
      " had a sender holding invisible characters (a zero width space, a word joiner, a bidi "
      "mark, ...), read without them, so one mailbox is one sender; first at " +
      first_invisible_sender_ + ".");
}

}  // namespace nearmiss::investigate
