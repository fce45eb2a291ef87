// Auditor's evidence of what a message from Exchange's system mailbox
// (maillog/system_sender.h) is. The address sends non-delivery reports,
// but also journal reports (a copy of each journaled message, to the
// journaling address however mistyped), moderation and recall notices: a
// row from it is a bounce only where the logs show one (round 51's tester
// 16, finding 3), never assumed.
#include <string>

#include "base/ascii.h"
#include "investigate/auditor.h"
#include "maillog/system_sender.h"

namespace nearmiss::investigate {
void Auditor::NoteNotices(const maillog::Attempt& a) {
  // Bounded: forgotten past Report::kMaxOpen, the row is then shown as the
  // system mailbox's, not as a bounce (the side that reassures no one).
  if (a.non_delivery_report) {
    if (non_delivery_reports_.size() >= Report::kMaxOpen) non_delivery_reports_.clear();
    non_delivery_reports_.insert(std::string(a.Key()));
  }
  // The mail a sender wrote in: a RECEIVE or other event on its way
  // (a trace's "unknown"), a delivery into a mailbox here, a FAIL, a
  // refusal. Its sender may get the
  // non-delivery report.
  const bool wrote_in = a.status == "bounced" || a.status == "expired" ||
                        a.status == "rejected" || a.status == "internal" ||
                        (a.from_trace && a.status == "unknown");
  if (wrote_in && a.sender_known && !a.sender.empty()) {
    if (wrote_in_.size() >= Report::kMaxOpen) wrote_in_.clear();
    wrote_in_.insert(AsciiLower(a.sender));
  }
}

bool Auditor::ShownNonDelivery(const maillog::Attempt& a, const Row& row) const {
  if (!maillog::IsExchangeSystemMailbox(row.from)) return false;
  return a.non_delivery_report || non_delivery_reports_.contains(std::string(a.Key())) ||
         wrote_in_.contains(AsciiLower(row.to));
}

}  // namespace nearmiss::investigate
