// TraceLog, the header: which column is which, from an Exchange
// "#Fields:" line or a Microsoft 365 export's first row (trace_log.h).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "maillog/trace_log.h"
#include "maillog/trace_text.h"

namespace nearmiss::maillog {
using trace_text::Normal;

namespace {

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

}  // namespace

void TraceLog::Header(const std::vector<std::string>& names, bool exchange) {
  time_ = sender_ = recipient_ = status_ = event_ = message_id_ = internal_id_ = relay_ =
      connector_ = recipient_status_ = subject_ = direction_ = server_ip_ = -1;
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
    } else if (n == "serverhostname" || n == "toip") {
      relay_ = c;
    } else if (n == "serverip") {
      server_ip_ = c;
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

}  // namespace nearmiss::maillog
