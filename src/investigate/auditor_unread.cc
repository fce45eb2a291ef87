// Auditor's look at the delivery lines it could not read: the recipients
// they name (maillog::LineCounts::unread_recipients) judged as a row's
// would be, so that no report says "no message went to a look-alike" over
// a line it left out that names one (issue-16 tester round 43, finding 6).
#include <string>

#include "address/normal_domain.h"
#include "investigate/auditor.h"
#include "maillog/postfix_fields.h"  // AddressDomain

namespace nearmiss::investigate {

void Auditor::JudgeUnread(const maillog::LineCounts& counts) {
  uint64_t last_line = 0;  // the entries come in line order, a line's together
  for (const auto& [line, recipient] : counts.unread_recipients) {
    std::string_view domain = maillog::AddressDomain(recipient);
    if (domain.empty()) continue;
    std::string normal;
    address::NormalDomain(domain, &parsed_, &normal);
    if (normal.empty() || !Classify(normal).flagged) continue;
    ++report_->unread_flagged;
    if (line != last_line) ++report_->unread_flagged_lines;
    last_line = line;
    if (report_->unread_flagged_named.size() < Report::kUnreadFlaggedNamed) {
      std::string named = recipient;
      named += " (";
      named += counts.file;
      named += ':';
      named += std::to_string(line);
      named += ')';
      report_->unread_flagged_named.push_back(std::move(named));
    }
  }
}

}  // namespace nearmiss::investigate
