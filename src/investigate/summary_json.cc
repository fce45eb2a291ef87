// The audit's summary for programs (`nearmiss audit --json`, SummaryJson in
// render.h): each log's counts and forms, each mailbox, the window, the
// servers' coverage and the totals, keys stable. Split from render_rows.cc
// in round 63 without change of behaviour.
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "investigate/render.h"
#include "investigate/server_coverage.h"
#include "investigate/stopped_text.h"
#include "maillog/clock_step.h"
#include "maillog/line_counts.h"
#include "maillog/line_counts_text.h"
#include "maillog/log_line.h"
#include "maillog/shown_time.h"

namespace nearmiss::investigate {

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
    // A first line's number, or null when there is none.
    auto line_or_null = [](uint64_t line) {
      return line != 0 ? nlohmann::ordered_json(line) : nlohmann::ordered_json(nullptr);
    };
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
                    {"clock_unset_lines", c.clock_unset},
                    {"first_clock_unset_line", line_or_null(c.first_clock_unset_line)},
                    {"clock_ahead_lines", c.clock_ahead},
                    {"first_clock_ahead_line", line_or_null(c.first_clock_ahead_line)},
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

}  // namespace nearmiss::investigate
