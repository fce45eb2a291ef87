// Rows for programs and the terminal summary.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "base/csv_field.h"
#include "base/text_format.h"
#include "investigate/lookalike_hop.h"
#include "investigate/render.h"
#include "investigate/server_coverage.h"
#include "investigate/stopped_text.h"
#include "maillog/clock_step.h"
#include "maillog/postfix_log.h"  // BareQueueId
#include "maillog/line_counts_text.h"
#include "maillog/timestamp.h"

namespace nearmiss::investigate {
namespace {

std::string Pct(int64_t part, int64_t whole) {
  if (whole == 0) return "0%";
  return std::to_string((part * 100 + whole / 2) / whole) + "%";
}

}  // namespace

std::string ShowInvisible(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(t[i + k]); };
    uint32_t cp = 0;
    size_t len = 0;
    // Only the two- and three-byte forms hold the characters named above.
    if (b(0) == 0xD8 && i + 1 < t.size() && b(1) == 0x9C) {
      cp = 0x061C, len = 2;
    } else if (b(0) == 0xE2 && i + 2 < t.size() && b(1) == 0x80 && b(2) >= 0x8B && b(2) <= 0x8F) {
      cp = 0x2000 + (b(2) - 0x80), len = 3;  // U+200B-U+200F
    } else if (b(0) == 0xE2 && i + 2 < t.size() && b(1) == 0x80 && b(2) >= 0xAA && b(2) <= 0xAE) {
      cp = 0x2000 + (b(2) - 0x80), len = 3;  // U+202A-U+202E
    } else if (b(0) == 0xE2 && i + 2 < t.size() && b(1) == 0x81 &&
               ((b(2) >= 0xA0 && b(2) <= 0xA4) || (b(2) >= 0xA6 && b(2) <= 0xA9))) {
      cp = 0x2040 + (b(2) - 0x80), len = 3;  // U+2060-U+2064, U+2066-U+2069
    } else if (b(0) == 0xEF && i + 2 < t.size() && b(1) == 0xBB && b(2) == 0xBF) {
      cp = 0xFEFF, len = 3;
    }
    if (len == 0) {
      out += t[i];
      continue;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "<U+%04X>", static_cast<unsigned>(cp));
    out += buf;
    i += len - 1;
  }
  return out;
}

std::string RowStatus(const Row& r) {
  return r.queue_id.empty() && r.status == "sent" ? "in-sent-folder" : r.status;
}

std::string RowJson(const Row& r) {
  nlohmann::ordered_json j = {{"time", r.time},         {"queue_id", std::string(maillog::BareQueueId(r.queue_id))},
                              {"from", r.from},         {"to", r.to},
                              {"domain", r.domain},     {"verdict", r.verdict},
                              {"target", r.target},     {"suggestion", r.suggestion},
                              {"status", RowStatus(r)},     {"relay", r.relay}};
  // null: the log never named the sender; "" is the null sender <>.
  if (!r.from_known) j["from"] = nullptr;
  if (r.content_received) j["content_received"] = true;
  if (!r.hops.empty()) j["hops"] = r.hops;
  if (!r.given_queue_id.empty()) {
    j["queue_id"] = r.given_queue_id;
    j["next_queue_id"] = std::string(maillog::BareQueueId(r.queue_id));
  }
  if (!r.orig_to.empty()) j["orig_to"] = r.orig_to;
  // Who stopped a rejected, held or discarded one (maillog/stopped_by.h).
  if (!StoppedText(r).empty()) j["stopped_by"] = std::string(maillog::StoppedByKey(r.stopped_by));
  if (!r.lookalike_hop.empty()) {
    // Flagged by its next hop, not its recipient (lookalike_hop.h).
    j["lookalike_hop"] = r.lookalike_hop;
    j["reason"] = r.reason;
  }
  if (!r.level.empty()) j["level"] = r.level;
  if (!r.marking.empty()) j["marking"] = r.marking;  // the level with its caveats
  if (!r.source.empty()) j["source"] = r.source;
  if (!r.date_source.empty()) j["date_source"] = r.date_source;
  // The attempt (its delivery's outcome) is after --until's day.
  if (r.after_window) j["outcome_after_window"] = true;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string RowReason(const Row& r) {
  if (r.after_window) {
    Row in_window = r;
    in_window.after_window = false;
    std::string why = RowReason(in_window);
    why += why.empty() ? "" : "; ";
    why += "outcome after the window: the message was begun in it (--until), its outcome is "
           "dated later";
    return why;
  }
  if (r.content_received) {
    Row before = r;
    before.content_received = false;
    std::string why = RowReason(before);
    why += why.empty() ? "" : "; ";
    why += r.status == "bounced" && !r.content_earlier ? kRefusedAfterData : kContentAtAnAttempt;
    return why;
  }
  std::string why = r.reason;
  if (const std::string stopped = StoppedText(r); !stopped.empty()) {
    why += why.empty() ? "" : "; ";
    why += stopped;
  }
  if (r.orig_to.empty()) return why;
  // A Postfix row's queue id is its QueueKey, never its Message-ID.
  const bool from_trace = !r.queue_id.empty() && r.queue_id == r.message_id;
  if (!why.empty()) why += "; ";
  why += from_trace ? "Exchange turned the address " : "the server rewrote the address ";
  why += r.orig_to;
  why += from_trace ? " into " : " to ";
  why += r.to;
  why += from_trace ? " (a redirect, a group's expansion or an address resolved: REDIRECT, "
                      "EXPAND or RESOLVE, related-recipient-address)"
                    : " (alias, virtual or canonical map, Postfix orig_to=)";
  return why;
}

std::string CsvHeader() {
  // marking after level: the caveats (NOFORN, REL TO, UK EYES ONLY) a
  // spreadsheet must carry too, as --json's "marking" (breaker round 16 §9).
  return "time,queue_id,from,to,domain,verdict,target,suggestion,status,relay,hops,level,marking,"
         "source,date_source,orig_to,next_queue_id,lookalike_hop";
}

std::string RowCsv(const Row& r) {
  std::string out;
  const std::string from = r.from_known ? r.from : SenderLabel(r);
  const std::string bare(maillog::BareQueueId(r.queue_id));
  const std::string& queue_id = r.given_queue_id.empty() ? bare : r.given_queue_id;
  const std::string next = r.given_queue_id.empty() ? std::string() : bare;
  const std::string status = RowStatus(r);
  for (const std::string* v : {&r.time, &queue_id, &from, &r.to, &r.domain, &r.verdict,
                               &r.target, &r.suggestion, &status, &r.relay, &r.hops,
                               &r.level, &r.marking, &r.source, &r.date_source, &r.orig_to,
                               &next, &r.lookalike_hop}) {
    if (!out.empty() || v != &r.time) out += ',';
    out += CsvField(*v);
  }
  return out;
}

std::string SummaryJson(const Report& rep) {
  nlohmann::ordered_json logs = nlohmann::ordered_json::array();
  for (const maillog::LineCounts& c : rep.logs) {
    nlohmann::ordered_json forms = nlohmann::ordered_json::object();
    for (size_t f = 1; f < c.by_format.size(); ++f) {
      if (c.by_format[f] != 0) {
        forms[std::string(maillog::FormatName(static_cast<maillog::LineFormat>(f)))] =
            c.by_format[f];
      }
    }
    nlohmann::ordered_json first = nullptr;
    if (c.first_unrecognised_line != 0) {
      first = {{"line", c.first_unrecognised_line}, {"text", c.first_unrecognised}};
    }
    nlohmann::ordered_json not_understood = nullptr;
    if (c.first_not_understood_line != 0) {
      not_understood = {{"line", c.first_not_understood_line}, {"text", c.first_not_understood}};
    }
    logs.push_back({{"file", c.file},
                    {"lines_read", c.lines},
                    {"empty_lines", c.lines - c.non_empty()},
                    {"recognised_lines", c.recognised},
                    {"recognised_by_form", forms},
                    {"postfix_lines", c.postfix},
                    {"unrecognised_lines", c.unrecognised},
                    {"first_unrecognised", first},
                    {"ambiguous_dates", c.ambiguous_dates},
                    {"unreadable_times", c.unreadable_times},
                    {"empty_recipient_cells", c.empty_recipients},
                    {"delivery_lines", c.delivery_lines},
                    {"verification_probes", c.probes},
                    {"soft_bounces", c.soft_bounces},
                    {"stopped_by_milter_or_checks", c.stopped},
                    {"hand_offs", c.hand_offs},
                    {"internal_hops", c.internal_hops},
                    {"local_deliveries", c.local_deliveries},
                    {"replaced_recipients", c.replaced},
                    {"not_understood_naming_flagged", rep.unread_flagged},
                  {"delivery_lines_not_understood", c.not_understood},
                    {"first_not_understood", not_understood},
                    {"not_understood_lines", c.not_understood_at},
                    {"other_mail_server_lines", c.other_server_lines},
                    {"loss_notices", c.loss_notices},
                    {"first_loss_notice",
                     c.first_loss_notice_line != 0
                         ? nlohmann::ordered_json({{"line", c.first_loss_notice_line},
                                                   {"text", c.first_loss_notice}})
                         : nlohmann::ordered_json(nullptr)},
                    {"lines_lost_by_their_count", c.lost_said},
                    {"recipients_without_lines", c.missing_outcomes},
                    {"lines_of_messages_not_read", c.orphan_lines},
                    {"gzip_padding_bytes", c.gzip_padding},
                    {"lines_after_year_bound", c.after_year_bound},
                    {"first_other_mail_server",
                     c.first_other_server_line != 0
                         ? nlohmann::ordered_json({{"line", c.first_other_server_line},
                                                   {"server", c.first_other_server}})
                         : nlohmann::ordered_json(nullptr)},
                    {"unparsable_recipients", c.unparsable_recipients},
                    {"first_unparsable_recipient_line",
                     c.first_unparsable_recipient_line
                         ? nlohmann::ordered_json(c.first_unparsable_recipient_line)
                         : nlohmann::ordered_json(nullptr)},
                    {"clock_steps_back", maillog::ClockStepNote(c).empty()
                                             ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(maillog::ClockStepNote(c))},
                    {"dates_may_be_ambiguous",
                     maillog::YearSpanWarning(c).empty()
                         ? nlohmann::ordered_json(nullptr)
                         : nlohmann::ordered_json(maillog::YearSpanWarning(c))},
                    // Of the lines in the window, when one was applied.
                    {"first_time", c.first_time ? maillog::ShownTime(c.first_time, c.first_zone) : ""},
                    {"last_time", c.last_time ? maillog::ShownTime(c.last_time, c.last_zone) : ""},
                    {"year_inferred", maillog::YearNote(c).empty()
                                          ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(maillog::YearNote(c))},
                    {"lines_before_window", c.before_window},
                    {"lines_after_window", c.after_window},
                    {"error", c.error.empty() ? nlohmann::ordered_json(nullptr)
                                              : nlohmann::ordered_json(c.error)}});
  }
  nlohmann::ordered_json mailboxes = nlohmann::ordered_json::array();
  for (const MailboxRead& m : rep.mailboxes) {
    mailboxes.push_back({{"mailbox", m.path},
                         {"messages_read", m.messages},
                         // The span its messages are dated over ("" when none).
                         {"first_date", m.first_date ? maillog::ShownTime(m.first_date, m.first_zone) : ""},
                         {"last_date", m.last_date ? maillog::ShownTime(m.last_date, m.last_zone) : ""},
                         {"files_not_read", m.not_read},
                         {"first_not_read", m.first_not_read.empty()
                                                ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(m.first_not_read)},
                         {"not_read", m.not_read_files},
                         {"messages_not_sent", m.not_sent},
                         {"first_not_sent", m.first_not_sent.empty()
                                                ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(m.first_not_sent)}});
  }
  const Counts& t = rep.totals();
  nlohmann::ordered_json j = {
      {"complete", ReportComplete(rep)},
      {"incomplete",
       !ReportComplete(rep)
           ? nlohmann::ordered_json(
                 {{"notice", IncompleteNotice(rep, "\"logs\" and \"mailboxes\" say which.")},
                  {"unrecognised_lines", rep.left_out().unrecognised_lines},
                  {"delivery_lines_not_understood",
                   rep.left_out().not_understood_lines + rep.left_out().read_in_part_lines},
                  {"inputs_not_read", rep.left_out().inputs_not_read},
                  {"loss_notices", rep.left_out().loss_notices},
                  {"nul_runs", rep.left_out().nul_runs},
                  {"lines_lost_by_their_count", rep.left_out().lost_said},
                  {"recipients_without_lines", rep.left_out().missing_outcomes},
                  {"lines_of_messages_not_read", rep.left_out().orphan_lines},
                  {"deferred_then_silent", rep.left_out().stale_waits},
                  {"outcomes_disagree", rep.left_out().disagreements},
                  {"rows_near_window_in_unstated_zone", rep.left_out().zone_edge_rows},
                  {"delivery_lines_near_window_in_unstated_zone",
                   rep.left_out().zone_edge_deliveries},
                  {"outcome_unknown", rep.left_out().outcome_unknown},
                  {"outcome_unknown_next_hops", rep.left_out().next_hops},
                  {"outcome_unknown_next_hop_lines", rep.left_out().next_hop_lines},
                  {"outcome_unknown_hand_offs", rep.left_out().hand_offs}})
           : nlohmann::ordered_json(nullptr)},
      {"window",
       [&rep] {
         const WindowFigures w = Window(rep);
         if (!w.applied) return nlohmann::ordered_json(nullptr);
         return nlohmann::ordered_json(
             {{"since", w.from.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(w.from)},
              {"until", w.until.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(w.until)},
              {"log_lines_before", w.lines_before},
              {"log_lines_after", w.lines_after},
              // Deliveries begun in the window whose outcome came after it.
              {"outcomes_after", rep.outcomes_after_window},
              // Flagged deliveries begun before it, attempted again in it: left out.
              {"deliveries_begun_before", rep.begun_before_window},
              {"mailbox_messages_outside", w.messages_outside},
              {"counted_first_time", w.first ? maillog::ShownTime(w.first, w.first_zone) : ""},
              {"counted_last_time", w.last ? maillog::ShownTime(w.last, w.last_zone) : ""},
              {"notice", WindowText(rep)}});
       }()},
      // Which times are UTC ("Z") and which are shown as written (times_note.cc).
      {"times", TimesNote(rep)},
      // Of the flagged recipients, those handed to a next hop under a
      // look-alike or blocked domain, their own domain not (lookalike_hop.h).
      {"handed_to_lookalike_next_hop", rep.lookalike_hop_deliveries},
      {"log_lines_read", rep.lines},
      {"mailbox_messages_read", rep.messages},
      {"inputs_not_read", rep.unread()},
      {"logs", logs},
      // Each server's span (server_coverage.h), when the logs hold two or
      // more; "differ" when their first or last days do.
      {"coverage_by_server",
       [&rep] {
         const std::vector<ServerSpan> spans = ServerSpans(rep);
         if (spans.empty()) return nlohmann::ordered_json(nullptr);
         nlohmann::ordered_json each = nlohmann::ordered_json::array();
         for (const ServerSpan& s : spans) {
           each.push_back({{"source", s.source},
                           {"first_time", maillog::ShownTime(s.first, s.first_zone)},
                           {"last_time", maillog::ShownTime(s.last, s.last_zone)},
                           {"first_file", s.first_file},
                           {"last_file", s.last_file}});
         }
         return nlohmann::ordered_json(
             {{"differ", !ServerCoverageText(rep).empty()}, {"servers", each}});
       }()},
      {"mailboxes", mailboxes},
      {"notes", rep.notes},
      {"repeated_attempts_counted_once", rep.duplicates()},
      {"flagged_deliveries",
       // "sent": accepted by the receiving server, as a log or trace says;
       // Sent-folder copies (a mailbox says the message was sent, not that
       // it arrived) apart, as page 1 counts them.
       {{"total", t.deliveries}, {"sent", t.sent - t.in_mailbox},
        {"in_sent_folders", t.in_mailbox}, {"bounced", t.bounced},
        {"bounced_after_content_received", t.bounced_after_data},
        {"not_delivered_after_content_received", t.unsent_after_data},
        {"expired", t.expired}, {"discarded", t.discarded},
        {"deleted_by_administrator", t.deleted},
        // rejected_by_milter: the name before Exchange's were read, kept
        // for compatibility; it counts every rejected one, as "rejected"
        // does, and "rejected_by" says by whom (stopped_text.h).
        {"rejected_by_milter", t.rejected}, {"rejected", t.rejected},
        {"rejected_by", RejectedByJson(t)}, {"held", t.held}, {"deferred", t.deferred},
        {"outcome_unknown", t.unknown}}},
      // Messages, not recipients (Report::flagged_messages), and those that
      // reached a receiving server at a flagged domain.
      {"flagged_messages",
       {{"total", rep.flagged_messages()},
        {"reached_receiving_server", rep.reached_messages()},
        {"first_accepted", rep.first_accepted() != 0
                               ? nlohmann::ordered_json(rep.first_accepted_time())
                               : nlohmann::ordered_json(nullptr)}}},
      {"flagged_attempts", rep.attempts()}};
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string DescribeMailbox(const MailboxRead& m) {
  std::string out = m.path + ": mailbox, " + Counted(static_cast<int64_t>(m.messages), "message") +
                    " read";
  if (m.first_date != 0) {
    out += ", dated " + maillog::FormatTime(m.first_date) + " to " + maillog::FormatTime(m.last_date);
  }
  if (m.not_read != 0) {
    out += ", " + Counted(static_cast<int64_t>(m.not_read), "file") + " not read (first: " +
           m.first_not_read + ")";
  }
  if (m.not_sent != 0) {
    out += ", " + Counted(static_cast<int64_t>(m.not_sent), "message") +
           " not sent by the organisation left out (first: " + m.first_not_sent + ")";
  }
  return out;
}

namespace {

// "sent 3, bounced 1, expired 1, deferred 0": every outcome of `c` the
// headline names, for the headline and each month alike (issue-16
// tester16b, F8: a month showed "sent" alone). Expired and the rarer ones
// are named when there are any, so a log without them reads as before.
std::string Outcomes(const Counts& c) {
  std::string rare;
  if (c.expired != 0) rare += ", expired " + Thousands(c.expired);
  if (c.discarded != 0) rare += ", discarded (never delivered) " + Thousands(c.discarded);
  if (c.deleted != 0) {
    rare += ", deleted from the queue by an administrator (postsuper -d; never delivered) " +
            Thousands(c.deleted);
  }
  if (c.rejected != 0) {
    rare += ", rejected by " + RejectedBy(c) + " (never delivered) " +
            Thousands(c.rejected);
  }
  if (c.held != 0) rare += ", held in a hold queue or quarantine (not delivered) " + Thousands(c.held);
  if (c.unknown != 0) {
    rare += ", ";
    rare += kOutcomeUnknown;
    rare += " " + Thousands(c.unknown);
  }
  // "sent" is what a receiving server accepted; a Sent-folder copy says
  // only that the message was sent, so it is counted apart everywhere.
  std::string out = "sent ";
  out += Thousands(c.sent - c.in_mailbox);
  if (c.in_mailbox != 0) out += ", in Sent folders (delivery unknown) " + Thousands(c.in_mailbox);
  out += ", bounced ";
  out += Thousands(c.bounced);
  if (c.bounced_after_data != 0) {
    out += " (";
    out += Thousands(c.bounced_after_data);
    out += " after the server had received the whole message: the content reached it)";
  }
  out += rare;
  out += ", deferred ";
  out += Thousands(c.deferred);
  if (c.unsent_after_data != 0) {
    out += "; not delivered though the receiving server had, or may have had, the whole "
           "message at an attempt ";
    out += Thousands(c.unsent_after_data);
  }
  return out;
}

}  // namespace

std::string ReportText(const Report& rep) {
  const Counts& t = rep.totals();
  std::string out;
  if (std::string n = IncompleteNotice(rep, "The lines below say which, per file."); !n.empty()) {
    out = n + "\n";
  }
  out += "audit: " + Counted(static_cast<int64_t>(rep.lines), "log line") + ", " +
         Counted(static_cast<int64_t>(rep.messages), "mailbox message") + "\n";
  // The window applied (--since, --until), before any figure it bounds.
  if (std::string w = WindowText(rep); !w.empty()) out += w + "\n";
  for (const maillog::LineCounts& c : rep.logs) out += "  " + maillog::Describe(c) + "\n";
  for (const MailboxRead& m : rep.mailboxes) out += "  " + DescribeMailbox(m) + "\n";
  // Each server's span where they differ (server_coverage.h).
  if (std::string s = ServerCoverageText(rep); !s.empty()) {
    out += "  coverage by server (the servers' logs cover different spans): " + s + "\n";
  }
  for (const std::string& n : rep.notes) out += "  " + n + "\n";
  if (rep.duplicates() != 0) {
    out += "  " + Counted(static_cast<int64_t>(rep.duplicates()), "attempt") +
           " read again (same message, recipient, time and status, in one input or "
           "several), counted once\n";
  }
  if (size_t n = rep.unread(); n != 0) {
    out += "  " + Counted(static_cast<int64_t>(n), "input") +
           (n == 1 ? " could not be read; what it holds" : " could not be read; what they hold") +
           " is not in this report\n";
  }
  out += "flagged recipients at look-alike or blocked domains: " + Thousands(t.deliveries) +
         " (" + Outcomes(t) + "; " + Counted(static_cast<uint64_t>(rep.attempts()), "attempt") +
         ")\n";
  if (std::string hop = LookalikeHopText(rep); !hop.empty()) out += "  " + hop + "\n";
  if (t.deliveries == 0) return out;
  out += "by month:\n";
  for (const auto& [month, c] : rep.by_month()) {
    out += "  " + month + "  " + Thousands(c.deliveries) + " (" + Outcomes(c) + ")\n";
  }
  out += "by domain:\n";
  for (const auto& [domain, d] : rep.by_domain()) {
    const std::string hosts = d.HostsText(domain);
    // An IDN look-alike with its U-label beside it, as the HTML shows it
    // (round 49's tester 16, finding 11).
    out += "  " + domain + (d.domain_unicode.empty() ? "" : " [" + d.domain_unicode + "]") +
           (hosts.empty() ? "" : " (" + hosts + ")") + "  " + d.verdict +
           (d.target.empty() ? "" : " of " + d.target) +
           "  " + Counted(d.counts.deliveries, "recipient", "recipients") + ", " +
           Pct(d.counts.sent - d.counts.in_mailbox, d.counts.deliveries) + " sent, " +
           (d.counts.in_mailbox == 0
                ? std::string()
                : Thousands(d.counts.in_mailbox) + " in Sent folders (delivery unknown), ") +
           Counted(static_cast<uint64_t>(d.senders.size()), "sender") +
           (d.unknown_sender != 0
                ? " (and " + Counted(d.unknown_sender, "recipient", "recipients") +
                      " whose sender is not in the log)"
                : std::string()) +
           "\n";
  }
  out += "by sender:\n";
  for (const auto& [sender, s] : rep.by_sender()) {
    out += "  " + ShowInvisible(sender) + "  " +
           Counted(s.counts.deliveries, "recipient", "recipients") +
           " at " + Counted(static_cast<uint64_t>(s.domains.size()), "domain") + "\n";
  }
  if (const Counts m = rep.SystemMailbox(); m.deliveries != 0) {
    // Not a bounce unless the logs show one (round 51's tester 16, finding 3).
    out += "  (" + Thousands(m.deliveries) +
           " sent by Exchange's system mailbox: journal reports or other system messages, not "
           "shown by the logs to be bounces)\n";
  }
  if (const SenderLine& u = rep.unknown_sender(); u.counts.deliveries != 0) {
    out += "  (unknown: not in the log, counted as no sender)  " +
           Counted(u.counts.deliveries, "recipient", "recipients") + " at " +
           Counted(static_cast<int64_t>(u.domains.size()), "domain") + "\n";
  }
  out += "attempts by status:";
  for (const auto& [status, n] : rep.attempts_by_status()) {
    // Sent-folder copies apart from "sent", as in every other figure.
    int64_t shown = status == "sent" ? n - rep.sent_folder_attempts() : n;
    out += " " + status + " " + Thousands(shown);
  }
  if (rep.sent_folder_attempts() != 0) {
    out += " in-sent-folders " + Thousands(rep.sent_folder_attempts());
  }
  out += "\ncounted: ";
  out += CountedAs(rep);
  return out + "\n";
}

}  // namespace nearmiss::investigate
