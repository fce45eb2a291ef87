// The cells of a sent-mail CSV (maillog/csv_forms.h) that need more than
// splitting: a recipient cell that lists several addresses, and a date cell
// in the forms exports write (history::Learner::AddCsv).
//
// Thread safety: pure functions (GMime is initialised once, thread-safely,
// by content::EnsureGMimeInitialized).
#ifndef NEARMISS_HISTORY_CSV_CELLS_H_
#define NEARMISS_HISTORY_CSV_CELLS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "maillog/trace_time.h"  // DateOrder

namespace nearmiss::history {

// A recipient cell read as an address list (RFC 5322 section 3.4) by
// GMime's InternetAddressList, after Outlook's separator ';' (outside
// quotes, angle brackets and comments) is read as the list's ','; GMime
// would take it for a group's end and drop what follows. So "a@x; b@y" is
// two recipients and Outlook's pasted "Smith, John <j@x>; Doe, Jane <d@y>"
// two, never split at the comma inside a display name.
struct RecipientCell {
  // Each mailbox's addr-spec as GMime read it ("j@x"), in the cell's order;
  // a group's members are the group's.
  std::vector<std::string> addresses;
  // The cell's text GMime did not account for (a second '@' it dropped in
  // "eve@army.mil@army.ml", a "garbage <<" it skipped): "" when every
  // piece of the cell was read. A cell with such text is not read at all:
  // a recipient guessed from part of it could be the wrong one.
  std::string unread;
};
RecipientCell ReadRecipientCell(std::string_view cell);

// A date cell's time, seconds since 1970; -1 when not read in these forms
// (the caller tries SpreadsheetTime):
//   - seconds since 1970 (at most 11 digits);
//   - a day, "2026-09-01": midnight UTC;
//   - ISO 8601 / RFC 3339 date-times read by GLib's
//     g_date_time_new_from_iso8601, with 'T' or a blank, with or without
//     seconds ("2026-09-01T09:00Z"), a fraction, an offset ("+01:00",
//     "+0100", "+01") or "Z", or a " UTC" / " GMT" suffix for "Z", or
//     "GMT+0100" / "UTC+01:00" for that offset;
//   - RFC 5322 section 3.3 dates ("Tue, 01 Sep 2026 10:00:00 +0100") read
//     by GMime's g_mime_utils_header_decode_date, a month name required;
//     "GMT+0100" is read as +0100 (GMime alone reads it as GMT), and a zone
//     name that is not one of RFC 5322's (UT, GMT, EST, EDT, CST, CDT, MST,
//     MDT, PST, PDT; also UTC and Z) is refused (kUnknownZone), never read
//     as UTC ("BST" is +0100 in London and -0300 in Brazil).
// A time that names no zone is read as UTC less `heading_offset` (the
// date heading's zone: "Date (UTC+01:00)"; maillog::HeadingZone).
int64_t CsvTime(std::string_view value, int64_t heading_offset);
inline constexpr int64_t kUnknownZone = -7;

// A time CsvTime does not read, in a form spreadsheets write: a slash date
// in the stated order (maillog::TraceTime, whose negative answers say why)
// or a dotted one ("01.09.2026 10:00", day first), with or without a time
// (a date alone is midnight UTC).
int64_t SpreadsheetTime(const std::string& value, maillog::DateOrder order);

// Whether a date cell gives a day and no time of day ("2026-11-02",
// "02.11.2026"): no ':' and not seconds since 1970.
bool DayAlone(std::string_view value);

}  // namespace nearmiss::history

#endif  // NEARMISS_HISTORY_CSV_CELLS_H_
