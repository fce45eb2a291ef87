// MailboxDate: when a mailbox message was sent, one rule for `audit` (its
// rows and "since when") and `learn` (the relationship dates), and which
// evidence said so. Mail in a mailbox carries
// no log time: the best witness is the message's own Date: header (RFC 5322
// 3.6.1, set by the sender's client); then the delivery time its container
// recorded: an mbox's "From " separator line (asctime form, the delivery
// agent's local time, no zone; read as UTC; not when other entries of the
// file carry the same time, a tool's stamp, nor before kEarliestDate, an
// unset clock: mbox_stamps.h), a Maildir file name's leading
// seconds (the Maildir convention "1709461502.M1P2.host"), or, for a file
// of its own (.eml, Maildir), the file's modification time.
//
// A Date: that cannot be true is set aside: one more than
// kDateAheadSeconds after the delivery time, or after now, would date the
// message later than it was filed (a client's clock set wrong, a forged
// or mistyped year: "Date: ... 2099"), and a single one would stretch the
// days a correspondent spans. Such a message is dated by its delivery
// time instead (else now), and `set_aside` says so, so callers count it.
// The slack covers clock skew and an mbox From_ line's local time read
// as UTC (at most 14 hours either way).
//
// A Date: far BEFORE it cannot be true either, and is set aside the same
// way: one before kEarliestDate (1990-01-01: the epochs an unset clock
// shows, 1970 for Unix, 1980 for DOS/FAT, fall before it, and no Sent
// folder of today's correspondents holds mail that old), or more than
// kDateBehindSeconds (365 days) before the delivery time (the 2000-01-01
// and 2001-01-01 resets of devices with a dead clock battery, a GPS week
// rollover). 2000-01-01T00:00:00 itself, in any zone, is set aside even
// with no delivery time to compare (a folder of .eml files, whose file
// times are the copy's): it is a reset clock's, not a send time. A Sent
// folder files its copy when the mail is sent, so the
// two are normally seconds apart; a year is far beyond any clock drift and
// still lets a folder moved to a new server (its copies refiled then) keep
// the Date: of its last year. Older copies in such a folder are then dated
// by the move, which can only shorten a correspondent's span: trust is
// never granted early. A Date: a few days or weeks early on a badly set
// clock is not told from the truth. Issue-14 tester, round 3, item 3.
//
// A delivery time (any of the three) more than kDateAheadSeconds after now
// is no time at all: it neither dates the message nor bounds its Date:.
//
// A file's modification time bounds the Date: neither way (it is a
// copy's as often as the delivery's: exported .eml evidence copied onto
// an analysis machine); it dates only a message without a believable
// Date: (breaker round 16 §7).
//
// Thread safety: free functions, re-entrant.
#ifndef NEARMISS_CONTENT_MAILBOX_DATE_H_
#define NEARMISS_CONTENT_MAILBOX_DATE_H_

#include <cstdint>
#include <string_view>

#include "nearmiss/content_reader.h"

namespace nearmiss::content {

struct MailboxDate {
  int64_t seconds = 0;  // since the epoch; 0 when nothing gave a time
  // "date-header", "resent-date-header" (a re-sent message's Resent-Date,
  // ScannedMessage::resent_dated), "mbox-from-line", "maildir-name",
  // "file-mtime"; "" with seconds 0.
  std::string_view source;
  // The Date: not believed (seconds since the epoch), 0 when none was.
  int64_t set_aside = 0;
  // The delivery time its container recorded (mbox From_ line, Maildir
  // name; not a file's time, which a copy sets; 0 when none), also when
  // the Date: was believed: a
  // Date: a month or more before it (kDateNotedBehindSeconds) is believed,
  // up to a year (kDateBehindSeconds), since a mailbox
  // imported or converted gets new delivery times while its Date: headers
  // stay true, and an earlier "since when" errs on the side an
  // investigation wants; callers say it (DateLongBeforeDelivery).
  int64_t delivered = 0;
};

inline constexpr int64_t kDateNotedBehindSeconds = 30 * 86400;

// True when `d` came from the Date: header and that is more than
// kDateNotedBehindSeconds before the delivery time (a mistyped month, or a
// mailbox imported later): the date is kept, and a report says how many
// such messages it holds. (More than kDateBehindSeconds before, or before
// kEarliestDate, the Date: is not believed at all: MessageDate.)
inline bool DateLongBeforeDelivery(const MailboxDate& d) {
  return (d.source == "date-header" || d.source == "resent-date-header") && d.delivered > 0 &&
         d.seconds + kDateNotedBehindSeconds < d.delivered;
}

inline constexpr int64_t kDateAheadSeconds = 86400;
inline constexpr int64_t kDateBehindSeconds = 365 * 86400;
inline constexpr int64_t kEarliestDate = 631'152'000;  // 1990-01-01T00:00:00Z

// The best date of `m`, in the order above. An mbox message (source
// "path:N", mbox_from_line set) never falls back to the mbox file's
// modification time, which is the last delivery's, not this message's.
// `now` (seconds since the epoch) bounds the Date: as above.
MailboxDate MessageDate(const ScannedMessage& m, int64_t now);

// The delivery time a Maildir file name starts with
// (".../cur/1709461502.M1P2.host:2,S"); 0 when the name is not of that form.
int64_t MaildirNameTime(std::string_view path);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MAILBOX_DATE_H_
