// Which form a CSV export is, told by the columns its header row names,
// never by its file name: a form is taken only when the header has every
// column that defines it, and any other CSV is refused naming what it
// lacks (docs/mail-logs.md). The forms:
//
//   - Microsoft 365 message trace (Get-MessageTraceV2 | Export-Csv; the
//     admin center's download): Received, SenderAddress, RecipientAddress
//     and Status ("Get-MessageTraceV2", learn.microsoft.com/powershell/
//     module/exchange/get-messagetracev2). Status is what makes it a
//     trace: a CSV without one is no message trace, whatever else it names.
//   - Microsoft 365 historical search (Start-HistoricalSearch -ReportType
//     MessageTrace): origin_timestamp_utc, sender_address, recipient_status.
//   - Exchange message tracking saved by PowerShell (Get-MessageTrackingLog
//     | Export-Csv), and historical search's extended report: Timestamp
//     (date_time_utc), EventId, Recipients (recipient_address).
//   - Exchange's own tracking log (MSGTRK*.LOG) is told by its "#Fields:"
//     line, not here (trace_log.h refuses one without date-time, event-id
//     and recipient-address).
//   - A sent-mail CSV, which `learn` reads (README, "nearmiss learn"): a
//     sender, a recipient and a date column, under the spellings exports
//     write (sender, from, SenderAddress, From: (Address); recipient, to,
//     rcpt, Recipients, recipient_address, To: (Address); date, Date
//     (UTC), sent, SentDateTime, ...; or a Date and a Time column).
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_CSV_FORMS_H_
#define NEARMISS_MAILLOG_CSV_FORMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::maillog {

// A heading as the forms compare it: lower case, without the blanks, '_',
// '-', '/', ':', quotes and parentheses exports put in it, and without a
// zone in parentheses after a time heading: "Recipient address",
// "recipient_address" -> "recipientaddress"; "To: (Address)" ->
// "toaddress"; "Date (UTC+01:00)" -> "date".
std::string HeadingKey(std::string_view heading);

// The zone a time heading names in parentheses ("Date (UTC)", "Date
// (UTC+01:00)", "Received (GMT-05:30)"): "UTC" with `*offset` its seconds
// east of UTC; "" when it names none; any other text as written (a zone no
// offset says: the caller refuses it rather than read it as UTC).
std::string HeadingZone(std::string_view heading, int64_t* offset);

// The columns of a sent-mail CSV; -1 where absent.
struct SentMailColumns {
  char separator = 0;  // ',' (RFC 4180), ';' (Excel in most of Europe) or a tab
  int sender = -1, recipient = -1;
  // The date column, or the date and the time of day in two columns
  // ("Date", "Time": joined as "DATE TIME"); time_of_day is -1 when the
  // date column holds the time too.
  int date = -1, time_of_day = -1;
  int message_id = -1, queue_id = -1;
  std::vector<std::string> headings;  // as the file writes them
  // The date heading's zone (HeadingZone): "UTC" and its offset for
  // "Date (UTC+01:00)", applied to times that name no zone.
  std::string zone;
  int64_t offset = 0;
  bool complete() const { return sender >= 0 && recipient >= 0 && date >= 0; }
};

// The sent-mail columns of a header line, with the separator that makes it
// name a recipient column (',' then ';' then a tab); separator 0 when none
// does.
SentMailColumns FindSentMailColumns(std::string_view header_line);

// Whether `path` is named as a CSV export: ".csv" (or ".csv.gz"), any
// case ("MessageTrace.CSV").
bool IsCsvName(std::string_view path);

// How `learn` reads a CSV whose first line is `first_line`.
enum class CsvForm {
  kTrace,     // an Exchange or Microsoft 365 trace (TraceLog)
  kSentMail,  // a sent-mail CSV (history::Learner::AddCsv)
  kNone,      // no form: refused (CsvFormRefusal)
};
CsvForm TellCsvForm(std::string_view first_line);

// The refusal of a CSV of no form: `where` ("FILE:LINE"), then for each
// form the columns it needs and those of them the header lacks, then the
// header. `sent_mail`: whether the reader takes sent-mail CSVs (learn) or
// not (audit, which says learn does).
std::string CsvFormRefusal(const std::string& where, const std::vector<std::string>& header,
                           bool sent_mail);
std::string CsvFormRefusal(const std::string& where, std::string_view header_line,
                           bool sent_mail);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_CSV_FORMS_H_
