// TraceLog, the header: which column is which, from an Exchange
// "#Fields:" line or a Microsoft 365 export's first row (trace_log.h).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "maillog/csv_forms.h"
#include "maillog/trace_log.h"
#include "maillog/trace_text.h"

namespace nearmiss::maillog {
using trace_text::Normal;

LineFormat TraceLog::HeaderForm(const std::vector<std::string>& names) {
  TraceLog probe("", nullptr);
  probe.Header(names, /*exchange=*/false);
  return probe.format();
}

void TraceLog::Header(const std::vector<std::string>& names, bool exchange) {
  time_ = sender_ = recipient_ = status_ = event_ = message_id_ = internal_id_ = trace_id_ = relay_ =
      connector_ = recipient_status_ = subject_ = direction_ = server_ip_ = related_ = -1;
  start_date_ = end_date_ = client_host_ = source_ = source_context_ = -1;
  recipient_heading_.clear();
  recipient_status_heading_.clear();
  time_offset_ = 0;
  time_zone_.clear();
  columns_ = names.size();
  for (size_t i = 0; i < names.size(); ++i) {
    std::string n = Normal(names[i]);
    int c = static_cast<int>(i);
    if (n == "datetime" || n == "received" || n == "date" || n == "origintimestamputc" ||
        n == "receiveddatetime" || n == "datetimeutc" || n == "timestamp") {
      time_ = c;
      time_zone_ = HeadingZone(names[i], &time_offset_);
    } else if (n == "senderaddress" || n == "sender") {
      sender_ = c;
    } else if (n == "recipientaddress" || n == "recipients" || n == "recipient") {
      recipient_ = c;
      recipient_heading_ = names[i];
    } else if (n == "relatedrecipientaddress") {
      related_ = c;
    } else if (n == "recipientstatus") {
      recipient_status_ = c;
      recipient_status_heading_ = names[i];
    } else if (n == "status" || n == "deliverystatus") {
      status_ = c;
    } else if (n == "eventid") {
      event_ = c;
    } else if (n == "messageid") {
      message_id_ = c;
    } else if (n == "internalmessageid" || n == "messagetraceid") {
      internal_id_ = c;
      if (n == "messagetraceid") trace_id_ = c;
    } else if (n == "serverhostname" || n == "toip") {
      relay_ = c;
    } else if (n == "serverip") {
      server_ip_ = c;
    } else if (n == "clienthostname") {
      client_host_ = c;
    } else if (n == "source") {
      source_ = c;
    } else if (n == "sourcecontext") {
      source_context_ = c;
    } else if (n == "connectorid") {
      connector_ = c;
    } else if (n == "subject" || n == "messagesubject") {
      subject_ = c;
    } else if (n == "directionality" || n == "direction") {
      direction_ = c;
    } else if (n == "startdate") {
      start_date_ = c;
    } else if (n == "enddate") {
      end_date_ = c;
    }
  }
  // Get-MessageTrackingLog's Timestamp is the exporting machine's wall
  // clock, the zone named nowhere in the file (LocalTime).
  local_times_ = time_ >= 0 && Normal(names[time_]) == "timestamp" && time_zone_.empty();
  // Get-MessageTrackingLog's names for date-time and recipient-address.
  const bool cmdlet = std::any_of(names.begin(), names.end(), [](const std::string& n) {
    return Normal(n) == "timestamp";
  }) && std::any_of(names.begin(), names.end(), [](const std::string& n) {
    return Normal(n) == "recipients";
  });
  if (exchange) {
    kind_ = time_ >= 0 && event_ >= 0 && recipient_ >= 0 ? Kind::kExchange : Kind::kUnknown;
  } else if (time_ >= 0 && event_ >= 0 && recipient_ >= 0) {
    kind_ = cmdlet ? Kind::kExport : Kind::kExtended;
  } else if (time_ >= 0 && sender_ >= 0 && recipient_ >= 0 && status_ >= 0) {
    kind_ = Kind::kTrace;
  } else if (time_ >= 0 && sender_ >= 0 && recipient_status_ >= 0) {
    kind_ = Kind::kHistorical;
  } else {
    kind_ = Kind::kUnknown;
  }
}

namespace {

// Column headings the trace forms write (Get-MessageTraceV2's and
// Get-MessageTrackingLog's properties, the admin center's grid, the
// tracking log's fields, historical search's columns), as Normal gives
// them: a record most of whose cells are these is a header, not a row.
bool KnownHeading(const std::string& n) {
  static constexpr std::string_view kNames[] = {
      "datetime", "received", "date", "origintimestamputc", "receiveddatetime", "datetimeutc",
      "timestamp", "senderaddress", "sender", "recipientaddress", "recipients", "recipient",
      "relatedrecipientaddress", "recipientstatus", "status", "deliverystatus", "eventid",
      "messageid", "internalmessageid", "messagetraceid", "serverhostname", "toip", "fromip",
      "serverip", "connectorid", "subject", "messagesubject", "directionality", "direction",
      "startdate", "enddate", "size", "clientip", "clienthostname", "sourcecontext", "source",
      "networkmessageid", "totalbytes", "recipientcount", "reference", "returnpath", "tenantid",
      "originalclientip", "originalserverip", "messageinfo", "customdata", "organization",
      "index", "deliverypriority", "messagelatency", "messagelatencytype", "eventdata",
      "runspaceid", "pscomputername"};
  for (std::string_view k : kNames) {
    if (n == k) return true;
  }
  return false;
}

}  // namespace

bool TraceLog::LooksLikeHeader(const std::vector<std::string>& f) {
  // Three headings at least, and half the cells: a row's subject or
  // status may be one such word, never most of its cells.
  size_t known = 0;
  for (const std::string& cell : f) known += KnownHeading(Normal(cell)) ? 1 : 0;
  return known >= 3 && known * 2 >= f.size();
}

std::string TraceLog::HeaderLacks() const {
  std::vector<std::pair<int, const char*>> need;
  switch (kind_) {
    case Kind::kTrace:
      need = {{time_, "Received"}, {sender_, "SenderAddress"}, {recipient_, "RecipientAddress"},
              {status_, "Status"}};
      break;
    case Kind::kHistorical:
      need = {{time_, "origin_timestamp_utc"}, {sender_, "sender_address"},
              {recipient_status_, "recipient_status"}};
      break;
    default:  // the Exchange forms
      need = {{time_, "Timestamp"}, {event_, "EventId"}, {recipient_, "Recipients"}};
      break;
  }
  std::string out;
  for (const auto& [column, name] : need) {
    if (column >= 0) continue;
    out += out.empty() ? "" : ", ";
    out += name;
  }
  return out;
}

void TraceLog::HeaderAgain(const std::vector<std::string>& f, uint64_t line) {
  // The section under the last header ends here (a page, an export).
  PageEnd();
  const uint64_t first = type_line_ != 0 ? type_line_ : line;
  type_line_ = 0;
  if (f == header_ && kind_ != Kind::kUnknown) {
    Tally(first, format());
    return;
  }
  // Another export joined with cat, its columns in another order, with
  // other optional ones, or its times in another zone ("Date (UTC-05:00)"
  // after "Date (UTC+01:00)"): its rows are read by its own header, as an
  // Exchange log's second #Fields: line is (round 51's tester 16,
  // finding 1). Read by the first header's they would swap sender and
  // recipient, or shift every time.
  const Kind before = kind_;
  Header(f, /*exchange=*/false);
  header_ = f;
  if (kind_ != Kind::kUnknown) {
    bad_header_ = false;
    Tally(first, format());
    return;
  }
  // A header naming no form's every column: no row under it can be read
  // (its columns are not known), each is counted as not read and not
  // understood, never read by an earlier header's columns.
  kind_ = before;
  const std::string lacks = HeaderLacks();
  kind_ = Kind::kUnknown;
  bad_header_ = true;
  Unrecognised(first);
  if (counts_.bad_header_line == 0) {
    counts_.bad_header_line = line;
    counts_.bad_header_lacks = lacks.empty() ? std::string("a column its form needs") : lacks;
  }
}

std::string_view TraceLog::Field(const std::vector<std::string>& f, int column) const {
  return column >= 0 && static_cast<size_t>(column) < f.size() ? std::string_view(f[column])
                                                                 : std::string_view();
}

}  // namespace nearmiss::maillog
