// The mbox "From " separator line (RFC 4155 section 2, qmail mbox(5)):
// "From SENDER DATE", SENDER the envelope sender (an address, or
// MAILER-DAEMON, "-" from some writers), DATE in asctime(3) form,
// "Wed Nov  5 10:00:00 2025", the delivery agent's local time without a
// zone, read as UTC. Some writers (Google Takeout) put a numeric zone
// before the year, "Wed Nov 05 10:00:00 +0000 2025": then it is applied.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_MBOX_FROM_LINE_H_
#define NEARMISS_CONTENT_MBOX_FROM_LINE_H_

#include <cstdint>
#include <string_view>

namespace nearmiss::content {

// Unix seconds of `line`'s date, extra words after the year allowed
// ("... 2025 remote from x"); 0 when the line has no date of that form,
// and for the epoch or before ("Thu Jan  1 00:00:00 1970", written by
// tools with no time to give): a From_ line all the same, but no time.
// The sender may itself hold blanks ("From \"a b\"@x.org ..."), so the
// date is found by its shape, not by counting words.
int64_t MboxFromLineTime(std::string_view line);

// True when `line` (its line end, "\n" or "\r\n", allowed) has the From_
// shape: "From ", a non-empty sender, a blank, then a date MboxFromLineTime
// reads. "From here on the text continues" in a body does not.
bool IsMboxFromLine(std::string_view line);

// True when `line` (its line end allowed) is a whole From_ line as mbox
// writers put it, nothing else on it:
//   "From" SP SENDER SP+ DATE [SP ZONE] [SP "remote from" SP HOST]
// SENDER one token: an address (a quoted local part allowed), a bare local
// name, MAILER-DAEMON or "-"; DATE asctime(3) with a three-letter day,
// a numeric zone before the year allowed (MboxFromLineTime); ZONE "+hhmm",
// "-hhmm" or 2-5 capitals. The forms: Postfix local(8) "From %s  %.24s"
// (mail_copy.c, two blanks), mutt and procmail/formail "From %s %s",
// Thunderbird "From - Mon Jan  1 00:00:00 2026", Google Takeout, UUCP
// "remote from". Prose that starts "From " ("From the desk of ...", "From
// John, Mon Jan  5 10:00:00 2026 ...") is not one: its sender has blanks or
// words follow the date. Stricter than IsMboxFromLine, for a separator with
// no empty line before it (mbox_split.h).
bool IsFullMboxFromLine(std::string_view line);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MBOX_FROM_LINE_H_
