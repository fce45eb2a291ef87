// Learner::AddCsv: sent-mail CSV exports (learn.h; the form:
// maillog/csv_forms.h; its cells: csv_cells.h).
#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <unordered_map>

#include "content/header_encode.h"
#include "base/log.h"
#include "address/display_name.h"
#include "history/csv_cells.h"
#include "history/history_keys.h"
#include "history/learn.h"
#include "maillog/csv_forms.h"
#include "maillog/timestamp.h"
#include "maillog/trace_time.h"
#include "maillog/utf16.h"

namespace nearmiss::history {
namespace {

// For a year-first date ("2026-13-01", "2026/02/31 10:00"): which of its
// month or day is out of range, said; "" when the cell is no year-first
// date or both are in range.
std::string YearFirstRangeProblem(std::string_view cell) {
  int n[3] = {0, 0, 0};
  size_t i = 0;
  for (int part = 0; part < 3; ++part) {
    const size_t start = i;
    while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') n[part] = n[part] * 10 + (cell[i++] - '0');
    const size_t digits = i - start;
    if (digits == 0 || (part == 0 && digits != 4) || (part > 0 && digits > 2)) return "";
    if (part < 2) {
      if (i >= cell.size() || (cell[i] != '-' && cell[i] != '/' && cell[i] != '.')) return "";
      ++i;
    }
  }
  std::string out;
  if (n[1] < 1 || n[1] > 12) {
    out = "month ";
    out += std::to_string(n[1]);
    out += " is out of range (1 to 12; a year-first date is year, month, day: YYYY-MM-DD, "
           "whatever --date-order says)";
  } else if (n[2] < 1 || n[2] > 31) {
    out = "day ";
    out += std::to_string(n[2]);
    out += " is out of range (1 to 31; YYYY-MM-DD)";
  }
  return out;
}

// Splits one CSV record (quotes, doubled quotes; no embedded newlines) at
// `separator`.
std::vector<std::string> CsvFields(std::string_view line, char separator) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == separator) {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

// The file as UTF-8 text to read lines from. Excel's "Unicode Text" and
// PowerShell 5.1's `Export-Csv -Encoding Unicode` write UTF-16 with a byte
// order mark: converted whole by iconv (maillog/utf16.h), an invalid
// sequence refused with its offset. A file with NUL bytes and no mark is
// UTF-16 (or no text) that cannot be told which: refused, never read as
// columns that are not there (the issue-14 tester, round 41, item 14).
Result<std::unique_ptr<std::istream>> OpenCsvText(const std::string& path) {
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) return Status::IoError(path + ": cannot open");
  std::string head(4096, '\0');
  file->read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(file->gcount()));
  if (const char* encoding = maillog::Utf16Encoding(head)) {
    std::string bytes = head;
    bytes.append(std::istreambuf_iterator<char>(*file), std::istreambuf_iterator<char>());
    maillog::Utf16ToUtf8 utf16(encoding);
    std::string text;
    Status s = utf16.Convert(std::string_view(bytes).substr(2), &text);
    if (s.ok()) s = utf16.Finish();
    if (!s.ok()) return Status::ParseError(path + ": " + s.message());
    return std::unique_ptr<std::istream>(std::make_unique<std::istringstream>(std::move(text)));
  }
  if (head.find('\0') != std::string::npos) {
    return Status::ParseError(path + ":1: holds NUL bytes and no byte order mark: UTF-16 "
                              "saved without one, or no text; save it as UTF-8, or as "
                              "UTF-16 with its mark (Excel's \"Unicode Text\")");
  }
  file->clear();
  file->seekg(0);
  return std::unique_ptr<std::istream>(std::move(file));
}

}  // namespace

Status Learner::AddCsv(const std::string& path, maillog::DateOrder date_order) {
  NM_ASSIGN_OR_RETURN(std::unique_ptr<std::istream> text, OpenCsvText(path));
  std::istream& in = *text;
  std::string line;
  if (!std::getline(in, line)) return Status::ParseError(path + ":1: empty file");
  // Excel writes a UTF-8 byte order mark before the header.
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  // Every column of the form, or nothing read: a file without a date
  // column would date each row at the import and count it again at every
  // later one (issue 14, round 34's second tester, defect 1); one without
  // a sender would learn deliveries from no one.
  const maillog::SentMailColumns cols = maillog::FindSentMailColumns(line);
  if (!cols.complete()) {
    return Status::ParseError(maillog::CsvFormRefusal(path + ":1", line, /*sent_mail=*/true));
  }
  if (!cols.zone.empty() && cols.zone != "UTC") {
    return Status::ParseError(path + ":1: the date column's heading '" +
                              log::Untrusted(cols.headings[cols.date], 100) +
                              "' names a zone that is no UTC offset; read as UTC every time "
                              "would be shifted: name it as UTC+HH:MM, or write the zone in "
                              "each date");
  }
  const char separator = cols.separator;
  const int sender = cols.sender, rcpt = cols.recipient, time = cols.date,
            time_of_day = cols.time_of_day, message_id = cols.message_id,
            queue_id = cols.queue_id;
  const std::string rcpt_column = cols.headings[rcpt];
  std::string time_column = cols.headings[time];
  if (time_of_day >= 0) {
    time_column += " + ";
    time_column += cols.headings[time_of_day];
  }
  // A row's date cell; with a Date and a Time column, the two joined.
  auto when = [&](const std::vector<std::string>& f) {
    std::string v = static_cast<int>(f.size()) > time ? f[time] : "";
    if (time_of_day >= 0 && static_cast<int>(f.size()) > time_of_day) {
      v += ' ';
      v += f[time_of_day];
    }
    return v;
  };
  if (date_order == maillog::DateOrder::kUnstated) {
    // A first pass for the order of day and month: a row that can be read
    // only one way decides the whole file (maillog::DecideDateOrder), as
    // in a trace.
    const std::streampos rows = in.tellg();
    bool day_first = false, month_first = false;
    while (std::getline(in, line)) {
      std::vector<std::string> f = CsvFields(line, separator);
      if (static_cast<int>(f.size()) <= time) continue;
      maillog::DateOrder says = maillog::DateOrderEvidence(when(f));
      day_first |= says == maillog::DateOrder::kDayMonth;
      month_first |= says == maillog::DateOrder::kMonthDay;
    }
    date_order = maillog::DecideDateOrder(day_first, month_first);
    in.clear();
    in.seekg(rows);
  }
  // Rows dated by a day alone, by what else they hold: how many came
  // before them in this file (DayKey).
  std::unordered_map<std::string, int> day_rows;
  for (int n = 2; std::getline(in, line); ++n) {
    if (line.empty() || line == "\r") continue;
    std::vector<std::string> f = CsvFields(line, separator);
    const std::string at = path + ":" + std::to_string(n);
    ++counts_.csv_rows;
    // Counted when the row is done: a row nothing was learned from.
    struct RowUse {
      DeliveryCounts& c;
      const std::string& at;
      bool used = false;
      ~RowUse() {
        if (used || c.csv_rows_unused++ >= DeliveryCounts::kPlacesKept) return;
        c.first_csv_rows_unused.push_back(at);
      }
    } use{counts_, at};
    if (static_cast<int>(f.size()) <= std::max({rcpt, time, time_of_day})) {
      return Status::ParseError(at + ": too few fields");
    }
    const std::string date_cell = when(f);
    int64_t t = CsvTime(date_cell, cols.offset);
    if (t == -1) t = SpreadsheetTime(date_cell, date_order);
    if (t < 0) {
      // FILE:LINE, then the cell as written and its column.
      std::string cell_in = "'";
      cell_in += log::Untrusted(date_cell, 100);
      cell_in += "' in column '";
      cell_in += log::Untrusted(time_column, 60);
      cell_in += "'";
      if (t == kUnknownZone) {
        return Status::ParseError(at + ": the date " + cell_in +
                                  " names a zone that is no RFC 5322 zone nor an offset; "
                                  "read as UTC it could be hours off: write it as an offset "
                                  "(+0100)");
      }
      if (t == maillog::kAmbiguousDate) {
        return Status::ParseError(at + ": the date " + cell_in +
                                  " may be day/month or month/day and the file's other rows "
                                  "do not say which: say which with --date-order dmy or mdy");
      }
      if (t == maillog::kWrongOrderDate) {
        // A year-first date has one order (ISO 8601: year, month, day):
        // its month out of range is just that, not the --date-order's
        // fault (the issue-14 tester, round 43, finding 14: 2026-13-01).
        if (std::string range = YearFirstRangeProblem(date_cell); !range.empty()) {
          return Status::ParseError(at + ": bad time " + cell_in + ": " + range);
        }
        return Status::ParseError(at + ": the date " + cell_in +
                                  " is no date in the --date-order given, but is in the other");
      }
      return Status::ParseError(at + ": bad time " + cell_in +
                                " (want seconds since 1970, YYYY-MM-DD, an ISO 8601 "
                                "date-time such as 2026-09-01T10:00:00Z or 2026-09-01 10:00 "
                                "+01:00, an RFC 5322 date such as Tue, 1 Sep 2026 10:00:00 "
                                "+0100, DD.MM.YYYY, or a culture's short date and time such "
                                "as 11/4/2025 3:02:11 PM, 4/11/2025 3:02:11 pm or 04-11-2025 "
                                "15:02:11; docs/mail-logs.md lists them)");
    }
    // The recipient cell may list several (csv_cells.h); a cell read in
    // part is not read (a recipient guessed from part of it could be the
    // wrong one), and said with its place and column.
    const RecipientCell cell = ReadRecipientCell(f[rcpt]);
    const std::string cell_place = at + ": column '" + log::Untrusted(rcpt_column, 60) + "': '" +
                                   log::Untrusted(f[rcpt], 100) + "'";
    if (!cell.unread.empty() || cell.addresses.empty()) {
      NotAnAddress(cell_place);
      continue;
    }
    std::string from =
        sender >= 0 && static_cast<int>(f.size()) > sender ? VisibleSender(f[sender], at) : "";
    // What names the delivery again when the file, or a copy of its rows,
    // is read twice: its Message-ID and recipient, as a mailbox's (the same
    // key, so a Sent folder and a CSV export of it count once), else the
    // sender, recipient and time.
    std::string id = message_id >= 0 && static_cast<int>(f.size()) > message_id
                         ? f[message_id]
                         : "";
    // Spreadsheets pad cells (" <id@host>", a quoted "<id@host> "): the
    // blanks are no part of the msg-id (RFC 5322 section 3.6.4), and left
    // in, the row missed its source's key and was counted again.
    auto trim = [](std::string& s) {
      auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
      while (!s.empty() && blank(s.back())) s.pop_back();
      s.erase(0, std::find_if_not(s.begin(), s.end(), blank) - s.begin());
    };
    trim(id);
    // GMime gives a mailbox's Message-ID without its angle brackets.
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    trim(id);  // "<id@host >"
    // A queue id names the delivery as the Postfix log it was exported
    // from keys it without a Message-ID (history/sent_sink.h: queue id,
    // recipient, the "sent" line's time), so the export and the log count
    // once (issue 14, round 35's second tester, defect 1).
    std::string queue = queue_id >= 0 && static_cast<int>(f.size()) > queue_id
                            ? f[queue_id]
                            : "";
    // Spreadsheets pad cells; a queue id holds no blank (Postfix's
    // base-16 or long base-52 form).
    std::erase_if(queue, [](char c) { return c == ' ' || c == '\t'; });
    for (const std::string& address : cell.addresses) {
      std::string to = VisibleRecipient(address, at);
      if (to.empty()) {
        NotAnAddress(cell_place);
        continue;
      }
      if (!Judgeable(to, at)) continue;
      ++counts_.csv_recipients;
      use.used = true;
      std::string key;
      std::vector<std::string> aliases;
      if (!id.empty()) {
        key = DeliveryKey(id, to);
        if (!queue.empty()) aliases.push_back("log:" + queue + " " + to + " " + std::to_string(t));
      } else if (!queue.empty()) {
        key = "log:" + queue + " " + to + " " + std::to_string(t);
      } else if (DayAlone(date_cell)) {
        // A day is no time: three invoices to one recipient on one day are
        // three messages, not one read three times (issue 14, round 34,
        // item 8). The row's other columns (a subject) tell them apart,
        // and identical rows by their order in the file, so a second read
        // of the file, or of an export that repeats its rows, still counts
        // once.
        std::string base = "csv:" + from + " " + to + " " + std::to_string(t) + " day";
        for (size_t i = 0; i < f.size(); ++i) {
          const int c = static_cast<int>(i);
          if (c == sender || c == rcpt || c == time || c == message_id || c == queue_id) continue;
          base.append(1, '\x1f').append(f[i]);
        }
        const int seen = ++day_rows[base];
        key = seen == 1 ? base : base + " #" + std::to_string(seen);
      } else {
        key = "csv:" + from + " " + to + " " + std::to_string(t);
      }
      // A cell that writes the recipient's name ("John Smith"
      // <john.smith@...>, as mail exports do) keeps it, as a Sent folder's.
      NM_RETURN_IF_ERROR(Add({from, std::move(to), t, std::move(key), std::move(aliases),
                              content::DecodedPhrase(address::DisplayNameOf(address))}));
    }
  }
  return Status::Ok();
}

}  // namespace nearmiss::history
