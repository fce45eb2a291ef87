// The logging system's notices of lines it lost, and their words in a
// report (loss_notice.h).
#include "maillog/loss_notice.h"

#include <cctype>

#include "base/line_text.h"
#include "base/text_format.h"

namespace nearmiss::maillog {
namespace {

// The decimal number that ends just before text[at] (after one space):
// "2310 messages lost" with `at` at " messages"; 0 when none.
uint64_t NumberBefore(std::string_view text, size_t at) {
  size_t begin = at;
  while (begin > 0 && std::isdigit(static_cast<unsigned char>(text[begin - 1]))) --begin;
  if (begin == at || at - begin > 18) return 0;
  uint64_t n = 0;
  for (size_t i = begin; i < at; ++i) n = n * 10 + static_cast<uint64_t>(text[i] - '0');
  return n;
}

// The number right after `prefix` at `at`: "Suppressed 1520 messages".
uint64_t NumberAfter(std::string_view text, size_t at) {
  uint64_t n = 0;
  size_t digits = 0;
  for (; at < text.size() && digits < 18 && std::isdigit(static_cast<unsigned char>(text[at]));
       ++at, ++digits) {
    n = n * 10 + static_cast<uint64_t>(text[at] - '0');
  }
  return n;
}

bool Has(std::string_view text, std::string_view what) {
  return text.find(what) != std::string_view::npos;
}

// A unit or cgroup path of Postfix's or another mail system's
// ("postfix@-.service", "/system.slice/postfix.service").
bool MailUnit(std::string_view unit) {
  std::string lower(unit.substr(0, 200));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return Has(lower, "postfix") || Has(lower, "mail");
}

// Untrusted bytes: control characters shown as '?'.
std::string Shown(std::string_view text) {
  return TerminalText(text.substr(0, LineCounts::kExcerpt));  // never raw bytes to a terminal
}

}  // namespace

bool ReadLossNotice(std::string_view program, std::string_view text, uint64_t* lost) {
  *lost = 0;
  (void)program;  // any program's line: rsyslog's own come as "rsyslogd", "kernel", ...
  if (size_t at = text.find(" messages lost due to rate-limiting"); at != text.npos) {
    // rsyslog tellLostCnt(); "imuxsock lost N messages from pid P ..."
    // has the number after "lost " instead.
    *lost = NumberBefore(text, at);
    return true;
  }
  if (size_t at = text.find("imuxsock lost "); at != text.npos &&
                                                Has(text, " due to rate-limiting")) {
    *lost = NumberAfter(text, at + 14);
    return true;
  }
  if (Has(text, "begin to drop messages due to rate-limiting") ||
      Has(text, "imuxsock begins to drop messages from pid")) {
    return true;
  }
  if (text.starts_with("action '") &&
      (Has(text, "') suspended (module '") || Has(text, "' suspended (module '") ||
       Has(text, "') message lost, could not be processed") ||
       Has(text, "' message lost, could not be processed"))) {
    return true;
  }
  if (size_t at = text.find(": lost "); at != text.npos && Has(text, " messages from diskqueue")) {
    *lost = NumberAfter(text, at + 7);
    return true;
  }
  if (text.starts_with("Suppressed ")) {
    size_t from = text.find(" messages from ");
    if (from == text.npos || !MailUnit(text.substr(from + 15))) return false;
    *lost = NumberAfter(text, 11);
    return true;
  }
  if (text.starts_with("Forwarding to syslog missed ")) {
    *lost = NumberAfter(text, 28);
    return true;
  }
  return text.starts_with("Destination queue full, dropping message") ||
         text.starts_with("Message(s) dropped while sending message to destination");
}

void LineCounts::LossNotice(std::string_view line, uint64_t said) {
  lost_said += said;
  if (loss_notices++ == 0) {
    first_loss_notice_line = lines;
    first_loss_notice.assign(line.substr(0, kExcerpt));
  }
}

void LineCounts::MissingOutcomes(uint64_t recipients) {
  if (missing_outcomes == 0) first_missing_outcome_line = lines;
  missing_outcomes += recipients;
}

void LineCounts::CutLine(std::string_view line, std::string_view took, bool in_part) {
  NotUnderstood(line);
  // Its recipient read is in the report already: not an unread one.
  if (in_part && !unread_recipients.empty() && unread_recipients.back().first == lines) {
    unread_recipients.pop_back();
  }
  if (in_part && read_in_part++ == 0) first_read_in_part_line = lines;
  if (cut_lines++ == 0) {
    first_cut_line = lines;
    first_cut_bytes = line.size();
    first_cut_took.assign(took);
  }
}

std::string CutLines(const LineCounts& c) {
  if (c.cut_lines == 0) return {};
  std::string out = Thousands(static_cast<int64_t>(c.cut_lines));
  out += " cut short (first at ";
  out += c.file;
  out += ':';
  out += std::to_string(c.first_cut_line);
  out += ", cut at ";
  out += Thousands(static_cast<int64_t>(c.first_cut_bytes));
  out += " bytes, which took ";
  out += c.first_cut_took;
  out += "; ";
  if (c.first_nul_line == c.first_cut_line && c.nul_runs != 0) {
    out += "ended by ";
    out += Thousands(static_cast<int64_t>(c.first_nul_bytes));
    out += c.first_nul_bytes == 1 ? " NUL byte" : " NUL bytes";
    out += ", what a crash leaves of the line being written: the line after them is read as "
           "its own";
  } else {
    out += CutReason(c.first_cut_bytes);
  }
  out += ')';
  return out;
}

std::string CutReason(uint64_t bytes) {
  if (bytes >= kMaxLogLine) {
    return "longer than this reader's 1 MiB line limit: the rest of the line was not read";
  }
  for (const uint64_t limit : {1024, 2048, 4096, 8192, 16384, 65536}) {
    if (bytes + 256 >= limit && bytes <= limit + 64) {
      std::string out = "at about ";
      out += Thousands(static_cast<int64_t>(limit));
      out += " bytes, a syslog message-size limit (rsyslog's $MaxMessageSize, 8k by default; "
             "RFC 3164's 1024 bytes)";
      return out;
    }
  }
  return "cut short or malformed: its length is at no known size limit";
}

std::string LostLines(const LineCounts& c) {
  std::string out;
  if (c.loss_notices != 0) {
    out += Counted(c.loss_notices, "notice");
    out += " that the logging system lost lines (first at ";
    out += c.file;
    out += ':';
    out += std::to_string(c.first_loss_notice_line);
    out += ": '";
    out += Shown(c.first_loss_notice);
    out += "'";
    if (c.lost_said != 0) {
      out += "; ";
      out += Counted(c.lost_said, "line");
      out += " lost by their count";
    }
    out += "; a lost line may be a delivery to a look-alike)";
  }
  if (c.missing_outcomes != 0) {
    if (!out.empty()) out += ", ";
    out += Counted(c.missing_outcomes, "recipient");
    out += " queued (qmgr's nrcpt=) and removed with no delivery line for ";
    out += c.missing_outcomes == 1 ? "it" : "them";
    out += " (first removed at ";
    out += c.file;
    out += ':';
    out += std::to_string(c.first_missing_outcome_line);
    out += "; qmgr removes a message only once each recipient has an outcome, so those lines "
           "are missing from the log)";
  }
  // A crash's hole only in a file read as a log (no line recognised: a
  // binary file's own NUL bytes; investigate/left_out.cc).
  if (const uint64_t runs = c.recognised == 0 ? 0 : c.nul_runs + c.nul_holes; runs != 0) {
    const bool hole_first =
        c.nul_holes != 0 && (c.nul_runs == 0 || c.first_nul_hole_line <= c.first_nul_line);
    const uint64_t bytes = hole_first ? c.first_nul_hole_bytes : c.first_nul_bytes;
    if (!out.empty()) out += ", ";
    out += Counted(runs, "run");
    out += " of NUL bytes (first at ";
    out += c.file;
    out += ':';
    out += std::to_string(hole_first ? c.first_nul_hole_line : c.first_nul_line);
    out += ", ";
    out += Counted(bytes, "byte");
    out += "; what a crash leaves where the lines being written were lost)";
  }
  return out;
}

}  // namespace nearmiss::maillog
