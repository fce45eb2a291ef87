// What a file's LineCounts say in words (line_counts_text.h): the "read
// FILE: ..." line (Describe), where its lines not understood are, its
// recipients at no mail domain, and its dates' warnings and notes. The
// counting itself is line_counts.cc.
#include "maillog/line_counts_text.h"

#include <string>

#include "base/text_format.h"
#include "maillog/clock_step.h"
#include "maillog/line_counts.h"
#include "maillog/log_zone.h"
#include "maillog/loss_notice.h"
#include "maillog/shown_time.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {

std::string NotUnderstoodAt(const LineCounts& c) {
  if (c.not_understood == 1 || c.not_understood_at.empty()) {
    return "first at " + c.file + ":" + std::to_string(c.first_not_understood_line);
  }
  std::string out = "at " + c.file + ":";
  for (size_t i = 0; i < c.not_understood_at.size(); ++i) {
    out += (i == 0 ? "" : ", ") + std::to_string(c.not_understood_at[i]);
  }
  if (c.not_understood > c.not_understood_at.size()) {
    out += ", and " + Thousands(static_cast<int64_t>(c.not_understood - c.not_understood_at.size())) +
           " more";
  }
  return out;
}

std::string NoMailDomains(const LineCounts& c) {
  if (c.no_mail_domains == 0) return {};
  std::string who = c.first_no_mail_domain_recipient, why = c.first_no_mail_domain_why;
  for (std::string* s : {&who, &why}) {
    for (char& ch : *s) {
      if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = '?';
    }
  }
  return Thousands(static_cast<int64_t>(c.no_mail_domains)) +
         " to a domain that is no mail domain (first at " + c.file + ":" +
         std::to_string(c.first_no_mail_domain_line) + (who.empty() ? "" : ": " + who) +
         (why.empty() ? "" : ": " + why) + ")";
}

std::string YearSpanWarning(const LineCounts& c, bool with_span) {
  std::string out;
  if (c.year_span_line != 0 && with_span) {
    // --year fixes only the first line's year: past twelve months, the
    // lines' years are still inferred, and giving it again would not help.
    out = c.year_given != 0
              ? "dates may be ambiguous: the timestamps carry no year and run twelve months or "
                "more past the first line, put in " + std::to_string(c.year_given) +
                    " by --year (from " + c.file + ":" + std::to_string(c.year_span_line) +
                    "), so a later date may be a year off; give logs whose timestamps carry "
                    "the year, or each year's files apart, each with its own --year"
              : "dates may be ambiguous: the timestamps carry no year and run twelve months or "
                "more (from " + c.file + ":" + std::to_string(c.year_span_line) +
                    "), so a date may be a year off; give --year, or logs whose timestamps "
                    "carry the year";
  }
  if (!c.year_not_carried.empty()) {
    out += (out.empty() ? "dates may be ambiguous: " : "; ") + c.year_not_carried;
  }
  if (!c.mixed_clocks.empty()) {
    out += out.empty() ? "dates may be ambiguous: " : "; ";
    out += c.mixed_clocks;
  }
  if (!c.zone_abbreviation.empty()) {
    out += out.empty() ? "dates may be ambiguous: " : "; ";
    out += c.zone_abbreviation;
  }
  if (c.step_back_line != 0) {
    // Appended piece by piece: GCC 12 -O3's false -Wrestrict (bug 105329).
    out += out.empty() ? "dates may be ambiguous: " : "; ";
    out += "the line at ";
    out += c.file;
    out += ':';
    out += std::to_string(c.step_back_line);
    out += " is dated " + std::to_string((c.step_back_seconds + 43200) / 86400);
    out += " days before the line above it";
    if (c.step_backs > 1) out += " (and " + std::to_string(c.step_backs - 1) + " more such lines)";
    out += ": read as earlier (files of a rotated set concatenated out of order, as `cat "
           "mail.log mail.log.1` gives), not as the next year's; give the files separately";
    // With --year given, advising it again would not settle anything.
    if (c.year_given == 0) out += ", or --year";
  }
  if (std::string odd = OddWalls(c); !odd.empty()) {
    out += out.empty() ? "dates may be ambiguous: " : "; ";
    out += odd;
  }
  return out;
}

std::string GzipPaddingNote(const LineCounts& c) {
  if (c.gzip_padding == 0) return {};
  return Thousands(static_cast<int64_t>(c.gzip_padding)) +
         (c.gzip_padding == 1 ? " zero byte" : " zero bytes") +
         " of padding after the gzip stream, skipped as gzip does (the stream was read in full)";
}

std::string Describe(const LineCounts& c) {
  if (!c.error.empty() && c.lines == 0) return c.file + ": NOT READ: " + c.error;
  std::string out = c.file + ": " + Counted(c.lines, "line") + " read";
  if (c.lines != c.non_empty()) out += " (" + Thousands(static_cast<int64_t>(c.lines - c.non_empty())) + " empty)";
  out += ", " + Thousands(static_cast<int64_t>(c.recognised)) + " recognised";
  std::string formats;
  for (size_t f = 1; f < c.by_format.size(); ++f) {
    if (c.by_format[f] == 0) continue;
    formats += (formats.empty() ? "" : ", ") +
               std::string(FormatName(static_cast<LineFormat>(f)));
    if (c.by_format[f] != c.recognised) {
      formats += ' ';  // appended, not " " + string&&: GCC bug 105329
      formats += Thousands(static_cast<int64_t>(c.by_format[f]));
    }
  }
  if (!formats.empty()) out += " (" + formats + ")";
  out += ", " + Thousands(static_cast<int64_t>(c.postfix)) + " from Postfix, " +
         Thousands(static_cast<int64_t>(c.unrecognised)) + " not recognised";
  if (c.first_unrecognised_line != 0) {
    out += " (first at " + c.file + ":" + std::to_string(c.first_unrecognised_line) + ")";
  }
  if (std::string why = RecordsNotRead(c); !why.empty()) out += ", of which " + why;
  if (std::string pad = GzipPaddingNote(c); !pad.empty()) out += ", " + pad;
  // A window (audit --since, --until): what of the file was outside it.
  if (c.window_from != 0) {
    out += ", " + Thousands(static_cast<int64_t>(c.before_window)) + " before --since";
  }
  if (c.window_to != 0) {
    out += ", " + Thousands(static_cast<int64_t>(c.after_window)) + " after --until";
  }
  if (c.window_from != 0 || c.window_to != 0) {
    out += c.first_time == 0 ? std::string(" (none in the window)")
                             : " (in the window: " + ShownTime(c.first_time, c.first_zone) + " to " +
                                   ShownTime(c.last_time, c.last_zone) + ")";
  }
  // Shown when there are any, so a log without them reads as before.
  if (c.stopped != 0) {
    out += ", " + Counted(c.stopped, "recipient") +
           " stopped by a milter, a header or body check or an access map (rejected, held or "
           "discarded before any delivery: each counted as an attempt with that outcome, never "
           "as delivered)";
  }
  if (c.probes != 0) {
    out += ", " + Counted(c.probes, "address verification probe") +
           (c.probes == 1 ? " (not a delivery)" : " (not deliveries)");
  }
  if (c.soft_bounces != 0) {
    out += ", " + Counted(c.soft_bounces, "soft bounce") +
           " (soft_bounce = yes: would have bounced; counted as deferred, not "
           "delivered)";
  }
  if (c.hand_offs != 0) {
    out += ", " + Counted(c.hand_offs, "hand-off") + " followed to the next queue id";
  }
  if (c.minute_times != 0) {
    out += ", " + Counted(c.minute_times, "row") +
           " timed to the minute (seconds unknown, read as :00; a trace saved by Excel?"
           " first at " + c.file + ":" + std::to_string(c.first_minute_time_line) + ")";
  }
  if (c.internal_hops != 0) {
    out += ", " + Counted(c.internal_hops, "internal hop") +
           " (within the organisation, not deliveries)";
  }
  if (c.local_deliveries != 0) {
    out += ", " + Counted(c.local_deliveries, "delivery") +
           " into a mailbox on this host (local, virtual, LMTP to a socket or this host's "
           "LMTP port, or a pipe(8) mailbox program such as Dovecot's LDA; did not leave this "
           "host, not counted; first at " + c.file + ":" +
           std::to_string(c.first_local_delivery_line) + ")";
  }
  if (c.replaced != 0) {
    out += ", " + Counted(c.replaced, "row") +
           " whose recipient was replaced by others (group expanded, address resolved or "
           "redirected; not deliveries, first at " +
           c.file + ":" + std::to_string(c.first_replaced_line) + ")";
  }
  if (c.not_understood != 0) {
    out += ", " + Counted(c.not_understood, "delivery line") + " not understood (" +
           NotUnderstoodAt(c) + ")";
  }
  if (c.other_server_lines != 0) out += ", " + OtherServers(c);
  if (std::string step = ClockStepNote(c); !step.empty()) out += ", " + step;
  out += AfterYearBound(c, ", ");
  if (std::string cut = CutLines(c); !cut.empty()) out += ", of which " + cut;
  if (std::string lost = LostLines(c); !lost.empty()) out += ", " + lost;
  if (c.read_in_part != 0) {
    out += ", of which " + Thousands(static_cast<int64_t>(c.read_in_part)) +
           " read in part, their recipients counted with the sender or the outcome unknown "
           "(first at " + c.file + ":" + std::to_string(c.first_read_in_part_line) + ")";
  }
  if (c.unparsable_recipients != 0) {
    out += ", of which " + Thousands(static_cast<int64_t>(c.unparsable_recipients)) +
           (c.no_mail_domains == 0 ? " to a recipient that cannot be parsed (first at "
                                   : " to a recipient that cannot be judged (first at ") +
           c.file + ":" +
           std::to_string(c.first_unparsable_recipient_line) + ")";
    if (c.no_mail_domains != 0) out += ", of those " + NoMailDomains(c);
  }
  if (c.skipped_domains != 0) {
    out += ", " + Counted(c.skipped_domains, "recipient") + " skipped: the domain cannot be learned (an address literal, an invalid "
           "domain), nothing to learn (first at " + c.file + ":" +
           std::to_string(c.first_skipped_domain_line) + ": '" + c.first_skipped_domain + "')";
  }
  if (c.inbound_rows != 0) {
    out += ", " + Counted(c.inbound_rows, "row") + " skipped: mail received, not sent (first at " +
           c.file + ":" + std::to_string(c.first_inbound_row_line) + ")";
  }
  if (c.orphan_lines != 0) {
    out += ", " + Counted(c.orphan_lines, "line") +
           " of a message whose earlier lines were not read (a release from hold, an expiry "
           "or a delivery of a queue id not held; first at " + c.file + ":" +
           std::to_string(c.first_orphan_line) + ")";
  }
  if (c.bounces != 0) {
    out += ", " + Counted(c.bounces, "delivery line") +
           " skipped: a bounce from the null sender <> or the mail system's own address "
           "(MicrosoftExchange329e71ec...@, MAILER-DAEMON@), not correspondence (first at " +
           c.file +
           ":" + std::to_string(c.first_bounce_line) + ")";
  }
  if (c.direction_unknown_rows != 0) {
    out += ", " + Counted(c.direction_unknown_rows, "row") +
           " skipped: sent or received cannot be told (no direction column; name the "
           "organisation's domains in the policy, [domains] organisation; first at " +
           c.file + ":" + std::to_string(c.first_direction_unknown_line) + ")";
  }
  if (c.by_format[static_cast<size_t>(LineFormat::kRfc3164)] +
          c.by_format[static_cast<size_t>(LineFormat::kRfc3164Precise)] !=
      0 && !LogZoneIsUtc()) {
    out += ", its times without a zone read in " + LogZoneName() +
           (LogZoneStated() ? " and shown in UTC" : kShownAsWritten);
  } else if (c.by_format[static_cast<size_t>(LineFormat::kJournalFull)] != 0 &&
             !LogZoneIsUtc() && c.zone_abbreviation.empty()) {
    // short-full's abbreviations (CET, CEST) choose among the zone's offsets.
    out += ", its times read in " + LogZoneName() + " by the zone abbreviation each carries" +
           (LogZoneStated() ? " and shown in UTC" : kShownAsWritten);
  }
  if (std::string edge = ZoneEdgeDeliveries(c); !edge.empty()) out += "; " + edge;
  if (std::string local = LocalTimes(c); !local.empty()) out += ", " + local;
  if (std::string w = YearSpanWarning(c); !w.empty()) out += "; " + w;
  if (!c.error.empty()) out += "; NOT READ in full: " + c.error;
  return out;
}

std::string YearNote(const LineCounts& c) {
  if (c.yearless == 0 || c.year_from.empty()) return {};
  const std::string first = FormatTime(c.first_yearless_time).substr(0, 10);
  const std::string last = FormatTime(c.last_yearless_time).substr(0, 10);
  return "the year is not in its timestamps (" + Counted(c.yearless, "line") +
         "): read as " + (first == last ? first : first + " to " + last) + ", " + c.year_from +
         AfterYearBound(c, "; except ") + "; give --year if they are from another year";
}

std::string AfterYearBound(const LineCounts& c, std::string_view lead) {
  if (c.after_year_bound == 0) return {};
  std::string out(lead);
  out += Counted(c.after_year_bound, "line");
  out += " dated after the bound its year was read by, in the year the rest is read in (first "
         "at ";
  out += c.file;
  out += ':';
  out += std::to_string(c.first_after_year_bound_line);
  out += ", read as ";
  out += FormatTime(c.first_after_year_bound_time);
  out += "; a line out of order or a clock set wrong): left out of the time the log covers";
  return out;
}

}  // namespace nearmiss::maillog
