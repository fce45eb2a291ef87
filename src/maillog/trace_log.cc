#include "maillog/trace_log.h"

#include <algorithm>
#include <cctype>

#include "maillog/postfix_fields.h"
#include "maillog/postfix_log.h"
#include "maillog/timestamp.h"
#include "maillog/trace_address.h"
#include "maillog/trace_events.h"
#include "maillog/trace_time.h"

namespace nearmiss::maillog {
namespace {

// "Recipient address", "recipient_address", "recipient-address" ->
// "recipientaddress"; "Date (UTC)" -> "date".
std::string Normal(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '(') break;
    if (c == ' ' || c == '_' || c == '-' || c == '"') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string_view StripBom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '<')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '>')) s.remove_suffix(1);
  return s;
}

// A SEND through the connector Exchange uses between the organisation's
// own transport servers: the implicit "Intra-Organization SMTP Send
// Connector" (never listed by Get-SendConnector), or the Edge
// subscription's inbound one ("EdgeSync - Inbound to SITE", Edge to
// Mailbox). Every other connector (a Send connector to the internet, a
// smart host, a partner; "EdgeSync - SITE to Internet") takes mail out.
bool IntraOrganisation(std::string_view connector) {
  return connector == "Intra-Organization SMTP Send Connector" ||
         connector.starts_with("EdgeSync - Inbound to ");
}

// The pieces of `list` between `sep`s outside double quotes (a quoted
// local part, RFC 5321 Quoted-string with '\\' escapes, may hold one:
// "a;b"@army.ml). Calls `piece` with each, untrimmed.
template <typename Fn>
void SplitOutsideQuotes(std::string_view list, char sep, Fn piece) {
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    char c = list[i];
    if (quoted && c == '\\') {
      ++i;  // the escaped character, whatever it is
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == sep && !quoted) {
      piece(list.substr(start, i - start));
      start = i + 1;
    }
  }
  piece(list.substr(start));
}

// The zone a time column's heading names in parentheses ("Date (UTC)",
// "Date (UTC+01:00)", "Received (UTC-05:30)"): "UTC" with `offset` its
// seconds east of UTC; "" when the heading names none; any other text as
// written (a zone no offset says, which the caller refuses).
std::string HeadingZone(std::string_view heading, int64_t* offset) {
  *offset = 0;
  size_t open = heading.find('(');
  size_t close = heading.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return {};
  std::string_view zone = heading.substr(open + 1, close - open - 1);
  while (!zone.empty() && zone.front() == ' ') zone.remove_prefix(1);
  while (!zone.empty() && zone.back() == ' ') zone.remove_suffix(1);
  std::string_view rest = zone;
  if (rest.starts_with("UTC") || rest.starts_with("GMT")) {
    rest.remove_prefix(3);
    if (rest.empty()) return "UTC";
    // "+01:00", "-05:30", "+1", "+0100".
    if (rest[0] == '+' || rest[0] == '-') {
      int sign = rest[0] == '-' ? -1 : 1;
      std::string digits;
      for (char ch : rest.substr(1)) {
        if (ch >= '0' && ch <= '9') {
          digits += ch;
        } else if (ch != ':') {
          return std::string(zone);
        }
      }
      int h = 0, m = 0;
      if (digits.size() <= 2 && !digits.empty()) {
        h = std::stoi(digits);
      } else if (digits.size() == 4) {
        h = std::stoi(digits.substr(0, 2));
        m = std::stoi(digits.substr(2));
      } else {
        return std::string(zone);
      }
      if (h > 14 || m > 59) return std::string(zone);
      *offset = sign * (h * 3600 + m * 60);
      return "UTC";
    }
  }
  return std::string(zone);
}

// Calls `fn` with each address of `cell` (trace_address.h). With
// `required`, a cell with none gives `fn` the cell itself, which the
// caller's Emit counts as a recipient not understood (never dropped).
template <typename Fn>
void ForEachAddress(std::string_view cell, bool required, Fn fn) {
  std::vector<std::string_view> all;
  SplitTraceAddresses(cell, &all);
  if (all.empty() && required) all.push_back(Trim(cell));
  for (std::string_view a : all) fn(a);
}

}  // namespace

bool LooksLikeTrace(std::string_view first) {
  first = StripBom(first);
  // Excel's "sep=," line before the header of a CSV it saved.
  if (first.starts_with("#") || first.starts_with("sep=")) return true;
  std::string header;
  // Appended piece by piece, not "," + string&&: GCC 12 at -O3 reports a
  // false -Wrestrict there (GCC bug 105329).
  for (const std::string& name : SplitCsvLine(first)) {
    header += ',';
    header += Normal(name);
    header += ',';
  }
  bool sender = header.find(",senderaddress,") != std::string::npos;
  bool rcpt = header.find(",recipientaddress,") != std::string::npos ||
              header.find(",recipientstatus,") != std::string::npos;
  // The admin center's download, with the headings its grid shows: "Date
  // (UTC)", "Sender", "Recipient", "Subject", "Status", "Message ID".
  bool eac = header.find(",sender,") != std::string::npos &&
             header.find(",recipient,") != std::string::npos &&
             header.find(",status,") != std::string::npos;
  // Get-MessageTrackingLog | Export-Csv -NoTypeInformation: its own names.
  bool cmdlet = header.find(",sender,") != std::string::npos &&
                header.find(",recipients,") != std::string::npos &&
                header.find(",eventid,") != std::string::npos;
  return (sender && rcpt) || cmdlet || eac;
}

TraceLog::TraceLog(std::string name, DeliverySink* sink, DateOrder date_order,
                   DomainCheck judgeable_domain, bool learning, DomainCheck own_domain)
    : sink_(sink),
      judgeable_domain_(std::move(judgeable_domain)),
      learning_(learning),
      own_domain_(std::move(own_domain)),
      date_order_(date_order),
      csv_([this](const std::vector<std::string>& f, uint64_t line) { Record(f, line); },
           [this](std::string_view text, uint64_t line) { Directive(text, line); }) {
  counts_.file = std::move(name);
}

LineFormat TraceLog::format() const {
  switch (kind_) {
    case Kind::kExchange: return LineFormat::kExchangeTracking;
    case Kind::kTrace: return LineFormat::kM365Trace;
    case Kind::kHistorical:
    case Kind::kExtended: return LineFormat::kM365Historical;
    case Kind::kExport: return LineFormat::kExchangeTrackingExport;
    case Kind::kUnknown: break;
  }
  return LineFormat::kNone;
}

void TraceLog::Feed(std::string_view line) {
  ++counts_.lines;
  // A byte order mark opens the file, and every export joined to it with
  // cat: never data at a record's start.
  if (!csv_.inside_record()) line = StripBom(line);
  if (line.empty() && !csv_.inside_record()) return;  // an empty line
  if (!csv_.inside_record()) record_text_.assign(line.substr(0, LineCounts::kExcerpt));
  if (counts_.lines == 1 && line.starts_with("sep=") && line.size() <= 6) {
    // Excel's separator line ("sep=," before the header): counted with the
    // header, as #TYPE is. Another separator is not CSV this reader splits.
    if (line == "sep=," || line == "sep=,\r") {
      type_line_ = 1;
    } else {
      Unrecognised(1);
      counts_.refused = counts_.file + ":1: '" + std::string(line.substr(0, 5)) +
                        "': the fields are separated by that, not by commas; save the trace "
                        "again as CSV (comma delimited)";
    }
    return;
  }
  csv_.Feed(line);
  if (kind_ == Kind::kExchange && csv_.inside_record()) {
    // Exchange writes one event a line (the W3C extended log form its
    // #Fields: line introduces): a quote left open at the line's end is a
    // malformed record, never the start of a field that runs on into the
    // next event (which would merge two records without a word).
    // Its framing (the log's form) is known, its record is not: counted
    // as an event not understood, with its FILE:LINE (an input error).
    csv_.Reset();
    Tally(counts_.lines, LineFormat::kExchangeTracking);
    NotUnderstood(counts_.lines);
  }
}

void TraceLog::Finish() {
  if (csv_.Finish()) {
    // A quoted field never closed: the record was cut short.
    counts_.NotUnderstood(record_text_);
  }
}

void TraceLog::Tally(uint64_t first_line, LineFormat f) {
  // A line counted already (another record on it) keeps how it was counted.
  first_line = std::max(first_line, counted_through_ + 1);
  if (first_line > counts_.lines) return;
  uint64_t n = counts_.lines - first_line + 1;
  counts_.recognised += n;
  counts_.by_format[static_cast<size_t>(f)] += n;
  counted_through_ = counts_.lines;
  counted_as_ = f;
}

void TraceLog::Unrecognised(uint64_t first_line) {
  if (counts_.first_unrecognised_line == 0) {
    counts_.first_unrecognised_line = first_line;
    counts_.first_unrecognised = record_text_;
  }
  if (first_line <= counted_through_ && counted_as_ != LineFormat::kNone) {
    // Part of a line counted as recognised was not read: the line is not.
    --counts_.recognised;
    --counts_.by_format[static_cast<size_t>(counted_as_)];
    ++counts_.unrecognised;
  }
  first_line = std::max(first_line, counted_through_ + 1);
  if (first_line <= counts_.lines) counts_.unrecognised += counts_.lines - first_line + 1;
  counted_through_ = counts_.lines;
  counted_as_ = LineFormat::kNone;
}

void TraceLog::AmbiguousDate(uint64_t first_line) {
  Unrecognised(first_line);
  if (counts_.ambiguous_dates++ == 0) counts_.first_ambiguous_date_line = first_line;
}

void TraceLog::NotUnderstood(uint64_t line) {
  ++counts_.not_understood;
  if (counts_.first_not_understood_line == 0) {
    counts_.first_not_understood_line = line;
    counts_.first_not_understood = record_text_;
  }
}

void TraceLog::Directive(std::string_view text, uint64_t line) {
  if (text.starts_with("#Fields: ")) {
    Header(SplitCsvLine(text.substr(9)), /*exchange=*/true);
  } else if (!text.starts_with("#Software: ") && !text.starts_with("#Version: ") &&
             !text.starts_with("#Log-type: ") && !text.starts_with("#Date: ") &&
             !text.starts_with("#TYPE ")) {
    Unrecognised(line);
    return;
  }
  // PowerShell's #TYPE names a .NET type, not a form: counted as the form
  // of the header that follows (or again between concatenated exports).
  if (text.starts_with("#TYPE ")) {
    if (kind_ != Kind::kUnknown) {
      Tally(line, format());
    } else if (type_line_ == 0) {
      type_line_ = line;
    }
    return;
  }
  Tally(line, LineFormat::kExchangeTracking);
}

void TraceLog::Header(const std::vector<std::string>& names, bool exchange) {
  time_ = sender_ = recipient_ = status_ = event_ = message_id_ = internal_id_ = relay_ =
      connector_ = recipient_status_ = subject_ = direction_ = -1;
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
    } else if (n == "recipientstatus") {
      recipient_status_ = c;
    } else if (n == "status" || n == "deliverystatus") {
      status_ = c;
    } else if (n == "eventid") {
      event_ = c;
    } else if (n == "messageid") {
      message_id_ = c;
    } else if (n == "internalmessageid" || n == "messagetraceid") {
      internal_id_ = c;
    } else if (n == "serverhostname" || n == "toip") {
      relay_ = c;
    } else if (n == "connectorid") {
      connector_ = c;
    } else if (n == "subject" || n == "messagesubject") {
      subject_ = c;
    } else if (n == "directionality" || n == "direction") {
      direction_ = c;
    }
  }
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

std::string_view TraceLog::Field(const std::vector<std::string>& f, int column) const {
  return column >= 0 && static_cast<size_t>(column) < f.size() ? std::string_view(f[column])
                                                                 : std::string_view();
}

void TraceLog::Record(const std::vector<std::string>& f, uint64_t line) {
  if (kind_ == Kind::kUnknown && columns_ == 0) {
    // No #Fields: the first record is the header (the M365 forms).
    Header(f, /*exchange=*/false);
    if (kind_ == Kind::kUnknown) {
      columns_ = 0;
      Unrecognised(type_line_ != 0 ? type_line_ : line);
    } else {
      header_ = f;
      Tally(type_line_ != 0 ? type_line_ : line, format());
    }
    type_line_ = 0;
    return;
  }
  if (!header_.empty() && f == header_) {
    // The next export's header (two exports joined with cat): a header
    // again, not a row.
    Tally(line, format());
    return;
  }
  // A record with more or fewer fields than its header (an unquoted comma
  // in a field, a cut line) would be read misaligned: not read at all.
  if (kind_ == Kind::kUnknown || f.size() != columns_) {
    Unrecognised(line);
    return;
  }
  Row(f, line);
}

void TraceLog::Row(const std::vector<std::string>& f, uint64_t line) {
  if (!time_zone_.empty() && time_zone_ != "UTC") {
    // A zone the heading names that is no UTC offset ("Pacific Standard
    // Time"): its times cannot be put in UTC, and read as UTC they would
    // shift every date. The file is refused, never read wrong.
    RefuseZone(line);
    return;
  }
  int64_t time = TraceTime(Field(f, time_), date_order_);
  // The admin center names the zone its times are in ("Date (UTC+01:00)"):
  // a local time is made UTC (breaker round 2 §10).
  if (time >= 0 && time_offset_ != 0) time -= time_offset_;
  if (time == kAmbiguousDate) {
    AmbiguousDate(line);
    return;
  }
  if (time == kWrongOrderDate) {
    // The user's --date-order is what is wrong, not the file's format.
    Unrecognised(line);
    if (counts_.wrong_order_dates++ == 0) {
      counts_.first_wrong_order_date_line = line;
      counts_.first_wrong_order_date = std::string(Field(f, time_)).substr(0, 40);
      counts_.stated_order = date_order_ == DateOrder::kDayMonth ? "dmy" : "mdy";
    }
    return;
  }
  if (time < 0) {
    Unrecognised(line);
    return;
  }
  Tally(line, format());
  if (ToTheMinute(Field(f, time_)) && counts_.minute_times++ == 0) {
    counts_.first_minute_time_line = line;
  }
  if (counts_.first_time == 0 || time < counts_.first_time) counts_.first_time = time;
  counts_.last_time = std::max(counts_.last_time, time);
  std::string_view id = Trim(Field(f, message_id_));
  if (id.empty()) id = Field(f, internal_id_);
  if (id.empty()) {
    // No MessageId (an empty value, or no such column): rows of one
    // message share its sender and time, so those make its key. An empty
    // key would merge every such row into one message.
    no_id_ = "(no MessageId) " + std::string(Trim(Field(f, sender_))) + " at " +
             std::string(Trim(Field(f, time_)));
    id = no_id_;
  }
  bool one_sender = true;
  std::string_view sender = OneTraceAddress(Field(f, sender_), &one_sender);
  if (!one_sender) {
    // Several senders, or no address: no sender to name (nor to learn);
    // its recipients are still judged, the row counted as not understood.
    NotUnderstood(line);
    if (learning_) return;
  }
  if (learning_ && !Outbound(f, sender, line)) return;
  std::string_view relay = Field(f, relay_);
  if (relay.empty()) relay = Field(f, connector_);
  subject_text_ = Field(f, subject_);
  if (kind_ == Kind::kExchange || kind_ == Kind::kExtended || kind_ == Kind::kExport) {
    std::string_view event = Field(f, event_);
    std::string_view status;
    std::string pending;  // the relay of a recipient whose outcome is still to come
    if (event == "DELIVER" || event == "DELIVERFAIL" || event == "DUPLICATEDELIVER") {
      // Into the organisation's own mailbox: not mail leaving it. Its
      // recipients go on as "internal" (not an attempt), which settles an
      // earlier event's "unknown" (RECEIVE, below) and is counted nowhere
      // (investigate/auditor.cc); learning has no "unknown" to settle.
      if (event == "DELIVER") ++counts_.internal_hops;
      if (learning_) return;
      status = "internal";
    } else if (event == "SEND" && IntraOrganisation(Field(f, connector_))) {
      // Sent on to another of its servers (an Edge Transport server, the
      // next Mailbox server): the outcome is in that server's log. Each
      // recipient goes on as "unknown" with the next hop as its relay, so
      // a look-alike recipient never vanishes when that log is not given;
      // the sink lets the next server's outcome (same Message-ID) replace
      // it when that log is given (investigate/auditor.h).
      ++counts_.internal_hops;
      status = "unknown";
    } else {
      switch (ClassifyEvent(event)) {
        case EventClass::kSent: status = "sent"; break;
        // Any failure (FAIL, SUBMITFAIL, MODERATORREJECT, ...) and DROP
        // are outcomes of a recipient: never left out, never "sent".
        case EventClass::kBounced: status = "bounced"; break;
        case EventClass::kDiscarded: status = "discarded"; break;
        case EventClass::kDeferred: status = "deferred"; break;
        case EventClass::kUnknown: NotUnderstood(line); return;
        case EventClass::kHop:
          // Its recipients replace the one in related-recipient-address
          // (a group's members, a resolved address): counted, and each
          // goes on as the event below says.
          // HAREDIRECT (a shadow copy for high availability) replaces no one.
          if (event != "HAREDIRECT") Replaced(line);
          [[fallthrough]];
        case EventClass::kProgress:
          // Not a delivery (RECEIVE, SUBMIT, TRANSFER, ...), but its
          // recipients are on their way: each goes on as "unknown", so a
          // message to a look-alike whose later events are in no log
          // given (the next hour's file, the next server's, still queued)
          // never vanishes; any later outcome replaces it
          // (attempt_order.h). Learning learns no "unknown": nothing to do.
          if (learning_) return;
          status = "unknown";
          // Appended, not built with +: GCC 12 -O3's false -Wrestrict.
          pending.assign(Field(f, relay_));
          pending += " (";
          pending += event;
          pending += "; no later event in the logs given)";
          relay = pending;
          break;
      }
    }
    std::string_view text = Field(f, recipient_status_);
    const bool attempt = status != "unknown" && status != "internal";
    std::string_view list = Field(f, recipient_);
    if (kind_ == Kind::kExport && list == "System.String[]") {
      Refuse(line);
      return;
    }
    // A list joined by ';' (Exchange's own), ',' or blanks (an export's
    // -join): each address apart (trace_address.h).
    std::vector<std::string_view> rcpts;
    SplitTraceAddresses(list, &rcpts);
    // A SEND's recipient-status may hold one SMTP reply per recipient
    // ("550 5.1.1 User unknown;250 2.1.5 Recipient OK"): a recipient the
    // next server refused is never "sent" (breaker round 3 §12), whether
    // or not a FAIL event follows.
    std::vector<std::string_view> replies;
    if (status == "sent") SplitOutsideQuotes(text, ';', [&](std::string_view r) {
      replies.push_back(r);
    });
    const bool each = rcpts.size() > 1 && replies.size() == rcpts.size();
    for (size_t i = 0; i < rcpts.size(); ++i) {
      std::string_view st = status, reply = each ? replies[i] : text;
      if (each && reply.starts_with('5')) st = "bounced";
      if (each && reply.starts_with('4')) st = "deferred";
      Emit(time, id, sender, rcpts[i], st, relay, reply, line, attempt);
    }
    return;
  }
  if (kind_ == Kind::kTrace) {
    std::string s = Normal(Field(f, status_));
    std::string_view status;
    if (s == "delivered") {
      status = "sent";
    } else if (s == "failed" || s == "quarantined" || s == "filteredasspam") {
      status = "bounced";
    } else if (s == "pending" || s == "gettingstatus") {
      status = "deferred";
    } else if (s == "none") {
      // "The message has no delivery status because it was rejected or
      // redirected to a different recipient" (Get-MessageTrace's Status):
      // this recipient did not get it, and a send to a look-alike that a
      // transport rule rejected must not vanish. Not delivered: bounced.
      ForEachAddress(Field(f, recipient_), /*required=*/true, [&](std::string_view rcpt) {
        Emit(time, id, sender, rcpt, "bounced", relay,
             "None: no delivery status (rejected, or redirected to another recipient)", line);
      });
      return;
    } else if (s == "expanded" || s == "resolved") {
      // A group expanded to its members, or an address resolved to
      // another (Active Directory): those have rows of their own. Not a
      // delivery, but counted.
      Replaced(line);
      return;
    } else {
      NotUnderstood(line);
      return;
    }
    // One row per recipient by the documentation; a cell holding several
    // (an edited export) gives each its row.
    ForEachAddress(Field(f, recipient_), /*required=*/true, [&](std::string_view rcpt) {
      Emit(time, id, sender, rcpt, status, relay, Field(f, status_), line);
    });
    return;
  }
  // Historical search: "ADDRESS##EVENT, EVENT;ADDRESS##...".
  SplitOutsideQuotes(Field(f, recipient_status_), ';', [&](std::string_view entry) {
    if (entry.empty()) return;
    size_t hash = entry.rfind("##");
    if (hash == std::string_view::npos) {
      NotUnderstood(line);
      return;
    }
    std::string_view events = entry.substr(hash + 2);
    EventsOutcome o = HistoricalOutcome(events);
    if (o.kind == EventsOutcome::kNotUnderstood) {
      NotUnderstood(line);
      return;
    }
    if (o.kind == EventsOutcome::kNotDelivery) {
      Replaced(line);
      return;
    }
    ForEachAddress(entry.substr(0, hash), /*required=*/true, [&](std::string_view rcpt) {
      Emit(time, id, sender, rcpt, o.status, relay, events, line);
    });
  });
}

void TraceLog::Replaced(uint64_t line) {
  if (counts_.replaced++ == 0) counts_.first_replaced_line = line;
}

void TraceLog::RefuseZone(uint64_t line) {
  NotUnderstood(line);
  if (!counts_.refused.empty()) return;
  counts_.refused = counts_.file + ":1: the time column's heading names the zone '" + time_zone_ +
                    "', which is no UTC offset this reader can apply, and read as UTC every "
                    "time would be shifted; export the trace again in UTC (or with the zone as "
                    "UTC+HH:MM)";
}

void TraceLog::Refuse(uint64_t line) {
  NotUnderstood(line);
  if (!counts_.refused.empty()) return;
  counts_.refused =
      counts_.file + ":" + std::to_string(line) +
      ": the Recipients column holds 'System.String[]', not addresses: Export-Csv wrote the "
      "list's type name, so the recipients are not in the file and nothing in it can be "
      "judged; export again with the list joined: Get-MessageTrackingLog ... | Select-Object "
      "Timestamp,EventId,Source,ConnectorId,ServerHostname,Sender,MessageId,MessageSubject,"
      "@{n='Recipients';e={$_.Recipients -join ';'}} | Export-Csv -NoTypeInformation FILE";
}

bool TraceLog::Outbound(const std::vector<std::string>& f, std::string_view sender,
                        uint64_t line) {
  std::string d = Normal(Field(f, direction_));
  bool inbound = d == "incoming" || d == "inbound";
  bool known = inbound || d == "originating" || d == "outgoing" || d == "outbound";
  if (!known && (kind_ == Kind::kExchange || kind_ == Kind::kExtended)) return true;
  if (!known && own_domain_) {
    known = true;
    inbound = !own_domain_(AddressDomain(sender));
  }
  if (!known) {
    if (counts_.direction_unknown_rows++ == 0) counts_.first_direction_unknown_line = line;
    return false;
  }
  if (inbound && counts_.inbound_rows++ == 0) counts_.first_inbound_row_line = line;
  return !inbound;
}

void TraceLog::Emit(int64_t time, std::string_view id, std::string_view sender,
                    std::string_view rcpt, std::string_view status, std::string_view relay,
                    std::string_view text, uint64_t line, bool attempt) {
  // One SMTP address, never a list or text judged by its last '@'.
  const bool judgeable = TraceAddressValid(rcpt);
  if (!judgeable || (judgeable_domain_ && !judgeable_domain_(AddressDomain(rcpt)))) {
    if (judgeable && learning_) {
      // Nothing to learn of a malformed domain; said, not an error.
      counts_.SkippedDomain(rcpt, line);
      return;
    }
    // A recipient the guard cannot judge: counted and named, not dropped.
    NotUnderstood(line);
    if (counts_.unparsable_recipients++ == 0) counts_.first_unparsable_recipient_line = line;
    return;
  }
  if (attempt) ++counts_.delivery_lines;
  Attempt a;
  a.time = time;
  a.queue_id = id;
  a.sender = sender;
  a.recipient = rcpt;
  a.status = status;
  a.status_text = text;
  a.relay = relay;
  a.message_id = id;
  a.subject = subject_text_;
  a.from_trace = true;
  sink_->OnAttempt(a);
}

}  // namespace nearmiss::maillog
