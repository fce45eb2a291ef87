// The report's times in words: which are UTC, which were converted to it
// from the zone --log-zone named, and which are shown as written because
// no zone was named (maillog/shown_time.h).
#include <string>
#include <vector>

#include "base/text_format.h"
#include "investigate/render.h"
#include "maillog/log_zone.h"

namespace nearmiss::investigate {
namespace {

// "maillog, maillog.1 and 3 more": the inputs named, a few at most.
std::string Named(const std::vector<std::string>& names) {
  constexpr size_t kNamed = 3;
  std::string out;
  for (size_t i = 0; i < names.size() && i < kNamed; ++i) {
    if (i != 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  if (names.size() > kNamed) out += " and " + Counted(names.size() - kNamed, "more", "more");
  return out;
}

}  // namespace

std::string TimesNote(const Report& rep) {
  std::vector<std::string> zoneless, mbox;
  for (const maillog::LineCounts& c : rep.logs) {
    if (c.zoneless_times != 0) zoneless.push_back(c.file);
  }
  for (const MailboxRead& m : rep.mailboxes) {
    if (m.zoneless_dates != 0) mbox.push_back(m.path);
  }
  std::string out = "Times ending in Z are UTC.";
  if (!zoneless.empty() && maillog::LogZoneStated()) {
    out += " The times " + Named(zoneless) + " wrote without a zone were read in " +
           maillog::LogZoneName() + " and converted to UTC.";
  } else if (!zoneless.empty()) {
    out += " The times " + Named(zoneless) + " wrote without a zone are shown as written, " +
           "without Z: no zone was named for them (audit --log-zone), so their UTC is not " +
           "known; they were read in " + maillog::LogZoneName() +
           " only to put them in order with the others.";
  }
  if (!mbox.empty()) {
    out += " The times of messages " + Named(mbox) +
           " dates by its mbox From_ line (a delivery time written without a zone) are shown "
           "as written, without Z.";
  }
  return out;
}

}  // namespace nearmiss::investigate
