// TraceLog, the header: which column is which, from an Exchange
// "#Fields:" line or a Microsoft 365 export's first row (trace_log.h).
#include <cstdint>
#include <string>
#include <string_view>
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
  time_ = sender_ = recipient_ = status_ = event_ = message_id_ = internal_id_ = relay_ =
      connector_ = recipient_status_ = subject_ = direction_ = server_ip_ = related_ = -1;
  start_date_ = end_date_ = client_host_ = -1;
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
    } else if (n == "serverhostname" || n == "toip") {
      relay_ = c;
    } else if (n == "serverip") {
      server_ip_ = c;
    } else if (n == "clienthostname") {
      client_host_ = c;
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
