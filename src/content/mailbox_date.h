// MailboxDate: when a mailbox message was sent, one rule for `audit` (its
// rows and "since when") and `learn` (the relationship dates), and which
// evidence said so. Mail in a mailbox carries
// no log time: the best witness is the message's own Date: header (RFC 5322
// 3.6.1, set by the sender's client); then the delivery time its container
// recorded: an mbox's "From " separator line (asctime form, the delivery
// agent's local time, no zone; read as UTC), a Maildir file name's leading
// seconds (the Maildir convention "1709461502.M1P2.host"), or, for a file
// of its own (.eml, Maildir), the file's modification time.
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
  // "date-header", "mbox-from-line", "maildir-name", "file-mtime"; "" with
  // seconds 0.
  std::string_view source;
};

// The best date of `m`, in the order above. An mbox message (source
// "path:N", mbox_from_line set) never falls back to the mbox file's
// modification time, which is the last delivery's, not this message's.
MailboxDate MessageDate(const ScannedMessage& m);

// The delivery time a Maildir file name starts with
// (".../cur/1709461502.M1P2.host:2,S"); 0 when the name is not of that form.
int64_t MaildirNameTime(std::string_view path);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MAILBOX_DATE_H_
