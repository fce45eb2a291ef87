#include "content/mailbox_date.h"

#include <sys/stat.h>

#include <cctype>
#include <string>

namespace nearmiss::content {

int64_t MaildirNameTime(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  int64_t t = 0;
  size_t i = 0;
  for (; i < name.size() && i < 12 && std::isdigit(static_cast<unsigned char>(name[i])); ++i) {
    t = t * 10 + (name[i] - '0');
  }
  return i >= 9 && i < name.size() && name[i] == '.' ? t : 0;
}

namespace {

// The delivery time its container recorded, without the Date:.
MailboxDate DeliveryDate(const ScannedMessage& m) {
  if (!m.mbox_from_line.empty()) {
    // The reader read its time into delivered, 0 for a stamp several
    // entries share (mbox_stamps.h). A time before kEarliestDate is an
    // unset clock's ("Fri Jan  2 00:00:00 1970"), no delivery either.
    return m.delivered >= kEarliestDate ? MailboxDate{m.delivered, "mbox-from-line"}
                                        : MailboxDate{};
  }
  if (int64_t t = MaildirNameTime(m.source); t > 0) return {t, "maildir-name"};
  struct stat st;
  if (m.source != "-" && ::stat(m.source.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    return {static_cast<int64_t>(st.st_mtime), "file-mtime"};
  }
  return {};
}

}  // namespace

MailboxDate MessageDate(const ScannedMessage& m, int64_t now) {
  MailboxDate delivery = DeliveryDate(m);
  // A delivery time after now cannot be true either (a Maildir name copied
  // from a machine with its clock set wrong, a file touched with a future
  // time): it dates nothing and bounds nothing, or one such message would
  // make a correspondent "last seen" years ahead (round 46's tester 14, 7).
  if (now > 0 && delivery.seconds > now + kDateAheadSeconds) delivery = MailboxDate{};
  if (m.date <= 0) return delivery;
  // A file's modification time is a copy's as often as the delivery's (an
  // investigator's exported .eml copied onto the analysis machine is
  // dated by the copy): no evidence against the Date:, either way. Only a
  // delivery record (mbox From_ line, Maildir name) bounds it (breaker
  // round 16 §7: a lone .eml of 2025 copied in 2026 was dated by the copy).
  const int64_t recorded = delivery.source == "file-mtime" ? 0 : delivery.seconds;
  int64_t bound = now;
  if (recorded > 0 && (bound <= 0 || recorded < bound)) bound = recorded;
  // 2000-01-01T00:00:00 in any zone: the date a scanner's, a printer's
  // or an embedded device's clock falls back to when reset, no more a
  // send time than the 1970 epoch (round 50's tester 14, finding 2).
  constexpr int64_t kY2k = 946'684'800;  // 2000-01-01T00:00:00Z
  const bool clock_reset = m.date >= kY2k - 14 * 3600 && m.date <= kY2k + 14 * 3600 &&
                           m.date % 900 == 0;
  const bool too_early = m.date < kEarliestDate || clock_reset ||
                         (recorded > 0 && m.date < recorded - kDateBehindSeconds);
  if (!too_early && (bound <= 0 || m.date <= bound + kDateAheadSeconds)) {
    return {m.date, m.resent_dated ? "resent-date-header" : "date-header", 0, recorded};
  }
  delivery.set_aside = m.date;
  return delivery;
}

}  // namespace nearmiss::content
