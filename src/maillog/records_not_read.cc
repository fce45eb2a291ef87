// Why trace records were not read, in words (line_counts.h): what
// AmbiguousDates says, then the records whose recipient cell held no
// address (LineCounts::empty_recipients) or whose field count is not the
// header's (LineCounts::wrong_field_counts); and the delivery lines of
// other mail servers (OtherServers).
#include <cstdint>
#include <string>

#include "base/line_text.h"
#include "base/text_format.h"
#include "maillog/line_counts.h"
#include "maillog/line_counts_text.h"

namespace nearmiss::maillog {
namespace {

// Untrusted bytes from the file: control characters and bytes of no
// UTF-8 text escaped (TerminalText), so a binary file cannot write to the
// terminal.
std::string Printable(std::string_view s) { return TerminalText(s); }

}  // namespace

bool PageContinued(const LineCounts& page, int64_t first, int64_t last) {
  constexpr int64_t kSameTime = 60, kDay = 86400;
  if (page.page_rows == 0 || first > last) return false;
  return (last <= page.page_oldest + kSameTime && last >= page.page_oldest - kDay) ||
         (first >= page.page_newest - kSameTime && first <= page.page_newest + kDay);
}

std::string AmbiguousDates(const LineCounts& c) {
  std::string out;
  if (c.ambiguous_dates != 0) {
    // The file's own cell first: forms quoted alone were read as dates of
    // the data (round 47's tester 16, finding 5).
    out = Thousands(static_cast<int64_t>(c.ambiguous_dates)) +
          " with an ambiguous date (day or month first, which the file's dates do not decide: '" +
          Printable(c.first_ambiguous_date) + "', first at " + c.file + ":" +
          std::to_string(c.first_ambiguous_date_line) +
          "; give --date-order dmy or mdy to read them)";
  }
  if (c.unreadable_times != 0) {
    const std::string time = Printable(c.first_unreadable_time);
    if (!out.empty()) out += ", ";
    // No time at all (RFC 5424's NILVALUE "-", an empty cell): the line's
    // time is unknown, never epoch 0 or the line before's.
    const bool none = time.empty() || time == "-";
    out += Thousands(static_cast<int64_t>(c.unreadable_times)) +
           (none ? " with no time ('" + time + "': its time unknown, not read; first at "
                 : " with a time in no form this reader knows ('" + time + "', first at ") +
           c.file + ":" + std::to_string(c.first_unreadable_time_line) +
           (none ? "; docs/mail-logs.md, \"Times\")"
                 : "; docs/mail-logs.md lists the cultures' forms read)");
  }
  if (c.clock_unset != 0) {
    if (!out.empty()) out += ", ";
    // A clock that was unset (clock_step.h kClockFloor): never dated 1970.
    out += Thousands(static_cast<int64_t>(c.clock_unset)) + " dated before 2000 ('" +
           Printable(c.first_clock_unset) + "', first at " + c.file + ":" +
           std::to_string(c.first_clock_unset_line) +
           ": a clock that was unset, as a host's before NTP sets it; their time unknown, "
           "the lines not read; docs/mail-logs.md, \"Times\")";
  }
  if (c.clock_ahead != 0) {
    if (!out.empty()) out += ", ";
    // The same rule's other direction (clock_step.h kClockAllowance).
    out += Thousands(static_cast<int64_t>(c.clock_ahead)) + " dated " + c.first_clock_ahead_why +
           " ('" + Printable(c.first_clock_ahead) + "', first at " + c.file + ":" +
           std::to_string(c.first_clock_ahead_line) +
           ": a clock set wrong, ahead or off by years; their time unknown, the lines not read; "
           "docs/mail-logs.md, \"Times\")";
  }
  return out;
}

std::string OtherServers(const LineCounts& c) {
  if (c.other_server_lines == 0) return {};
  std::string out = "of which ";
  out += Thousands(static_cast<int64_t>(c.other_server_lines));
  out += " of another mail server, which this reader does not read (";
  out += Printable(c.first_other_server);
  out += "; first at ";
  out += c.file;
  out += ':';
  out += std::to_string(c.first_other_server_line);
  out += ')';
  return out;
}

std::string RecordsNotRead(const LineCounts& c) {
  std::string out = AmbiguousDates(c);
  if (c.empty_recipients != 0) {
    if (!out.empty()) out += ", ";
    out += Thousands(static_cast<int64_t>(c.empty_recipients)) + " whose " +
           Printable(c.first_empty_recipient_heading) + " holds no address (first at " + c.file +
           ":" + std::to_string(c.first_empty_recipient_line) +
           "; an event of a delivery to no recipient named, which may be the "
           "one to a "
           "look-alike)";
  }
  if (c.wrong_field_counts != 0) {
    if (!out.empty()) out += ", ";
    out += Thousands(static_cast<int64_t>(c.wrong_field_counts));
    out += " with a field count other than the header's (first at ";
    out += c.file;
    out += ':';
    out += std::to_string(c.first_wrong_fields_line);
    out += ": ";
    out += std::to_string(c.first_wrong_fields_found);
    out += " fields where the header has ";
    out += std::to_string(c.first_wrong_fields_expected);
    out += c.first_wrong_fields_found > c.first_wrong_fields_expected
               ? "; a comma in a field that is not in double quotes?"
               : "; a record cut short, or a field's quotes not closed?";
    out += " Read misaligned, its columns would be wrong, so it is not read)";
  }
  if (c.bad_header_line != 0) {
    // A header joined in with cat that names no trace's columns.
    if (!out.empty()) out += ", ";
    out += Thousands(static_cast<int64_t>(c.rows_under_bad_header));
    out += c.rows_under_bad_header == 1 ? " row" : " rows";
    out += " under the header at " + c.file + ":" + std::to_string(c.bad_header_line) +
           ", which has no " + Printable(c.bad_header_lacks) +
           " (another export joined to this one): which column is which is not known, so "
           "none is read";
  }
  return out;
}

}  // namespace nearmiss::maillog
