// TraceLog, what is particular to Get-MessageTrackingLog | Export-Csv
// (trace_log.h): the list-valued properties Export-Csv cannot write, and a
// SEND whose per-recipient replies the export left out.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "maillog/trace_log.h"
#include "maillog/trace_text.h"

namespace nearmiss::maillog {

namespace {

// The export that keeps both lists, joined by ';' (Exchange's own
// separator in the tracking log itself), as the docs give it
// (docs/mail-logs.md, "Get-MessageTrackingLog | Export-Csv").
constexpr std::string_view kJoinedExport =
    "Get-MessageTrackingLog ... | Select-Object "
    "Timestamp,EventId,Source,ConnectorId,ServerHostname,Sender,MessageId,MessageSubject,"
    "@{n='Recipients';e={$_.Recipients -join ';'}},"
    "@{n='RecipientStatus';e={$_.RecipientStatus -join ';'}} | Export-Csv -NoTypeInformation "
    "FILE";

// Export-Csv's cell for a property holding a list: the type's name,
// "System.String[]" (any "System.X[]": an array of objects too).
bool ListTypeName(std::string_view cell) {
  cell = trace_text::Trim(cell);
  return cell.starts_with("System.") && cell.ends_with("[]");
}

}  // namespace

int TraceLog::ListTypeColumn(const std::vector<std::string>& f) const {
  // Every column this reader reads: one check for all, so no list-valued
  // column (Recipients, RecipientStatus, or one a later Exchange makes a
  // list) is read as its type's name.
  for (int column : {time_, sender_, recipient_, status_, event_, message_id_, internal_id_,
                     trace_id_, relay_, connector_, recipient_status_, subject_, direction_,
                     server_ip_, related_, start_date_, end_date_, client_host_, source_}) {
    if (ListTypeName(Field(f, column))) return column;
  }
  return -1;
}

void TraceLog::Refuse(uint64_t line, int column) {
  NotUnderstood(line);
  if (!counts_.refused.empty()) return;
  const std::string heading =
      column >= 0 && static_cast<size_t>(column) < header_.size() ? header_[column] : "a";
  counts_.refused = counts_.file + ":" + std::to_string(line) + ": the " + heading +
                    " column holds '" +
                    std::string(record_ != nullptr ? trace_text::Trim(Field(*record_, column))
                                                   : std::string_view("System.String[]")) +
                    "', not its values: Export-Csv wrote the list's type name, so what it "
                    "lists is not in the file and nothing in it can be judged; export again "
                    "with each list joined: " +
                    std::string(kJoinedExport);
}

void TraceLog::NoReplies(uint64_t line) {
  if (counts_.sends_without_replies++ == 0) counts_.first_send_without_replies_line = line;
}

std::string TraceLog::NoReplyRelay(std::string_view relay) {
  std::string out(relay.empty() ? "the next server" : relay);
  out += " (SEND; ";
  out += kNoReplyColumn;
  out += ')';
  return out;
}

}  // namespace nearmiss::maillog
