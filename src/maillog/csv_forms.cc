// The CSV forms, told by their header (csv_forms.h).
#include "maillog/csv_forms.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "base/ascii.h"
#include "maillog/csv_records.h"
#include "maillog/line_counts.h"
#include "maillog/trace_log.h"

namespace nearmiss::maillog {
namespace {

bool OneOf(const std::string& key, std::initializer_list<std::string_view> names) {
  return std::any_of(names.begin(), names.end(), [&key](std::string_view n) { return key == n; });
}

// A column a form needs: the name the form's documentation gives it and
// the headings (HeadingKey) that name it.
struct Needed {
  std::string_view shown;
  std::vector<std::string_view> keys;
};

struct Form {
  std::string_view name;
  std::vector<Needed> columns;
};

// What TraceLog::Header takes for each form (trace_header.cc), named as
// Microsoft's documentation of each export names the columns.
const std::vector<Form>& TraceForms() {
  static const std::vector<Form> kForms = {
      {"a Microsoft 365 message trace",
       {{"Received", {"received", "date", "datetime", "receiveddatetime", "datetimeutc",
                      "timestamp", "origintimestamputc"}},
        {"SenderAddress", {"senderaddress", "sender"}},
        {"RecipientAddress", {"recipientaddress", "recipients", "recipient"}},
        {"Status", {"status", "deliverystatus"}}}},
      {"a Microsoft 365 historical search",
       {{"origin_timestamp_utc", {"origintimestamputc", "received", "date", "datetime",
                                  "receiveddatetime", "datetimeutc", "timestamp"}},
        {"sender_address", {"senderaddress", "sender"}},
        {"recipient_status", {"recipientstatus"}}}},
      {"an Exchange message tracking export (Get-MessageTrackingLog | Export-Csv)",
       {{"Timestamp", {"timestamp", "datetime", "datetimeutc", "received", "date",
                       "receiveddatetime", "origintimestamputc"}},
        {"EventId", {"eventid"}},
        {"Recipients", {"recipients", "recipientaddress", "recipient"}}}},
  };
  return kForms;
}

bool IsSenderKey(const std::string& k) {
  return OneOf(k, {"sender", "from", "senderaddress", "fromaddress", "sendersmtpaddress"});
}
bool IsRecipientKey(const std::string& k) {
  return OneOf(k, {"recipient", "recipients", "to", "rcpt", "recipientaddress",
                   "recipientaddresses", "toaddress", "toaddresses"});
}
// A day alone, joined with a time-of-day column when there is one.
bool IsDayKey(const std::string& k) {
  return OneOf(k, {"date", "datesent", "sentdate", "receiveddate"});
}
bool IsTimeOfDayKey(const std::string& k) {
  return OneOf(k, {"time", "senttime", "receivedtime", "timesent"});
}
// A header that names the time a row's message was sent, as exports write
// it ("Date Sent", "SentDateTime", "date_time", "Received").
bool IsDateKey(const std::string& k) {
  return IsDayKey(k) || IsTimeOfDayKey(k) ||
         OneOf(k, {"timestamp", "datetime", "datetimeutc", "sent", "sentdatetime", "sentat",
                   "received", "receiveddatetime", "when"});
}
// RFC 5322 section 3.6.4's Message-ID as exports name it: "Message-ID",
// "MessageId" (Microsoft 365), "Internet Message Id" (Exchange, Graph).
bool IsMessageIdKey(const std::string& k) {
  return k == "messageid" || k == "internetmessageid" || k == "msgid";
}
// The Postfix queue id (postconf(5)), as a CSV made from a log names it.
bool IsQueueIdKey(const std::string& k) { return k == "queueid" || k == "qid"; }

SentMailColumns SentMailColumnsOf(const std::vector<std::string>& head, char separator) {
  SentMailColumns c;
  c.headings = head;
  int day = -1, time_of_day = -1, other_date = -1;
  for (size_t i = 0; i < head.size(); ++i) {
    const std::string k = HeadingKey(head[i]);
    const int n = static_cast<int>(i);
    if (IsSenderKey(k)) c.sender = n;
    if (IsRecipientKey(k) && c.recipient < 0) c.recipient = n;
    if (IsDayKey(k)) day = n;
    if (IsTimeOfDayKey(k)) time_of_day = n;
    if (IsDateKey(k)) other_date = n;
    if (IsMessageIdKey(k)) c.message_id = n;
    if (IsQueueIdKey(k)) c.queue_id = n;
  }
  if (day >= 0 && time_of_day >= 0) {
    c.date = day;
    c.time_of_day = time_of_day;
  } else {
    c.date = other_date;
  }
  if (c.date >= 0) c.zone = HeadingZone(head[c.date], &c.offset);
  if (c.recipient >= 0) c.separator = separator;
  return c;
}

// The columns of `form` that `keys` (HeadingKey of each heading) lacks.
std::vector<std::string_view> Lacking(const Form& form, const std::vector<std::string>& keys) {
  std::vector<std::string_view> out;
  for (const Needed& n : form.columns) {
    bool found = std::any_of(keys.begin(), keys.end(), [&n](const std::string& k) {
      return std::any_of(n.keys.begin(), n.keys.end(), [&k](std::string_view a) { return k == a; });
    });
    if (!found) out.push_back(n.shown);
  }
  return out;
}

std::string Listed(const std::vector<std::string_view>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i != 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// A header with the columns only Microsoft's message trace writes (its
// MessageTraceId, ToIP, FromIP; its Received beside SenderAddress): a
// trace, cut or not, never a sent-mail CSV. Its rows include mail
// received, which only the trace's reader tells apart.
bool TraceOnlyColumns(const std::vector<std::string>& keys) {
  auto has = [&keys](std::string_view k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
  };
  return has("messagetraceid") || has("toip") || has("fromip") ||
         (has("received") && has("senderaddress"));
}

std::vector<std::string> Keys(const std::vector<std::string>& header) {
  std::vector<std::string> keys;
  for (const std::string& h : header) keys.push_back(HeadingKey(h));
  return keys;
}

std::string_view StripBom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

}  // namespace

std::string HeadingKey(std::string_view heading) {
  std::string out;
  bool in_parens = false;
  std::string inside;
  for (char c : heading) {
    if (c == '(') {
      in_parens = true;
      inside.clear();
      continue;
    }
    if (c == ')') {
      in_parens = false;
      // Outlook's "From: (Address)", "To: (Name)" name the column by what
      // is in parentheses; anything else there is a zone ("Date (UTC)"),
      // read by HeadingZone, no part of the name.
      const std::string word = AsciiLower(inside);
      if (word == "address" || word == "name" || word == "type") out += word;
      continue;
    }
    if (c == ' ' || c == '_' || c == '-' || c == '/' || c == ':' || c == '"' || c == '\t') {
      continue;
    }
    if (in_parens) {
      inside += c;
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

std::string HeadingZone(std::string_view heading, int64_t* offset) {
  *offset = 0;
  size_t open = heading.find('(');
  size_t close = heading.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return {};
  std::string_view zone = heading.substr(open + 1, close - open - 1);
  while (!zone.empty() && zone.front() == ' ') zone.remove_prefix(1);
  while (!zone.empty() && zone.back() == ' ') zone.remove_suffix(1);
  const std::string word = AsciiLower(zone);
  if (word == "address" || word == "name" || word == "type") return {};  // Outlook's, no zone
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

SentMailColumns FindSentMailColumns(std::string_view header_line) {
  header_line = StripBom(header_line);
  SentMailColumns by_comma;
  for (char separator : {',', ';', '\t'}) {
    std::vector<std::string> head;
    if (separator == ',') {
      head = SplitCsvLine(header_line);
    } else {
      // libcsv splits at commas only: the other separators by hand, quotes
      // kept whole (a header's names hold neither separator nor quote).
      head.emplace_back();
      for (char c : header_line) {
        if (c == separator) {
          head.emplace_back();
        } else if (c != '"' && c != '\r') {
          head.back() += c;
        }
      }
    }
    SentMailColumns c = SentMailColumnsOf(head, separator);
    if (c.separator != 0) return c;
    // None names a recipient: the comma reading says what the header has.
    if (separator == ',') by_comma = std::move(c);
  }
  return by_comma;
}

bool IsCsvName(std::string_view path) {
  std::string lower = AsciiLower(path.substr(path.size() < 8 ? 0 : path.size() - 8));
  return lower.ends_with(".csv") || lower.ends_with(".csv.gz");
}

CsvForm TellCsvForm(std::string_view first_line) {
  first_line = StripBom(first_line);
  // Exchange's directives, PowerShell's #TYPE, Excel's "sep=": a trace,
  // whose reader refuses it when its columns are no form.
  if (first_line.starts_with("#") || first_line.starts_with("sep=")) return CsvForm::kTrace;
  if (TraceLog::HeaderForm(SplitCsvLine(first_line)) != LineFormat::kNone ||
      TraceLog::HeaderForm(SplitCsvLine(first_line, ';')) != LineFormat::kNone) {
    return CsvForm::kTrace;
  }
  const SentMailColumns c = FindSentMailColumns(first_line);
  if (c.complete() && !TraceOnlyColumns(Keys(c.headings))) return CsvForm::kSentMail;
  return CsvForm::kNone;
}

std::string CsvFormRefusal(const std::string& where, const std::vector<std::string>& header,
                           bool sent_mail) {
  std::vector<std::string> keys;
  std::string shown;
  for (const std::string& h : header) {
    keys.push_back(HeadingKey(h));
    if (!shown.empty()) shown += ',';
    shown += h;
  }
  if (shown.size() > LineCounts::kExcerpt) shown.resize(LineCounts::kExcerpt);
  std::string out = where;
  out += ": a CSV of no form nearmiss reads, so none of its rows is read: ";
  for (const Form& form : TraceForms()) {
    std::vector<std::string_view> all;
    for (const Needed& n : form.columns) all.push_back(n.shown);
    out += form.name;
    out += " needs ";
    out += Listed(all);
    const std::vector<std::string_view> lacking = Lacking(form, keys);
    out += lacking.empty() ? " (it has them); " : " (this file has no ";
    if (lacking.empty()) continue;
    out += Listed(lacking);
    out += "); ";
  }
  out += "a sent-mail CSV needs sender, recipient and date columns (";
  // One field read at commas may be a header separated by ';' or tabs.
  const SentMailColumns c =
      header.size() == 1 ? FindSentMailColumns(header[0]) : SentMailColumnsOf(header, ',');
  std::vector<std::string_view> lacking;
  if (c.sender < 0) lacking.push_back("sender");
  if (c.recipient < 0) lacking.push_back("recipient");
  if (c.date < 0) lacking.push_back("date");
  if (!lacking.empty()) {
    out += "this file has no ";
    out += Listed(lacking);
  } else if (TraceOnlyColumns(Keys(c.headings))) {
    out += "it has them, but also a message trace's own columns: a trace without its Status, "
           "whose rows include mail received";
  } else {
    out += "it has them";
  }
  out += sent_mail ? ")" : "), which `nearmiss learn` reads, not audit";
  // The sent-mail reader tries each separator (FindSentMailColumns).
  out += sent_mail ? "; read as separated by ',', ';' or tabs: '" : "; the header: '";
  for (char c : shown) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  out += "'; docs/mail-logs.md lists each form's columns";
  return out;
}

std::string CsvFormRefusal(const std::string& where, std::string_view header_line,
                           bool sent_mail) {
  header_line = StripBom(header_line);
  std::vector<std::string> header = SplitCsvLine(header_line);
  if (header.size() <= 1) {
    const SentMailColumns c = FindSentMailColumns(header_line);
    if (c.separator != 0) header = c.headings;
  }
  return CsvFormRefusal(where, header, sent_mail);
}

}  // namespace nearmiss::maillog
