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

std::string MixedZonesNote(const Report& rep) {
  std::vector<std::string> zoned, zoneless;
  for (const maillog::LineCounts& c : rep.logs) {
    if (c.postfix == 0) continue;
    // A file whose stamps changed form part-way (an rsyslog upgrade) is
    // named in both lists.
    if (c.known_zone_postfix_lines != 0) zoned.push_back(c.file);
    if (c.zoneless_times != 0) zoneless.push_back(c.file);
  }
  // Read in the reader's zone only to order them, the zone-less times may
  // be off by as much as a zone's offset (UTC-12 to UTC+14): a hand-off
  // from one kind of log to the other is joined within that much more.
  return "Postfix logs whose times name their zone (" + Named(zoned) +
         ") and logs whose times name none (" + Named(zoneless) + ", read in " +
         maillog::LogZoneName() +
         " only to put them in order) were read together: their clocks may be up to " +
         std::to_string(maillog::LineCounts::kZoneSpread / 3600) +
         " hours apart, so a hand-off from one to the other (\"queued as\" a queue id of "
         "the other log) was followed within the hand-off window widened by that much; "
         "give --log-zone with the zone of the host that wrote the zone-less times to put "
         "them on UTC.";
}

}  // namespace nearmiss::investigate
