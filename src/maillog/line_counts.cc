// LineCounts (line_counts.h): the counting as a file is read, the file's
// main form, and the recognition check (CheckRecognised). What the counts
// say in words is line_counts_text.cc.
#include "maillog/line_counts.h"

#include <algorithm>
#include <utility>

#include "base/line_text.h"
#include "maillog/line_counts_text.h"

namespace nearmiss::maillog {

void LineCounts::Add(std::string_view line, const LogLine* parsed) {
  ++lines;
  if (line.find_first_not_of(" \t") == std::string_view::npos) return;
  if (parsed != nullptr) {
    ++recognised;
    ++by_format[static_cast<size_t>(parsed->format)];
    const bool from_postfix = IsPostfixProgram(parsed->program);
    if (from_postfix) ++postfix;
    const bool bsd =
        parsed->format == LineFormat::kRfc3164 || parsed->format == LineFormat::kRfc3164Precise;
    if (bsd && year_bound != 0 && parsed->time > year_bound) {
      // Dated after the bound its year came from (year_bound): counted,
      // not covered.
      ++yearless;
      if (after_year_bound++ == 0) {
        first_after_year_bound_line = lines;
        first_after_year_bound_time = parsed->time;
      }
      return;
    }
    if (parsed->format != LineFormat::kJournalMarker && parsed->time != 0) {
      NoteTime(parsed->time, parsed->zone);
      if (from_postfix) NoteHost(parsed->host, parsed->time, parsed->zone);
    }
    if (bsd) {
      if (yearless - after_year_bound == 0 || parsed->time < first_yearless_time) {
        first_yearless_time = parsed->time;
      }
      ++yearless;
      last_yearless_time = std::max(last_yearless_time, parsed->time);
    }
    return;
  }
  ++unrecognised;
  FirstUnrecognised(lines, line);
}

void LineCounts::NoteTime(int64_t time, ZoneSource zone, uint64_t line) {
  if (zone != ZoneSource::kInput) ++zoneless_times;
  holes.Note(time, line != 0 ? line : lines, zone);
  if (read_first_time == 0 || time < read_first_time) read_first_time = time;
  read_last_time = std::max(read_last_time, time);
  if (window_from != 0 && time < window_from) {
    ++before_window;
    if (time >= last_before_window) {
      last_before_window = time;
      last_before_window_zone = zone;
    }
    return;
  }
  if (window_to != 0 && time >= window_to) {
    ++after_window;
    return;
  }
  // Earliest and latest, as the traces count them: lines written out of
  // order (two hosts interleaved) must not shrink the span shown.
  if (first_time == 0 || time < first_time) {
    first_time = time;
    first_zone = zone;
  }
  if (time >= last_time) {
    last_time = time;
    last_zone = zone;
  }
}

void LineCounts::NoteHostRead(std::string_view host, int64_t time) {
  for (HostRead& h : hosts_read) {
    if (h.host != host) continue;
    h.first = std::min(h.first, time);
    h.last = std::max(h.last, time);
    return;
  }
  if (hosts_read.size() < kMaxHosts) hosts_read.push_back({std::string(host), time, time});
}

void LineCounts::NoteHost(std::string_view host, int64_t time, ZoneSource zone) {
  if (!host.empty()) NoteHostRead(host, time);
  if (host.empty() || (window_from != 0 && time < window_from) ||
      (window_to != 0 && time >= window_to)) {
    return;
  }
  for (HostSpan& h : host_spans) {
    if (h.host != host) continue;
    if (time < h.first) h.first = time, h.first_zone = zone;
    if (time >= h.last) h.last = time, h.last_zone = zone;
    return;
  }
  if (host_spans.size() < kMaxHosts) {
    host_spans.push_back({std::string(host), time, time, zone, zone});
  }
}

std::string_view LineCounts::UnreadRecipient(std::string_view line) {
  for (size_t at = 0; at + 3 < line.size(); ++at) {
    if ((line[at] | 0x20) != 't' || (line[at + 1] | 0x20) != 'o' || line[at + 2] != '=') continue;
    if (at != 0 && line[at - 1] != ' ' && line[at - 1] != ',' && line[at - 1] != ':') continue;
    std::string_view rest = line.substr(at + 3);
    size_t end = 0;
    if (rest.starts_with('<')) {
      rest.remove_prefix(1);
      end = rest.find('>');
    } else {
      end = rest.find_first_of(", ");
    }
    rest = rest.substr(0, end);
    if (rest.find('@') != std::string_view::npos) return rest;
  }
  return {};
}

void LineCounts::NotUnderstood(std::string_view line) {
  ++not_understood;
  if (not_understood_at.size() < kMaxNamed) not_understood_at.push_back(lines);
  if (std::string_view rcpt = UnreadRecipient(line);
      !rcpt.empty() && unread_recipients.size() < kMaxUnreadRecipients) {
    unread_recipients.emplace_back(lines, std::string(rcpt.substr(0, kExcerpt)));
  }
  if (first_not_understood_line == 0) {
    first_not_understood_line = lines;
    first_not_understood.assign(line.substr(0, kExcerpt));
  }
}

void LineCounts::UnfinishedRecord(std::string_view text, LineFormat format) {
  auto& of_format = by_format[static_cast<size_t>(format)];
  if (recognised > 0 && of_format > 0) {
    --recognised;
    --of_format;
  }
  ++unrecognised;
  FirstUnrecognised(lines, text);
}

void LineCounts::OtherServer(std::string_view line, std::string_view server) {
  NotUnderstood(line);
  if (other_server_lines++ == 0) {
    first_other_server_line = lines;
    first_other_server.assign(server.substr(0, kExcerpt));
  }
}

void LineCounts::UnparsableRecipient(std::string_view line) {
  NotUnderstood(line);
  ++unparsable_recipients;
  if (first_unparsable_recipient_line == 0) first_unparsable_recipient_line = lines;
}

void LineCounts::NoMailDomain(std::string_view recipient, std::string why, uint64_t line) {
  if (no_mail_domains++ == 0) {
    first_no_mail_domain_line = line != 0 ? line : lines;
    first_no_mail_domain_recipient.assign(recipient.substr(0, kExcerpt));
    first_no_mail_domain_why = std::move(why);
  }
}

void LineCounts::SkippedDomain(std::string_view recipient, uint64_t line) {
  if (skipped_domains++ == 0) {
    first_skipped_domain_line = line != 0 ? line : lines;
    first_skipped_domain.assign(recipient.substr(0, kExcerpt));
  }
}

static std::string FormHint(std::string_view line);

void LineCounts::FirstUnrecognised(uint64_t line_no, std::string_view text, size_t keep) {
  if (first_unrecognised_line != 0) return;
  first_unrecognised_line = line_no;
  first_unrecognised.assign(text.substr(0, keep));
  first_unrecognised_form = FormHint(text);
}

LineFormat LineCounts::main_format() const {
  size_t best = 0;
  for (size_t f = 1; f < by_format.size(); ++f) {
    if (by_format[f] > by_format[best]) best = f;
  }
  return by_format[best] == 0 ? LineFormat::kNone : static_cast<LineFormat>(best);
}

// What the first unrecognised line says of the form the file is in, when
// it is one this reader does not read but whose re-export is known; ""
// when none. Each names the command that writes a form it reads.
static std::string FormHint(std::string_view line) {
  auto has = [&](std::string_view s) { return line.find(s) != std::string_view::npos; };
  if (line.starts_with("{") && (has("\"__REALTIME_TIMESTAMP\"") || has("\"MESSAGE\"") ||
                                has("\"__CURSOR\"") || has("\"SYSLOG_IDENTIFIER\""))) {
    return "this is journalctl -o json (or json-pretty, json-sse); export the journal with "
           "journalctl -o short-iso (e.g. journalctl -u postfix -o short-iso > mail.log)";
  }
  // Docker's json-file driver (/var/lib/docker/containers/ID/ID-json.log).
  if (line.starts_with("{\"log\":") && has("\"stream\"") && has("\"time\"")) {
    return "this is Docker's json-file log; export it with docker logs --timestamps "
           "(or kubectl logs --timestamps), whose lines this reader knows";
  }
  if (line.starts_with("__CURSOR=") || line.starts_with("__REALTIME_TIMESTAMP=") ||
      line.starts_with("__MONOTONIC_TIMESTAMP=") || line.starts_with("_BOOT_ID=") ||
      line.starts_with("MESSAGE=") || line.starts_with("    MESSAGE=") ||
      line.starts_with("    _") || line.starts_with("    SYSLOG_IDENTIFIER=") ||
      has(" [s=")) {  // -o verbose: "Mon 2025-11-03 09:12:03.000000 UTC [s=CURSOR;...]"
    return "this is journalctl -o export (or -o verbose); export the journal with journalctl "
           "-o short-iso (e.g. journalctl -u postfix -o short-iso > mail.log)";
  }
  // A header of quoted names joined by ';' or a tab: Excel saving CSV in a
  // European locale, Export-Csv -UseCulture, or a tab-separated export.
  for (char sep : {';', '\t'}) {
    std::string joint = "\"";
    joint += sep;
    joint += '"';
    const bool bare = (has("Received") || has("SenderAddress") || has("date-time") ||
                       has("Sender") || has("Timestamp")) &&
                      line.find(sep) != std::string_view::npos && !has(",");
    if (has(joint) || bare) {
      return std::string("this is a CSV with ") + (sep == ';' ? "';'" : "tabs") +
             " between its fields (Excel in a locale whose list separator is ';', "
             "Export-Csv -UseCulture or -Delimiter); export it again with commas (Export-Csv "
             "-NoTypeInformation, without -UseCulture, or -Delimiter ',')";
    }
  }
  // journalctl -o cat: Postfix's text without a timestamp or host. Not a
  // JSON record (Docker's above, another wrapper's): its text is framed,
  // and a stamp may be in it or beside it.
  if (!line.starts_with("{") &&
      (has(": to=<") || has(": from=<") || has(": message-id=<") || has(": client="))) {
    return "these look like Postfix lines without their timestamp and host (journalctl -o "
           "cat, or a grep that cut them); export them with journalctl -o short-iso";
  }
  return {};
}


Status CheckRecognised(const LineCounts& c, int min_percent) {
  uint64_t n = c.non_empty();
  if (n == 0) return Status::Ok();
  if (c.recognised > 0 && c.recognised * 100 >= static_cast<uint64_t>(min_percent) * n) {
    return Status::Ok();
  }
  if (c.wrong_order_dates != 0) {
    // The stated order is the fault, not the file's format: say which.
    std::string date = c.first_wrong_order_date;
    for (char& ch : date) {
      if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = '?';
    }
    // The month is the first number for mdy, the second for dmy.
    const size_t slash = date.find('/');
    std::string month = date.substr(0, slash);
    if (c.stated_order == "dmy" && slash != std::string::npos) {
      month = date.substr(slash + 1, date.find('/', slash + 1) - slash - 1);
    }
    return Status::ParseError(
        c.file + ":" + std::to_string(c.first_wrong_order_date_line) + ": " + date +
        " is not a date in the stated order " + c.stated_order + " (month " + month + "); " +
        std::to_string(c.wrong_order_dates) + " such dates; give --date-order " +
        (c.stated_order == "dmy" ? "mdy" : "dmy") + " if the file writes that order");
  }
  // Untrusted bytes: control characters and bytes of no UTF-8 text
  // escaped, so a binary file cannot write to the terminal.
  std::string excerpt = TerminalText(c.first_unrecognised);
  std::string need =
      min_percent > 0 ? std::to_string(min_percent) + "%" : std::string("at least one");
  std::string where = c.file + ":" + std::to_string(c.first_unrecognised_line);
  std::string dates = RecordsNotRead(c);
  if (!dates.empty()) dates.insert(0, "; ");
  if (const LineFormat form = c.main_format(); form != LineFormat::kNone) {
    // The file is in a form this reader knows; too many of its records are
    // not: said as such, not as "not a mail log".
    return Status::ParseError(
        where + ": too many unreadable records for a " + std::string(FormatName(form)) +
        " file: " + std::to_string(c.recognised) + " of " + std::to_string(n) +
        " non-empty lines recognised (need " + need + "); first unreadable line: \"" + excerpt +
        "\"" + dates + "; fix or remove the lines named, or lower --min-recognised");
  }
  const std::string& hint = c.first_unrecognised_form;
  return Status::ParseError(
      where + ": not a mail log this reader knows: " + std::to_string(c.recognised) + " of " +
      std::to_string(n) + " non-empty lines recognised (need " + need +
      "); first unrecognised line: \"" + excerpt + "\"" + dates +
      (hint.empty() ? std::string() : "; " + hint) +
      "; supported: syslog (RFC 3164, RFC 5424), rsyslog RSYSLOG_FileFormat, Postfix "
      "maillog_file, journalctl -o short, short-precise, short-iso, short-iso-precise, "
      "short-full, short-unix; kubectl logs --timestamps (and --prefix), docker logs "
      "--timestamps, a container runtime's CRI log; Exchange message tracking logs; Microsoft 365 message trace "
      "and historical search CSV");
}

}  // namespace nearmiss::maillog
