// MboxStampTimes: the From_ line times of an mbox that are no delivery
// time, found by reading the file's separators once before its messages.
//
// RFC 4155 (section 2) calls the From_ line's timestamp unreliable, and
// writers prove it: a converter (Maildir or PST to mbox, Python's mailbox
// module, an export) stamps every entry with its own run time, git
// format-patch writes "Mon Sep 17 00:00:00 2001" on every one. Such a
// time, read as each message's delivery, dates an 18-month-old Sent folder
// to the day it was converted, and sets aside every true Date: as "more
// than a year before its delivery" (content/mailbox_date.h; issue 14's
// fresh tester, defect 2: 0 of 10 messages dated right). One time that two
// or more entries of a file carry is taken for such a stamp: a Sent folder
// files each copy when it is sent, and two sends in the same second are
// rarer than a stamping tool. Those entries are dated by their Date:
// alone (still not after now, nor before 1990), the rest as before.
//
// The price is one more pass over the file's separator lines (no message
// is parsed or kept); stdin, read once, gets none.
//
// Thread safety: a free function, re-entrant.
#ifndef NEARMISS_CONTENT_MBOX_STAMPS_H_
#define NEARMISS_CONTENT_MBOX_STAMPS_H_

#include <cstdint>
#include <unordered_set>

#include "nearmiss/status.h"

namespace nearmiss::content {

// The From_ times (MboxFromLineTime, unix seconds) that two or more
// entries of the mbox open on `fd` share. Reads with pread(2): `fd`'s
// offset is left as it was. An I/O error is returned as such.
Result<std::unordered_set<int64_t>> MboxStampTimes(int fd);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MBOX_STAMPS_H_
