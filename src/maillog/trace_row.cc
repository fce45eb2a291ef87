// TraceLog, the rows: one Exchange event or Microsoft 365 row becomes
// the delivery attempts it records, or is counted as what it is instead
// (trace_log.h).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/ascii.h"
#include "maillog/clock_step.h"
#include "maillog/log_zone.h"
#include "maillog/postfix_fields.h"
#include "maillog/postfix_log.h"
#include "maillog/smart_host.h"
#include "maillog/system_sender.h"
#include "maillog/timestamp.h"
#include "maillog/trace_address.h"
#include "maillog/trace_log.h"
#include "maillog/trace_text.h"
#include "maillog/trace_time.h"

namespace nearmiss::maillog {
using trace_text::Normal;
using trace_text::Trim;

void TraceLog::Row(const std::vector<std::string>& f, uint64_t line) {
  if (scanning_) {
    DateOrder says = DateOrderEvidence(Field(f, time_));
    day_first_seen_ |= says == DateOrder::kDayMonth;
    month_first_seen_ |= says == DateOrder::kMonthDay;
    return;
  }
  if (!time_zone_.empty() && time_zone_ != "UTC") {
    // A zone the heading names that is no UTC offset ("Pacific Standard
    // Time"): its times cannot be put in UTC, and read as UTC they would
    // shift every date. The file is refused, never read wrong.
    RefuseZone(line);
    return;
  }
  bool zoned = false;
  int64_t time = TraceTime(Field(f, time_), date_order_, &zoned);
  row_zone_ = ZoneSource::kInput;
  // The admin center names the zone its times are in ("Date (UTC+01:00)"):
  // a local time is made UTC (breaker round 2 §10).
  if (time >= 0 && time_offset_ != 0) {
    time -= time_offset_;
  } else if (time >= 0 && local_times_ && !zoned) {
    time = LocalTime(time, line);
    row_zone_ = ZoneSource::kRunZone;
  }
  // A row whose time cannot be read is a delivery not read: counted as
  // unrecognised (a file of them is refused, naming the date form) and as
  // not understood, so a few among good rows still make the run an error
  // (breaker round 16 §2).
  if (time == kAmbiguousDate) {
    AmbiguousDate(line, Field(f, time_));
    NotUnderstood(line);
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
    NotUnderstood(line);
    return;
  }
  if (time < 0) {
    Unrecognised(line);
    if (counts_.unreadable_times++ == 0) {
      counts_.first_unreadable_time_line = line;
      counts_.first_unreadable_time = std::string(Field(f, time_)).substr(0, LineCounts::kExcerpt);
    }
    NotUnderstood(line);
    return;
  }
  if (time < kClockFloor) {
    // A server whose clock was unset (clock_step.h kClockFloor): never
    // dated 1970; read as a record without a time is.
    Unrecognised(line);
    counts_.ClockUnset(line, Field(f, time_));
    NotUnderstood(line);
    return;
  }
  if (std::string why = ClockSetWrong(time); !why.empty()) {
    // The same rule, the other direction: a clock that ran ahead, or a
    // time far from the one its file gives itself (trace_clock.cc).
    Unrecognised(line);
    counts_.ClockAhead(line, Field(f, time_), why);
    NotUnderstood(line);
    return;
  }
  Tally(line, format());
  if (ToTheMinute(Field(f, time_)) && counts_.minute_times++ == 0) {
    counts_.first_minute_time_line = line;
  }
  counts_.NoteTime(time, row_zone_, line);
  section_oldest_ = std::min(section_oldest_, time);
  section_newest_ = std::max(section_newest_, time);
  if (counts_.asked_from == 0 && (start_date_ >= 0 || end_date_ >= 0)) {
    // The window Get-MessageTrace was asked for, on every row alike.
    for (auto [column, to] : {std::pair{start_date_, &counts_.asked_from},
                              std::pair{end_date_, &counts_.asked_to}}) {
      const int64_t t = TraceTime(Field(f, column), date_order_);
      if (column >= 0 && t > 0) *to = t - time_offset_;
    }
  }
  if (kind_ == Kind::kExchange) {
    // One server's log, appended as events happen: a row dated before an
    // earlier one is its clock stepping back (clock_step.h); its rows
    // stay in the order written (Attempt::run).
    const uint64_t from = write_order_.latest_line();
    if (int64_t back = write_order_.Line(time, line); back != 0) {
      counts_.ClockStep(line, from, back, false);
    }
  }
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
  // A Microsoft 365 trace's empty SenderAddress is no sender given, not
  // the null sender of a bounce (the service's own reports carry a
  // MicrosoftExchange...@ sender): the sender unknown (finding 6).
  if (kind_ == Kind::kTrace && Trim(Field(f, sender_)).empty()) one_sender = false;
  // Emit's rows say whether the sender is known: "" alone would read as the
  // null sender of a bounce (RFC 5321 4.5.5), not as "no sender to name".
  row_sender_known_ = one_sender;
  if (!one_sender) {
    // Several senders, or no address: no sender to name (nor to learn);
    // its recipients are still judged, the row counted as not understood.
    NotUnderstood(line);
    if (learning_) return;
    ReadInPart(line);
  }
  if (learning_ && !Outbound(f, sender, line)) return;
  std::string_view relay = Field(f, relay_);
  if (relay.empty()) relay = Field(f, connector_);
  subject_text_ = Field(f, subject_);
  // Microsoft 365's own id of the message (Get-MessageTraceV2's
  // MessageTraceId): rows of two messages are never one row read again,
  // whatever their Message-IDs (Attempt::trace_id).
  row_trace_id_ = Trim(Field(f, trace_id_));
  row_server_ip_ = Trim(Field(f, server_ip_));
  const RowHead h{time, id, sender, relay};
  if (kind_ == Kind::kExchange || kind_ == Kind::kExtended || kind_ == Kind::kExport) {
    ExchangeRow(f, line, h);
  } else if (kind_ == Kind::kTrace) {
    TraceRow(f, line, h);
  } else {
    HistoricalRow(f, line, h);
  }
}

int64_t TraceLog::LocalTime(int64_t wall, uint64_t line) {
  // Read in the run's zone (--log-zone), as a syslog stamp without one
  // is (log_zone.h); round 51's tester 16, finding 5: read as UTC, a
  // New York export's 8 PM on 30 November fell before --since 2025-12-01.
  const int64_t utc = ZonelessToUtc(wall);
  ++counts_.local_time_rows;
  if (WallTime odd = ClassifyWall(wall); odd != WallTime::kOne) {
    counts_.OddWall(odd == WallTime::kRepeated, line, utc);
  }
  if (LogZoneStated()) return utc;
  // The zone not stated, the row's true time is up to kZoneSpread either
  // way of the one read (zones run from UTC-12 to UTC+14): a row the
  // window leaves out by less than that may be inside it.
  if (counts_.NearWindowEdge(utc) && counts_.zone_edge_rows++ == 0) {
    counts_.first_zone_edge_line = line;
  }
  return utc;
}

void TraceLog::EmptyRecipient(uint64_t line, std::string_view heading) {
  // Not read, as a record of too few fields is (Record): unrecognised,
  // and a delivery line not understood (exit 2, the report INCOMPLETE).
  Unrecognised(line);
  NotUnderstood(line);
  if (counts_.empty_recipients++ == 0) {
    counts_.first_empty_recipient_line = line;
    counts_.first_empty_recipient_heading = heading.empty() ? "recipient column" : heading;
  }
}

std::string TraceLog::SmartHostRelay(const std::vector<std::string>& f, std::string_view relay,
                                     std::string_view recipient) const {
  const std::string_view connector = Field(f, connector_);
  NextHop hop;
  hop.address = Field(f, server_ip_);
  // Microsoft 365's ToIP is an address, Exchange's server-hostname a name
  // (a name has a letter outside a-f, or no '.' nor ':' an address has).
  const bool address =
      relay.find_first_not_of("0123456789.:abcdefABCDEF") == std::string_view::npos &&
      relay.find_first_of(".:") != std::string_view::npos;
  if (address) {
    hop.address = relay;
  } else {
    hop.host = relay;
  }
  // A host under the recipient's own domain is its server, whatever the
  // connector's name (smart_host.h).
  if (RecipientOwnHost(hop.host, AddressDomain(recipient)) ||
      (!SmartHostConnector(connector, smart_hosts_) &&
       !OutboundRelay(hop, AddressDomain(recipient), smart_hosts_))) {
    return {};
  }
  std::string out(relay.empty() ? hop.address : relay);
  out += " (";
  out += kSmartHostOutside;
  if (!connector.empty() && connector != relay) {
    out += " through ";
    out += connector;
  }
  out += ')';
  return out;
}

bool TraceLog::Outbound(const std::vector<std::string>& f, std::string_view sender, uint64_t line) {
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
    if (judgeable) {
      // Its address parses: the domain check refused it, and says why.
      counts_.NoMailDomain(rcpt,
                           counts_.no_mail_domains == 0 && domain_why_
                               ? domain_why_(AddressDomain(rcpt))
                               : std::string(),
                           line);
    }
    return;
  }
  // Delivered into the organisation's own mailbox: no delivery, learned or
  // skipped, but it settles a recipient an earlier event left "unknown"
  // (history/sent_sink.h), so it reaches the sink as it is.
  const bool internal = status == "internal";
  if (learning_ && !internal && row_sender_known_ && IsSystemNoticeSender(sender)) {
    // The null sender or Exchange's own (system_sender.h): a bounce,
    // nothing to learn (PostfixLogOptions).
    if (counts_.bounces++ == 0) counts_.first_bounce_line = line;
    return;
  }
  const std::string_view hops =
      !row_hops_.empty() ? row_hops_ : row_makes_hop_ ? std::string_view() : ForwardHop(id, rcpt);
  if (learning_ && !internal && !hops.empty()) {
    // A mailbox's forward or redirect of mail it received: no
    // correspondence anyone here chose (LineCounts::forwards).
    if (counts_.forwards++ == 0) counts_.first_forward_line = line;
    return;
  }
  if (attempt) ++counts_.delivery_lines;
  Attempt a;
  a.delivery_line = attempt;
  a.time = time;
  a.zone = row_zone_;
  a.queue_id = id;
  a.sender = sender;
  a.sender_known = row_sender_known_;
  a.non_delivery_report = row_non_delivery_;
  a.recipient = rcpt;
  a.orig_recipient = RelatedOf(id, rcpt);
  a.status = status;
  a.status_text = text;
  if (status == "rejected" || status == "discarded" || status == "held") a.stopped_by = row_stopped_by_;
  a.relay = relay;
  a.relay_address = row_server_ip_;
  a.message_id = id;
  a.hops = hops;
  a.subject = subject_text_;
  a.trace_id = row_trace_id_;
  a.from_trace = true;
  a.from_export = kind_ != Kind::kExchange;
  a.file = file_;
  a.line = line;
  a.run = kind_ == Kind::kExchange ? write_order_.run() : 0;
  sink_->OnAttempt(a);
}

std::string_view TraceLog::RelatedOf(std::string_view id, std::string_view rcpt) {
  if (related_of_.empty()) return {};
  related_key_.assign(id);
  related_key_ += '\0';
  related_key_ += AsciiLower(rcpt);
  auto it = related_of_.find(related_key_);
  return it == related_of_.end() ? std::string_view() : std::string_view(it->second);
}

void TraceLog::NoteRelated(std::string_view id, const std::vector<std::string_view>& rcpts,
                           std::string_view related) {
  std::vector<std::string_view> cell;
  SplitTraceAddresses(related, &cell);
  if (cell.size() != 1) return;  // none, or no one address to name
  related = cell.front();
  // A group expanded from an address already redirected: the first one
  // given stands.
  std::string given(RelatedOf(id, related));
  if (given.empty()) given.assign(related);
  if (related_of_.size() + rcpts.size() > kMaxRelated) related_of_.clear();
  for (std::string_view r : rcpts) {
    if (AsciiLower(r) == AsciiLower(given)) continue;
    std::string key(id);
    key += '\0';
    key += AsciiLower(r);
    related_of_.try_emplace(std::move(key), given);
  }
}

}  // namespace nearmiss::maillog
