// The delivery time on an mbox "From " separator line (RFC 4155 section 2:
// "From SENDER DATE", DATE in asctime form, "Wed Nov  5 10:00:00 2025",
// the delivery agent's local time without a zone, read as UTC).
//
// Thread safety: pure function.
#ifndef NEARMISS_CONTENT_MBOX_FROM_LINE_H_
#define NEARMISS_CONTENT_MBOX_FROM_LINE_H_

#include <cstdint>
#include <string_view>

namespace nearmiss::content {

// Unix seconds of `line`'s date, extra words after the year allowed
// ("... 2025 remote from x"); 0 when the line has no date of that form.
// The sender may itself hold blanks ("From \"a b\"@x.org ..."), so the
// date is found by its shape, not by counting words.
int64_t MboxFromLineTime(std::string_view line);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_MBOX_FROM_LINE_H_
