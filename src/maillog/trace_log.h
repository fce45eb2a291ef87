// TraceLog: deliveries from the CSV traces Microsoft's mail systems write,
// told apart by their header, never by the file name.
//
//   Exchange Server message tracking log (MSGTRK*.LOG; Exchange 2013-2019,
//   "Message tracking in Exchange Server", learn.microsoft.com/exchange/
//   mail-flow/transport-logs/message-tracking): "#Software: Microsoft
//   Exchange Server", "#Version:", "#Log-type: Message Tracking Log",
//   "#Date:" and "#Fields: date-time,client-ip,client-hostname,server-ip,
//   server-hostname,source-context,connector-id,source,event-id,
//   internal-message-id,message-id,network-message-id,recipient-address,
//   recipient-status,total-bytes,recipient-count,related-recipient-address,
//   reference,message-subject,sender-address,return-path,message-info,
//   directionality,tenant-id,original-client-ip,original-server-ip,
//   custom-data,..." then one CSV record per event. date-time is UTC
//   (ISO 8601, "Z"); recipient-address lists the recipients separated by
//   ';' outside double quotes ("a;b"@army.ml is one). Events ("Event types
//   in the message tracking log", same page; Exchange 2007's list in
//   "Information Written to the Message Tracking Log", TechNet cc539063):
//   only what left the organisation is an attempt. SEND ("sent by SMTP to
//   a different server") through a Send connector of its own (connector-id
//   "Internet", a partner's) and SENDEXTERNAL are "sent"; a SEND the smart
//   host outside the organisation accepted, through a connector named for
//   one ("Outbound to Office 365", the Hybrid Configuration Wizard's; one
//   whose name says "smart host"/"smarthost" or a gateway's name), or to a
//   next hop that is one (server-hostname, server-ip: smart_host.h, with
//   audit --smart-host), is "unknown" when auditing,
//   relay "HOST (a smart host outside the organisation through
//   CONNECTOR)" (kSmartHostOutside): the final outcome is in that host's
//   log, for Exchange Online the Microsoft 365 message trace, whose row
//   replaces it when given (its refusal, 4xx or 5xx, is still deferred or
//   bounced, and learning learns the recipient as sent); SEND through
//   a SEND (in the log, the detail CSV or the Export-Csv form alike) to a
//   server of the organisation's own, whatever its 250 says: on a private
//   address (server-ip: RFC 1918, RFC 6598, loopback, link-local, IPv6
//   ULA), through the Hybrid wizard's "Outbound to <GUID>", or named
//   under the sender's domain (trace_send.h), is "unknown", relay that
//   server: its own log holds the outcome; SEND through
//   the implicit "Intra-Organization SMTP Send Connector" (or an Edge
//   subscription's "EdgeSync - Inbound to ...") is a hop between its own
//   servers and DELIVER ("delivered to a mailbox") a delivery into its own
//   mailboxes: both are counted as internal hops (LineCounts), not
//   attempts. A SEND between its servers still hands each recipient to
//   the sink, with status "unknown" and the next hop (server-hostname) as
//   relay: the next server's log, when given, has the outcome; when not,
//   the recipient must not vanish from a report. The other events are
//   read by their class (trace_events.h): a failure (FAIL, SUBMITFAIL,
//   MODERATORREJECT, ...) is "bounced", DROP "discarded", DEFER (and
//   SUBMITDEFER, RESUBMITDEFER) "deferred"; DELIVERFAIL and
//   DUPLICATEDELIVER are the organisation's own mailboxes; the rest
//   (RECEIVE, SUBMIT, EXPAND, RESOLVE, REDIRECT, TRANSFER, DSN,
//   HAREDIRECT, AGENTINFO, ...) are not deliveries, yet each of their
//   recipients goes on as "unknown" (not an attempt; relay "SERVER (EVENT;
//   no later event in the logs given)"), which any later event's outcome
//   replaces: a message received for a look-alike whose SEND or FAIL is in
//   no log given (the next hour's, the next server's, still queued) is
//   shown with its outcome unknown, never dropped. EXPAND, RESOLVE,
//   REDIRECT and the like are also counted (LineCounts::replaced). An
//   event-id outside that list is counted as not understood.
//
//   Microsoft 365 message trace (Exchange admin center export,
//   Get-MessageTrace / Get-MessageTraceV2 | Export-Csv; the properties of
//   "Get-MessageTraceV2", learn.microsoft.com/powershell/module/exchange/
//   get-messagetracev2): a header row with Received, SenderAddress,
//   RecipientAddress, Subject, Status, MessageId (also ToIP, FromIP, Size,
//   MessageTraceId), one row per recipient, times in UTC. Status:
//   Delivered is "sent" ("unknown" when auditing if its ToIP is a smart
//   host named with audit --smart-host or in a gateway's published block,
//   smart_host.h, or a private address, trace_send.h: the mail went to a
//   relay, not to the recipient); Failed is "bounced" (not delivered);
//   Quarantined is "held" (in the service's quarantine, which may release
//   it, as Postfix's hold queue); Pending and GettingStatus (no outcome
//   yet) and FilteredAsSpam (marked as spam: sent through the high-risk
//   delivery pool or blocked, the trace does not say)
//   "unknown", relay "TOIP (Pending; no later event in the logs given)"
//   (UndecidedRelay, trace_events.h: one form for every format's
//   undecided recipient, as Exchange's RECEIVE with no later event);
//   None ("no delivery status because it was rejected or redirected to a
//   different recipient") is "bounced" too: this recipient did not get
//   it; Expanded (a group, whose members have rows of their own) and
//   Resolved ("redirected to a new recipient address based on an Active
//   Directory look up", which has a row of its own) are not deliveries,
//   counted per file (LineCounts::replaced).
//   Spellings of the admin center ("Filtered as spam", "Getting status")
//   are the same statuses.
//
//   Microsoft 365 historical search (Start-HistoricalSearch -ReportType
//   MessageTrace, the CSV it mails): origin_timestamp_utc, sender_address,
//   recipient_status, message_subject, total_bytes, message_id, ...;
//   recipient_status is "ADDRESS##EVENT, EVENT;ADDRESS##..." per
//   recipient, the events in the order they happened: the latest decisive
//   one decides (trace_events.h: "Receive, Send, Fail" and "Receive,
//   DeliverFail" are "bounced", "Receive, Drop" "discarded", "Receive,
//   Expand" not a delivery; "Receive" alone, "Receive, Transfer" or any
//   list of events none of which decides is "unknown", UndecidedRelay);
//   an event outside
//   Exchange's list is counted as not understood.
//
//   Exchange Server message tracking, saved by PowerShell
//   (Get-MessageTrackingLog | Export-Csv; "Get-MessageTrackingLog",
//   learn.microsoft.com/powershell/module/exchange/get-messagetrackinglog:
//   the log's fields without their hyphens, date-time shown as Timestamp,
//   recipient-address as Recipients, sender-address as Sender): a "#TYPE
//   Microsoft.Exchange.Management.TransportTasks.MessageTrackingEvent"
//   line (or none, -NoTypeInformation), then a header with Timestamp,
//   EventId, Recipients, Sender, MessageId, ...; read as the log itself
//   is. Recipients is a list (String[]): Export-Csv writes the type's
//   name, "System.String[]", not the addresses, so such a file is refused
//   whole (LineCounts::refused), naming the line and the export that keeps
//   them (Select-Object with Recipients joined by ';'). A list joined by
//   ';', ',' or blanks is read. Timestamp is the exporting machine's local
//   time, with no zone in the file: read in the run's zone (audit
//   --log-zone, log_zone.h) and counted (LineCounts::local_time_rows);
//   with no --log-zone a row the window leaves out by less than 14 hours
//   may be inside it (LineCounts::zone_edge_rows). A Timestamp that
//   carries its zone ('Z', an offset) is read by it.
//
// A record that decides an outcome (an Exchange SEND, FAIL, DEFER, DROP,
// ...; a message trace row; a historical search row or entry) whose
// recipient cell holds no address is not read: unrecognised and not
// understood, named with the cell's heading (LineCounts::
// empty_recipients), never passed over as a delivery to nobody.
//
// A line equal to the header, after the first (two exports concatenated
// with `cat`), is skipped as a header again, and so is a "#TYPE" line. A
// header of another order, other optional columns or another zone
// ("Date (UTC-05:00)" after "Date (UTC+01:00)") maps the columns of the
// rows after it, as a second #Fields: line does; one that names no form's
// every column leaves each row after it unread and not understood
// (LineCounts::rows_under_bad_header), never read by another header's
// columns. A header is a record at least three of whose cells, and half,
// are a trace's column headings.
//
// Header names are matched without case, spaces, '_' or '-' (so the admin
// center's "Recipient address" is RecipientAddress). A time heading that
// names its zone in parentheses ("Date (UTC+01:00)": the new admin center
// shows and downloads times in the administrator's zone) has that offset
// taken off, so times are UTC; a zone that is no offset ("Date (Pacific
// Standard Time)") refuses the file (LineCounts::refused), never read as
// UTC. PowerShell's "#TYPE"
// line and a UTF-8 byte order mark are skipped. Times: ISO 8601 (with or
// without 'T', fraction and zone; no zone is UTC, as these traces write)
// or Export-Csv's en-US "M/D/YYYY h:mm:ss AM/PM", or another culture's
// short date (trace_time.h: "03.11.2025", "2025/11/03"); another form, or a date
// that does not exist (2025-02-30, 11/31/2025, 2/29/2025: never rolled
// over into the next month), makes the record unrecognised. A slash date without AM/PM ("04/11/2026 10:06:00",
// what a non-US locale's export writes) is day/month or month/day by the
// exporting machine's locale, which the file does not say: it is read only
// in the DateOrder the user states (--date-order), otherwise the record is
// unrecognised and counted as an ambiguous date (LineCounts), never
// guessed. A stated order applies to every slash date, AM/PM or not. A record
// with more or fewer fields than its header, or before any header, is
// unrecognised (LineCounts), never skipped silently. Each such record after
// the header is also a delivery line not understood (LineCounts::
// not_understood: audit and learn exit 2): every record of a trace is an
// event, and the one not read may be the delivery to a look-alike.
//
// Rows of one message share its Message-ID as the queue id, across files:
// a message seen by several Exchange servers (SEND from one, DELIVER or
// SEND from the next) is one delivery per recipient in the report.
//
// Thread safety: one TraceLog per reader thread.
#ifndef NEARMISS_MAILLOG_TRACE_LOG_H_
#define NEARMISS_MAILLOG_TRACE_LOG_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "maillog/clock_step.h"
#include "maillog/csv_records.h"
#include "maillog/line_counts.h"
#include "maillog/postfix_fields.h"
#include "maillog/stopped_by.h"
#include "maillog/trace_time.h"  // DateOrder

namespace nearmiss::maillog {
class DeliverySink;
}  // namespace nearmiss::maillog

namespace nearmiss::maillog {

// True when the file's first line is a trace's: a '#' directive (Exchange,
// PowerShell's #TYPE) or a CSV header naming a sender and recipients.
bool LooksLikeTrace(std::string_view first_line);

// The field separator of a trace export whose header is `header`: ';' when
// only that split names a trace's columns (Export-Csv -UseCulture, Excel
// where the comma is the decimal mark), else ','.
char TraceDelimiter(std::string_view header);

// In the relay of a SEND to a smart host outside the organisation
// ("HOST (a smart host outside the organisation through CONNECTOR)"):
// the words a report finds it by (investigate/incomplete.cc).
inline constexpr std::string_view kSmartHostOutside = "a smart host outside the organisation";

// In the relay of a SEND read from a Get-MessageTrackingLog export that has
// no RecipientStatus column ("HOST (SEND; ...)"): the next server's reply
// to each recipient is not in the file, so a refusal cannot be seen and the
// outcome is "unknown" (unknown_cause.h, investigate/incomplete.cc).
inline constexpr std::string_view kNoReplyColumn =
    "the export has no RecipientStatus column: the next server's reply to each recipient, a "
    "refusal too, is not in it";

class TraceLog {
 public:
  // `judgeable_domain`: recipients whose domain it refuses are not
  // understood (postfix_fields.h, DomainCheck). `learning`, `own_domain`:
  // as PostfixLogOptions' (malformed domains and rows of mail received
  // are skipped and counted). A row's direction: its directionality (or
  // direction) column, Exchange's and historical search's: "Incoming" is
  // mail received, "Originating" / "Outgoing" mail sent (Exchange's
  // "Message tracking" field list); without one, an Exchange event is
  // sent (only SEND, SENDEXTERNAL, FAIL and DEFER reach the sink: events
  // of mail leaving a server), and a Microsoft 365 row is sent when its
  // sender's domain is the organisation's (own_domain).
  TraceLog(std::string name, DeliverySink* sink, DateOrder date_order = DateOrder::kUnstated,
           DomainCheck judgeable_domain = {}, bool learning = false,
           DomainCheck own_domain = {});
  // The form a header record (a Microsoft 365 export's first row) makes a
  // file: kNone unless it names every column of one (csv_forms.h).
  static LineFormat HeaderForm(const std::vector<std::string>& names);
  void Feed(std::string_view line);
  void Finish();
  const LineCounts& counts() const { return counts_; }
  // The window of log time counted (LineCounts::window_from, window_to).
  void set_window(int64_t from, int64_t to) {
    counts_.window_from = from;
    counts_.window_to = to;
  }
  // Why judgeable_domain refused a domain (postfix_fields.h); may be unset.
  void set_domain_why(DomainWhy why) { domain_why_ = std::move(why); }
  // audit --smart-host (PostfixLogOptions::smart_hosts, lower case): a
  // next hop of that name or address, or a connector of that name, is a
  // smart host outside the organisation, as in a Postfix log.
  void set_smart_hosts(std::vector<std::string> named) { smart_hosts_ = std::move(named); }
  // The number its attempts carry as Attempt::file (PostfixLog::file()).
  void set_file(uint32_t file) { file_ = file; }
  // A first pass over the file (ReadLog, when no order is stated): rows
  // are not read, only what each time says of the file's order of day
  // and month is kept (DateOrderEvidence); DecidedOrder then gives it.
  void ScanDateOrder() { scanning_ = true; }
  DateOrder DecidedOrder() const { return DecideDateOrder(day_first_seen_, month_first_seen_); }

 private:
  bool nul_at_start_ = false;  // of the last NUL run (Feed)
  // kExtended: historical search's extended report, Exchange's events
  // with the fields' names in snake case, read as kExchange is.
  // kExport: Get-MessageTrackingLog | Export-Csv, read as kExchange is.
  enum class Kind { kUnknown, kExchange, kTrace, kHistorical, kExtended, kExport };
  void Directive(std::string_view text, uint64_t line);
  void Record(const std::vector<std::string>& fields, uint64_t line);
  void Header(const std::vector<std::string>& names, bool exchange);
  // A record most of whose cells are column headings (trace_header.cc).
  static bool LooksLikeHeader(const std::vector<std::string>& f);
  // A header after the first (exports joined with cat): the rows after it
  // are read by its columns, or, when it names no form's every column,
  // not read (LineCounts::rows_under_bad_header).
  void HeaderAgain(const std::vector<std::string>& f, uint64_t line);
  // The columns kind_'s form needs that the header read last lacks, by
  // that form's names ("Status", "RecipientAddress").
  std::string HeaderLacks() const;
  bool bad_header_ = false;  // the last header was of no form (HeaderAgain)
  // The time column is Get-MessageTrackingLog's Timestamp: a wall clock
  // of a zone the file does not name (Header).
  bool local_times_ = false;
  // The UTC time of such a row's wall-clock time `wall` (seconds as if
  // UTC), read in the run's zone (log_zone.h); counted
  // (LineCounts::local_time_rows, zone_edge_rows).
  int64_t LocalTime(int64_t wall, uint64_t line);
  char delimiter_ = ',';     // the records' field separator (csv_)
  void SetDelimiter(char d) {
    delimiter_ = d;
    csv_.SetDelimiter(d);
  }
  void Row(const std::vector<std::string>& f, uint64_t line);
  void Tally(uint64_t first_line, LineFormat format);  // a record's lines, recognised
  void Unrecognised(uint64_t first_line);
  // trace_clock.cc: why a record's time is a clock set wrong (after the
  // run's ceiling, far from its Exchange file's name or #Date:); "" when
  // it is not. NoteDateDirective reads a "#Date:" line's time.
  std::string ClockSetWrong(int64_t time);
  void NoteDateDirective(std::string_view text);
  void AmbiguousDate(uint64_t first_line, std::string_view cell);
  void NotUnderstood(uint64_t line);
  // A record not understood whose recipients still go to the sink, with
  // what was not read left unknown (LineCounts::read_in_part).
  void ReadInPart(uint64_t line);
  // A row whose recipient was replaced by others (LineCounts::replaced).
  void Replaced(uint64_t line);
  // Get-MessageTrackingLog | Export-Csv (trace_export.cc). The first
  // column read whose cell is a .NET list's type name ("System.String[]":
  // Export-Csv writes a String[] property, Recipients or RecipientStatus,
  // so), -1 when none; such a row's file is refused naming that column
  // (LineCounts::refused). A SEND of an export with no RecipientStatus
  // column: counted (LineCounts::sends_without_replies), its recipients
  // "unknown" with NoReplyRelay.
  int ListTypeColumn(const std::vector<std::string>& f) const;
  void Refuse(uint64_t line, int column);
  void NoReplies(uint64_t line);
  static std::string NoReplyRelay(std::string_view relay);
  // An Exchange log whose #Fields line lacks date-time, event-id or
  // recipient-address, or whose records come before any #Fields line
  // (after its #Software/#Version/... directives): no delivery can be read
  // from it, so the file is refused (LineCounts::refused) at `line`,
  // whatever --min-recognised says.
  void RefuseFields(uint64_t line);
  // A row of a file whose time heading names a zone that is no UTC
  // offset: the file is refused (LineCounts::refused).
  void RefuseZone(uint64_t line);
  // A record's event, row or recipient entry whose recipient cell
  // (`heading`, as the file names it) holds no address: an event that may
  // be the delivery to a look-alike, so never dropped; the record is
  // unrecognised and not understood (LineCounts::empty_recipients).
  void EmptyRecipient(uint64_t line, std::string_view heading);
  // What Row read of a record before its format's own fields.
  struct RowHead {
    int64_t time;
    std::string_view id, sender, relay;
  };
  // Row's reading of each format's outcome fields: an Exchange event
  // (kExchange, kExtended, kExport; trace_row_exchange.cc), a Microsoft
  // 365 message trace row and a historical search row (trace_row_m365.cc).
  void ExchangeRow(const std::vector<std::string>& f, uint64_t line, const RowHead& head);
  void TraceRow(const std::vector<std::string>& f, uint64_t line, const RowHead& head);
  void HistoricalRow(const std::vector<std::string>& f, uint64_t line, const RowHead& head);
  // A SEND (or a Microsoft 365 row, a historical search entry) whose next
  // hop is a smart host outside the organisation: "RELAY (a smart host
  // outside the organisation[ through CONNECTOR])"; "" when it is not
  // (OutboundRelay, smart_host.h: by the next hop's name or address, the
  // connector's name, or audit --smart-host).
  std::string SmartHostRelay(const std::vector<std::string>& f, std::string_view relay,
                             std::string_view recipient) const;
  void Emit(int64_t time, std::string_view id, std::string_view sender, std::string_view rcpt,
            std::string_view status, std::string_view relay, std::string_view text,
            uint64_t line, bool attempt = true);  // false: a hop, not in delivery_lines
  LineFormat format() const;
  // Learning: false (and counted) when the row `f` is of mail received or
  // of no telling direction.
  bool Outbound(const std::vector<std::string>& f, std::string_view sender, uint64_t line);
  std::string_view Field(const std::vector<std::string>& f, int column) const;

  DeliverySink* sink_;
  DomainCheck judgeable_domain_;
  DomainWhy domain_why_;
  std::vector<std::string> smart_hosts_;
  bool learning_ = false;
  DomainCheck own_domain_;
  std::string no_id_;  // the key of a row without a MessageId (Row)
  bool row_sender_known_ = true;  // the row being read names one sender (Row, Emit)
  ZoneSource row_zone_ = ZoneSource::kInput;  // its time's (Attempt::zone)
  uint32_t file_ = 0;             // set_file
  WriteOrder write_order_;        // an Exchange log's runs (Attempt::run)
  DateOrder date_order_;
  bool scanning_ = false;  // ScanDateOrder
  bool day_first_seen_ = false, month_first_seen_ = false;
  LineCounts counts_;
  CsvRecords csv_;
  // The first line of the record being read, for excerpts of what was not
  // read (a record may span lines: the excerpt is where it starts).
  std::string record_text_;
  Kind kind_ = Kind::kUnknown;
  // An Exchange directive (#Software, #Version, #Log-type, #Date, #Fields)
  // was read: the file is a tracking log, whose records need #Fields.
  bool exchange_directives_ = false;
  // The time the last "#Date:" says its part began and the one the
  // file's MSGTRK name says it was created (UTC; 0: none), for
  // ClockSetWrong.
  int64_t part_began_ = 0, named_creation_ = 0;
  bool name_checked_ = false;
  // Columns of the header; -1 when absent.
  int time_ = -1, sender_ = -1, recipient_ = -1, status_ = -1, event_ = -1, message_id_ = -1,
      internal_id_ = -1, trace_id_ = -1, relay_ = -1, connector_ = -1, recipient_status_ = -1,
      subject_ = -1, direction_ = -1, server_ip_ = -1, related_ = -1;
  // Get-MessageTrace's StartDate and EndDate columns (the window the
  // cmdlet was asked for, on every row); -1 when absent.
  int start_date_ = -1, end_date_ = -1;
  // Exchange's client-hostname: a SEND's sending server (NoteLoggingServer).
  int client_host_ = -1;
  // Exchange's source (SMTP, STOREDRIVER, DSN, ...): DSN's events are of a
  // non-delivery report (Attempt::non_delivery_report, set by Emit from
  // row_non_delivery_).
  int source_ = -1;
  bool row_non_delivery_ = false;
  // Exchange's source-context ("Transport Rule Agent" on an AGENT's DROP).
  int source_context_ = -1;
  // Who stopped the row's recipients (stopped_by.h): set by an Exchange
  // DROP, given by Emit to each
  // "rejected", "discarded" or "held" attempt of this row only.
  StoppedBy row_stopped_by_ = StoppedBy::kNone;
  // An inbox rule's mail (source MAILBOXRULE: Exchange's RECEIVE of the
  // copy a rule redirects or forwards): the mailboxes the message was
  // DELIVERed to (the first kMaxMailboxes), by Message-ID (ASCII lower
  // case), and for the rule's copy (Message-ID '\0' internal-message-id)
  // "mailbox rule of alice@army.mil", the hop Emit gives each of its
  // attempts (row_hops_). Bounded by kMaxRelated. trace_forward_hops.cc.
  static constexpr size_t kMaxMailboxes = 64;
  std::unordered_map<std::string, std::vector<std::string>> delivered_to_;
  std::unordered_map<std::string, std::string> rule_of_;
  std::string_view row_hops_;
  void NoteMailboxRule(const std::vector<std::string>& f, std::string_view event,
                       std::string_view id);
  // The hop of a rule's copy `f` of message `id`: "mailbox rule of X" when
  // related-recipient-address or the sender names a mailbox it reached, or
  // it reached one; else "a mailbox rule (mailbox unknown: ...)".
  std::string RuleMailbox(const std::vector<std::string>& f, std::string_view id) const;
  // The same hops, and a REDIRECT's ("a redirect by X's forwarding
  // address"), by Message-ID '\0' recipient (lower case): what Emit gives
  // an attempt whose row has no hop of its own, such as the copy's SEND on
  // another server under another internal-message-id. Bounded by
  // kMaxRelated.
  std::unordered_map<std::string, std::string> forward_hops_;
  bool row_makes_hop_ = false;  // the row is the hop's own event: its attempts carry none
  void NoteForwardHop(std::string_view id, std::string_view rcpt, std::string hop);
  std::string_view ForwardHop(std::string_view id, std::string_view rcpt) const;
  // Counts the server an Exchange event `f` names as the one logging it
  // under the last "#Date:" line (LineCounts::ExchangeDay::servers).
  void NoteLoggingServer(const std::vector<std::string>& f, std::string_view event);
  // Rows under the current header (a header again starts a new export):
  // PageEnd says a section of exactly one default page (LineCounts::
  // page_rows).
  uint64_t section_rows_ = 0;
  // The times of its rows read (seconds; INT64_MAX and INT64_MIN before
  // any): a full page the next section continues is no cut.
  int64_t section_oldest_ = INT64_MAX, section_newest_ = INT64_MIN;
  // The record being read (Record), for NotUnderstood's recipients;
  // nullptr between records.
  const std::vector<std::string>* record_ = nullptr;
  void PageEnd();
  // Exchange's REDIRECT, EXPAND and RESOLVE (and their DUPLICATE forms)
  // name the address they replaced in related-recipient-address (the
  // group expanded, the address redirected or resolved; Microsoft's
  // message tracking log field reference): by Message-ID '\0' recipient
  // (lower case), the address the sender gave, which every later event of
  // that recipient carries as Attempt::orig_recipient. Bounded (cleared
  // past kMaxRelated: a recipient then shows without it).
  static constexpr size_t kMaxRelated = 100000;
  std::unordered_map<std::string, std::string> related_of_;
  std::string related_key_;  // reused for lookups
  // Notes `rcpts` of message `id` as replacing `related` (above).
  void NoteRelated(std::string_view id, const std::vector<std::string_view>& rcpts,
                   std::string_view related);
  std::string_view RelatedOf(std::string_view id, std::string_view rcpt);
  // The recipient columns' headings as the file writes them
  // ("recipient-address", "Recipients", "RecipientAddress",
  // "recipient_status"): named when a cell holds no address.
  std::string recipient_heading_, recipient_status_heading_;
  size_t columns_ = 0;
  // The zone the time column's heading names ("Date (UTC+01:00)", the
  // admin center's download in the administrator's zone): "UTC" with
  // time_offset_ its seconds east of UTC, "" when none is named (the
  // times are UTC, as these traces write), else the text, refused.
  std::string time_zone_;
  int64_t time_offset_ = 0;
  std::string_view subject_text_;  // the row being read's subject ("" when none)
  // The row being read's MessageTraceId (Attempt::trace_id; "" when none).
  std::string_view row_trace_id_;
  // The row being read's server-ip (Attempt::relay_address; "" when none).
  std::string_view row_server_ip_;
  // The header record (no #Fields:), to know it again when repeated.
  std::vector<std::string> header_;
  // A "#TYPE" line before the header: counted as the header's form once it
  // is known (0: none pending).
  uint64_t type_line_ = 0;
  // The last line already counted and how: libcsv ends a record at a bare
  // CR as well as at the line break, so one line can hold several records
  // (fuzz/regressions/maillog_read/), and each line must still be counted
  // once: recognised only if every record on it was.
  uint64_t counted_through_ = 0;
  LineFormat counted_as_ = LineFormat::kNone;  // kNone: unrecognised
};

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_TRACE_LOG_H_
