// The report's "What was read" section: each log file with its form, the
// time it covers, its lines and what was made of them, what was left out
// and why; each mailbox with its messages and the files not read.
#include "investigate/coverage.h"
#include "investigate/html_cells.h"
#include "investigate/render.h"
#include "investigate/server_coverage.h"
#include "maillog/clock_step.h"
#include "maillog/line_counts.h"
#include "maillog/line_counts_text.h"
#include "maillog/loss_notice.h"
#include "maillog/shown_time.h"
#include "maillog/timestamp.h"

namespace nearmiss::investigate {
namespace {

// A file or mailbox path, in a cell that may break it only after a '/',
// '.', '-' or '_' (<wbr>), whole pieces of the name on each line; a piece
// wider than the column breaks where it must (html_style.h td.file).
// Broken anywhere (overflow-wrap:anywhere), the column's narrowest width
// was one letter: the table shrank it to a few characters and every name,
// even "maillog", came out in pieces (issue-16 tester, item 6).
std::string TdFile(const std::string& path) {
  return "<td class=\"file\">" + BreakableAfter(path, "/.-_") + "</td>";
}

// The time covered, each time unbroken (a line may break before "to"
// only): "2025-11-03T09:12" split at its hyphens is no time a reader
// recognises, nor one a search of the PDF's text finds. Written as the
// rows' times are (shown_time.h): Z where the UTC is known, as the footer
// says, to the minute (ISO 8601 5.3.1.2's reduced precision) to fit the
// column (issue 16, round 54's tester, finding 7: without Z, a known span
// read as zone-less).
std::string Minute(int64_t t, maillog::ZoneSource zone) {
  const std::string shown = maillog::ShownTime(t, zone);
  return shown.substr(0, 16) + (shown.ends_with('Z') ? "Z" : "");
}

std::string SpanCell(const maillog::LineCounts& c) {
  if (c.first_time == 0) return "<td></td>";
  return "<td><span class=\"nowrap\">" + Html(Minute(c.first_time, c.first_zone)) +
         "</span> to <span class=\"nowrap\">" + Html(Minute(c.last_time, c.last_zone)) +
         "</span></td>";
}

// What was left out of a file, and why, in words.
std::string Skipped(const maillog::LineCounts& c) {
  std::string s;
  auto add = [&s](const std::string& part) { s += (s.empty() ? "" : "; ") + part; };
  // Lines read before the error are counted: "in full" (as the text says).
  if (!c.error.empty()) add((c.lines == 0 ? "NOT READ: " : "NOT READ in full: ") + c.error);
  if (c.unrecognised != 0) {
    add(Counted(static_cast<int64_t>(c.unrecognised), "line") +
        " in no form this reader knows (first at line " +
        std::to_string(c.first_unrecognised_line) + ")");
  }
  if (c.ambiguous_dates != 0) {
    add("of those, " + Counted(static_cast<int64_t>(c.ambiguous_dates), "record") +
        " whose date is ambiguous (day/month or month/day, first at line " +
        std::to_string(c.first_ambiguous_date_line) + "; read them with --date-order)");
  }
  if (c.unreadable_times != 0) {
    add("of those, " + Counted(static_cast<int64_t>(c.unreadable_times), "record") +
        " whose time is in no form this reader knows (first at line " +
        std::to_string(c.first_unreadable_time_line) + ")");
  }
  if (c.clock_unset != 0) {
    add("of those, " + Counted(static_cast<int64_t>(c.clock_unset), "record") +
        " dated before 2000, by a clock that was unset (first at line " +
        std::to_string(c.first_clock_unset_line) + "): their time unknown, not read");
  }
  if (c.clock_ahead != 0) {
    add("of those, " + Counted(static_cast<int64_t>(c.clock_ahead), "record") + " dated " +
        c.first_clock_ahead_why + ", by a clock set wrong (first at line " +
        std::to_string(c.first_clock_ahead_line) + "): their time unknown, not read");
  }
  if (c.empty_recipients != 0) {
    add("of those, " + Counted(static_cast<int64_t>(c.empty_recipients), "record") + " whose " +
        c.first_empty_recipient_heading + " holds no address, so no recipient could be judged "
        "(first at line " + std::to_string(c.first_empty_recipient_line) + ")");
  }
  if (c.not_understood != 0) {
    // Every one named, up to LineCounts::kMaxNamed (finding 20).
    std::string at = maillog::NotUnderstoodAt(c);
    if (at.starts_with("at ")) at = "at lines " + at.substr(3 + c.file.size() + 1);
    if (at.starts_with("first at ")) at = "first at line " + std::to_string(c.first_not_understood_line);
    add(Counted(static_cast<int64_t>(c.not_understood), "delivery line") +
        " that did not parse (" + at + ")");
  }
  if (c.other_server_lines != 0) {
    std::string of = "of those, ";
    of += Counted(static_cast<int64_t>(c.other_server_lines), "line");
    of += " of another mail server, which this reader does not read (";
    of += c.first_other_server;
    of += "; first at line ";
    of += std::to_string(c.first_other_server_line);
    of += ')';
    add(of);
  }
  if (std::string cut = maillog::CutLines(c); !cut.empty()) add("of those, " + cut);
  if (std::string lost = maillog::LostLines(c); !lost.empty()) add(lost);
  if (c.orphan_lines != 0) {
    // Left out as the text and --summary-json count them: which recipient
    // such a line ended cannot be told (issue-16 tester round 56, finding 2:
    // this column said "nothing" under the INCOMPLETE notice naming it).
    add(Counted(static_cast<int64_t>(c.orphan_lines), "line") +
        " of a message whose earlier lines were not read (a release from hold, an expiry or a "
        "delivery of a queue id not held; first at line " +
        std::to_string(c.first_orphan_line) + ")");
  }
  if (c.read_in_part != 0) {
    add("of those, " + Counted(static_cast<int64_t>(c.read_in_part), "record") +
        " read in part, whose recipients are counted with the sender or the outcome unknown "
        "(a sender that is not one address, replies that do not say which recipient was "
        "refused; first at line " + std::to_string(c.first_read_in_part_line) + ")");
  }
  if (c.unparsable_recipients != 0) {
    add("of those, " + Counted(static_cast<int64_t>(c.unparsable_recipients), "delivery",
                               "deliveries") +
        (c.no_mail_domains == 0 ? " to a recipient address that cannot be parsed"
                                : " to a recipient address that cannot be judged") +
        ", so was not judged (first at line " +
        std::to_string(c.first_unparsable_recipient_line) + ")");
  }
  if (c.no_mail_domains != 0) {
    // Of those: the address parses, its domain is none to deliver to, as
    // `nearmiss check` says (issue-16 tester, round 8, defect 4).
    add("of those, " + maillog::NoMailDomains(c));
  }
  if (c.bad_header_line != 0) {
    add("of those, " + Counted(static_cast<int64_t>(c.rows_under_bad_header), "row") +
        " under the header at line " + std::to_string(c.bad_header_line) + ", which has no " +
        c.bad_header_lacks + " (another export joined to this one), so none is read");
  }
  // Get-MessageTrackingLog's local times: in which zone they were read.
  if (std::string local = maillog::LocalTimes(c); !local.empty()) add(local);
  if (std::string w = maillog::YearSpanWarning(c); !w.empty()) add(w);
  if (std::string step = maillog::ClockStepNote(c); !step.empty()) add(step);
  if (std::string pad = maillog::GzipPaddingNote(c); !pad.empty()) add(pad);
  if (std::string after = maillog::AfterYearBound(c, ""); !after.empty()) add(after);
  // Outside the window (--since, --until): read, their deliveries not counted.
  if (c.before_window != 0) {
    add(Counted(static_cast<int64_t>(c.before_window), "line") +
        " before --since, read for their messages' senders and first attempts, their "
        "deliveries not counted");
  }
  if (c.after_window != 0) {
    add(Counted(static_cast<int64_t>(c.after_window), "line") +
        " after --until, read only for the outcomes of messages begun before it");
  }
  if (c.probes != 0) {
    add(Counted(static_cast<int64_t>(c.probes), "address verification probe") +
        ", which deliver nothing");
  }
  if (c.stopped != 0) {
    add(Counted(static_cast<int64_t>(c.stopped), "recipient") +
        " stopped by a milter, a header or body check or an access map (rejected, held or "
        "discarded before any delivery: each counted as an attempt with that outcome, never as "
        "delivered)");
  }
  if (c.soft_bounces != 0) {
    add(Counted(static_cast<int64_t>(c.soft_bounces), "soft bounce") +
        " (soft_bounce = yes): would have bounced, kept in the queue; counted as "
        "deferred, not delivered");
  }
  if (c.hand_offs != 0) {
    add(Counted(static_cast<int64_t>(c.hand_offs), "hand-off") +
        " to a content filter or another Postfix instance, counted at the last hop");
  }
  if (c.local_deliveries != 0) {
    add(Counted(static_cast<int64_t>(c.local_deliveries), "delivery") +
        " into a mailbox on this host (Postfix local, virtual, LMTP to a socket or this host's "
        "LMTP port, or a pipe(8) mailbox program such as Dovecot's LDA): delivered "
        "locally, did not leave this host, not counted as deliveries; a look-alike domain "
        "delivered here is the organisation's own: list it in the policy's [domains] "
        "organisation");
  }
  if (c.internal_hops != 0) {
    add(Counted(static_cast<int64_t>(c.internal_hops), "Exchange event") +
        " within the organisation (between its servers, into its mailboxes), "
        "which are not mail leaving it");
  }
  if (c.replaced != 0) {
    add(Counted(static_cast<uint64_t>(c.replaced), "row") +
        " whose recipient was replaced by others (a group expanded to its members, an address "
        "resolved or redirected to another; first at line " +
        std::to_string(c.first_replaced_line) + "), which are not deliveries: the new "
        "recipients have rows of their own");
  }
  return s.empty() ? "nothing" : s;
}

// What was made of each log file's lines (maillog/line_counts.h).
std::string LogTable(const Report& rep) {
  // In print the columns have fixed shares of the page (html_style.h):
  // sized by their content, the unbreakable pieces of the file names,
  // forms and times made the table wider than the page, its last column
  // cut off; a name then wraps after a '/', '.', '-' or '_' (TdFile).
  std::string s = "<table class=\"read\"><colgroup><col style=\"width:20%\">"
                  "<col style=\"width:10%\"><col style=\"width:16%\"><col style=\"width:7%\">"
                  "<col style=\"width:8%\"><col style=\"width:9%\"><col style=\"width:30%\">"
                  "</colgroup><thead><tr><th>Log file</th><th>Form</th><th>";
  // With a window, the span is of the lines in it (LineCounts::first_time).
  s += Window(rep).applied ? "Time counted (in the window)" : "Time covered";
  s += "</th><th class=\"n\">Lines read</th><th class=\"n\">Recognised</th>"
       "<th class=\"n\">Delivery lines</th><th>Left out, and why</th></tr></thead><tbody>";
  // The column's one meaning, said under the table (LineCounts::delivery_lines).
  for (const maillog::LineCounts& c : rep.logs) {
    s += "<tr>" + TdFile(c.file) + Td(std::string(maillog::FormatName(c.main_format()))) +
         SpanCell(c) + TdNum(static_cast<int64_t>(c.lines)) +
         TdNum(static_cast<int64_t>(c.recognised)) +
         TdNum(static_cast<int64_t>(c.delivery_lines)) + Td(Skipped(c)) + "</tr>";
  }
  return s + "</tbody></table>";
}

// What was read of each mailbox: its messages, and the files not read.
std::string MailboxTable(const Report& rep) {
  std::string s = "<table><thead><tr><th>Mailbox</th><th class=\"n\">Messages read</th>"
                  "<th>Dated</th><th>Left out, and why</th></tr></thead><tbody>";
  for (const MailboxRead& m : rep.mailboxes) {
    std::string left = m.not_read == 0 ? std::string("nothing")
                                       : Counted(static_cast<int64_t>(m.not_read), "file") +
                                             " not read: ";
    for (size_t i = 0; i < m.not_read_files.size(); ++i) {
      left += (i == 0 ? "" : "; ") + m.not_read_files[i];
    }
    if (m.not_read > m.not_read_files.size()) {
      left += "; and " + Thousands(static_cast<int64_t>(m.not_read - m.not_read_files.size())) +
              " more";
    }
    if (m.not_sent != 0) {
      left = (m.not_read == 0 ? std::string() : left + "; ") +
             Counted(static_cast<int64_t>(m.not_sent), "message") +
             " not sent by the organisation (mail received), first: " + m.first_not_sent;
    }
    const std::string dated =
        m.first_date == 0 ? std::string("no date")
                          : maillog::FormatTime(m.first_date) + " to " + maillog::FormatTime(m.last_date);
    s += "<tr>" + TdFile(m.path) + TdNum(static_cast<int64_t>(m.messages)) + Td(dated) + Td(left) +
         "</tr>";
  }
  return s + "</tbody></table>";
}

}  // namespace

std::string ReadSectionHtml(const Report& rep) {
  if (rep.logs.empty() && rep.mailboxes.empty()) return "";
  std::string h;
  h += "<section class=\"card\" id=\"read\"><h2>What was read<small>a line is recognised "
       "when its syslog or journal framing, or its trace's CSV record, parses; a mailbox "
       "file is read when it starts as a message</small></h2>";
  if (!rep.logs.empty()) {
    h += "<div class=\"scroll\">" + LogTable(rep) +
         "</div><p class=\"small\">Delivery lines: one recipient's outcome at one "
         "delivery, as the file records it, flagged or not, counted the same way in every "
         "form (the summary's attempts are those of flagged recipients, hand-offs "
         "not among them): a Postfix "
         "<code>to=</code> line with a status (a hand-off to a content filter is one), one per "
         "recipient of a queue manager's expiry, one per recipient a milter, a check or an "
         "access map rejected, held or discarded, an Exchange event with an outcome (SEND, "
         "SENDEXTERNAL, FAIL and the other failures, DEFER, DROP) once per recipient it names, "
         "a Microsoft 365 trace row, a historical search recipient. "
         "Address verification probes, hops within the organisation and lines not understood "
         "are not attempts.</p>";
  }
  if (!rep.mailboxes.empty()) h += "<div class=\"scroll\">" + MailboxTable(rep) + "</div>";
  // Spans no log covers (coverage.h), with the files either side.
  // Each server's span where they differ (server_coverage.h).
  if (std::string s = ServerCoverageText(rep); !s.empty()) {
    h += "<p><strong>Coverage by server</strong> (the servers' logs cover different spans): " +
         Html(s) + ".</p>";
  }
  for (const std::string& gap : CoverageGapTexts(rep)) {
    h += "<p class=\"incomplete\"><strong>Gap:</strong> " + Html(gap) +
         ": deliveries then are not in this report.</p>";
  }
  for (const std::string& n : rep.notes) h += "<p>" + Html(n) + "</p>";
  if (rep.duplicates() != 0) {
    h += "<p>" + Counted(static_cast<int64_t>(rep.duplicates()), "attempt") +
         (rep.duplicates() == 1 ? " was" : " were") +
         " read again (the same message, recipient, time and status, in one input or "
         "several), counted once.</p>";
  }
  h += "</section>";
  return h;
}

}  // namespace nearmiss::investigate
