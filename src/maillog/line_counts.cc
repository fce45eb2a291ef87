#include "maillog/line_counts.h"

#include <algorithm>

#include "base/line_text.h"
#include "base/text_format.h"
#include "maillog/clock_step.h"
#include "maillog/line_counts_text.h"
#include "maillog/log_zone.h"
#include "maillog/loss_notice.h"
#include "maillog/shown_time.h"
#include "maillog/timestamp.h"

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
  if (first_unrecognised_line == 0) {
    first_unrecognised_line = lines;
    first_unrecognised.assign(line.substr(0, kExcerpt));
  }
}

void LineCounts::NoteTime(int64_t time, ZoneSource zone) {
  if (zone != ZoneSource::kInput) ++zoneless_times;
  if (read_first_time == 0 || time < read_first_time) read_first_time = time;
  read_last_time = std::max(read_last_time, time);
  if (window_from != 0 && time < window_from) {
    ++before_window;
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
  if (first_unrecognised_line == 0) {
    first_unrecognised_line = lines;
    first_unrecognised.assign(text.substr(0, kExcerpt));
  }
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

void LineCounts::SkippedDomain(std::string_view recipient, uint64_t line) {
  if (skipped_domains++ == 0) {
    first_skipped_domain_line = line != 0 ? line : lines;
    first_skipped_domain.assign(recipient.substr(0, kExcerpt));
  }
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

LineFormat LineCounts::main_format() const {
  size_t best = 0;
  for (size_t f = 1; f < by_format.size(); ++f) {
    if (by_format[f] > by_format[best]) best = f;
  }
  return by_format[best] == 0 ? LineFormat::kNone : static_cast<LineFormat>(best);
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
  // journalctl -o cat: Postfix's text without a timestamp or host.
  if (has(": to=<") || has(": from=<") || has(": message-id=<") || has(": client=")) {
    return "these look like Postfix lines without their timestamp and host (journalctl -o "
           "cat, or a grep that cut them); export them with journalctl -o short-iso";
  }
  return {};
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
  std::string hint = FormHint(c.first_unrecognised);
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
