// The investigation report as one HTML file: summary, charts, and sortable
// tables of the flagged domains, senders and deliveries (html_tables.cc).
#include <algorithm>

#include "investigate/coverage.h"
#include "investigate/html_cells.h"
#include "investigate/html_style.h"
#include "investigate/html_tables.h"
#include "investigate/render.h"
#include "investigate/stopped_text.h"
#include "investigate/server_coverage.h"
#include "investigate/time_axis.h"
#include "maillog/timestamp.h"

namespace nearmiss::investigate {
namespace {

constexpr size_t kTopN = 10;

std::string Kpi(const std::string& n, const std::string& label, bool alert = false) {
  return std::string("<div class=\"kpi") + (alert ? " alert" : "") + "\"><div class=\"n\">" + n +
         "</div><div class=\"l\">" + Html(label) + "</div></div>";
}

// The legend of the bars (Parts, in its order): the outcomes present in
// `c` (the report's totals) only, so a report with three outcomes does not
// list ten (issue-16 tester16b, F16).
std::string Legend(const Counts& c) {
  struct Key {
    int64_t n;
    std::string_view colour, label;
  };
  const std::string rejected = "rejected by " + RejectedBy(c) + " (never delivered)";
  const Key keys[] = {
      {c.sent - c.in_mailbox, "#c0392b", "delivered"},
      {c.bounced, "#95a5a6", "bounced"},
      {c.deferred, "#e0a030", "still deferred"},
      {c.expired, "#6c5b7b", "expired (returned to sender)"},
      {c.discarded, "#2e86c1", "discarded (never delivered)"},
      {c.unknown, "#5d4037", kOutcomeUnknown},
      {c.in_mailbox, "#f1948a", "in a Sent folder (delivery not known)"},
      {c.rejected, "#117a65", rejected},
      {c.held, "#b7950b", "held in a hold queue or quarantine (not delivered)"},
      {c.deleted, "#1b2631", "deleted by an administrator (postsuper -d; never delivered)"},
  };
  std::string out = "<div class=\"legend\">";
  for (const Key& k : keys) {
    if (k.n == 0) continue;
    out += "<i style=\"background:";
    out += k.colour;
    out += "\"></i>";
    out += k.label;
  }
  return out + "</div>";
}

// A bar's parts (Bar): a Sent-folder copy says the message was sent, not
// that it was delivered, so it is never in the "delivered" part.
std::vector<int64_t> Parts(const Counts& c) {
  return {c.sent - c.in_mailbox, c.bounced, c.deferred, c.expired, c.discarded, c.unknown,
          c.in_mailbox, c.rejected, c.held, c.deleted};
}

// Months wholly inside a span no log covers (coverage.h): "no log read",
// not a month of "0 deliveries" (issue-16 tester round 43, finding 3).
void MarkUnread(const Report& rep, std::vector<Bar>& months) {
  const std::vector<CoverageGap> gaps = CoverageGaps(rep);
  for (Bar& b : months) {
    if (b.label.size() != 7) continue;  // "YYYY-MM"; not "unknown"
    const int64_t start = maillog::ParseDate(b.label + "-01");
    if (start < 0) continue;
    maillog::Stamp s;
    maillog::SecondsToCivil(start, &s);
    const int64_t end = s.month == 12 ? maillog::CivilToSeconds(s.year + 1, 1, 1, 0, 0, 0)
                                      : maillog::CivilToSeconds(s.year, s.month + 1, 1, 0, 0, 0);
    for (const CoverageGap& g : gaps) {
      // A host's gap is not the month's: the other hosts' logs cover it.
      if (g.host.empty() && g.from <= start && end <= g.to) {
        b.note = "no log read for this month: its deliveries are not known";
      }
    }
  }
}

std::string Period(const Report& rep) {
  int64_t first = 0, last = 0;
  for (const auto& [d, line] : rep.by_domain()) {
    if (line.first != 0) first = first == 0 ? line.first : std::min(first, line.first);
    last = std::max(last, line.last);
  }
  if (first == 0) return "";
  return Day(first) + " to " + Day(last);
}

}  // namespace

std::string ReportHtml(const Report& rep, const HtmlMeta& meta) {
  const Counts& t = rep.totals();
  std::vector<Bar> months;
  for (const auto& [m, c] : rep.by_month()) {
    months.push_back({m, "", Parts(c)});
  }
  // Every month from the first to the last, or quarters/years over a long
  // span (time_axis.h).
  TimeAxis axis = MonthAxis(months);
  if (axis.unit == "month") MarkUnread(rep, axis.bars);
  const std::string by_time = "Deliveries by " + axis.unit;
  std::vector<std::pair<std::string, const DomainLine*>> domains;
  for (const auto& [d, line] : rep.by_domain()) domains.emplace_back(d, &line);
  std::stable_sort(domains.begin(), domains.end(), [](const auto& a, const auto& b) {
    return a.second->counts.deliveries > b.second->counts.deliveries;
  });
  std::vector<Bar> top_domains;
  for (size_t i = 0; i < domains.size() && i < kTopN; ++i) {
    const DomainLine& d = *domains[i].second;
    std::string note = d.target.empty() ? "blocked by policy" : "looks like " + d.target;
    std::string label = domains[i].first;
    if (!d.domain_unicode.empty() && d.domain_unicode != label) {
      label += " (" + d.domain_unicode + ")";  // as the domain table shows it
    }
    top_domains.push_back({std::move(label), note,
                           Parts(d.counts)});
  }
  std::vector<std::pair<std::string, const SenderLine*>> senders;
  for (const auto& [s, line] : rep.by_sender()) senders.emplace_back(s, &line);
  std::stable_sort(senders.begin(), senders.end(), [](const auto& a, const auto& b) {
    return a.second->counts.deliveries > b.second->counts.deliveries;
  });
  std::vector<Bar> top_senders;
  for (size_t i = 0; i < senders.size() && i < kTopN; ++i) {
    const SenderLine& s = *senders[i].second;
    top_senders.push_back({senders[i].first,
                           Counted(static_cast<int64_t>(s.domains.size()), "look-alike domain"),
                           Parts(s.counts)});
  }
  // Every attempt the text's "attempts by status" counts is in a slice, so
  // the donut's total is the text's: Postfix's SOFTBOUNCE (soft_bounce =
  // yes: a bounce turned into a deferral, postconf(5)) in the deferred
  // slice, said in its label; a status of no slice here in "other".
  std::vector<std::pair<std::string, int64_t>> statuses;
  int64_t soft_bounces = 0, other = 0;
  for (const auto& [st, n] : rep.attempts_by_status()) {
    if (st == "SOFTBOUNCE") {
      soft_bounces += n;
    } else if (st != "sent" && st != "bounced" && st != "deferred" && st != "expired" &&
               st != "discarded" && st != "deleted" && st != "unknown" && st != "rejected" &&
               st != "held") {
      other += n;
    }
  }
  for (const char* st :
       {"sent", "bounced", "deferred", "expired", "discarded", "deleted", "unknown", "rejected",
        "held"}) {
    auto it = rep.attempts_by_status().find(st);
    int64_t n = it == rep.attempts_by_status().end() ? 0 : it->second;
    std::string label = st;
    // Only a log with a milter, a check, a transport rule or a hold has them.
    if ((label == "rejected" || label == "held" || label == "deleted") && n == 0) continue;
    if (label == "deleted") label = "deleted by an administrator (postsuper -d)";
    if (label == "rejected") label = "rejected by " + RejectedBy(rep.totals());
    if (label == "held") label = "held (hold queue, quarantine)";
    if (label == "unknown") {
      if (n == 0) continue;  // only Exchange logs without the next server's have it
      label = kOutcomeUnknown;
    }
    if (label == "sent") {
      // Sent-folder copies have a slice of their own (added last).
      n -= rep.sent_folder_attempts();
      if (rep.sent_folder_attempts() != 0) label = "sent (accepted by the server)";
    }
    if (label == "deferred" && soft_bounces > 0) {
      n += soft_bounces;
      label += " (" + Thousands(soft_bounces) + " SOFTBOUNCE)";
    }
    statuses.emplace_back(std::move(label), n);
  }
  if (other > 0) statuses.emplace_back("other", other);
  if (rep.sent_folder_attempts() != 0) {
    statuses.emplace_back("in Sent folders (delivery unknown)", rep.sent_folder_attempts());
  }
  bool with_level = rep.messages > 0 || rep.subjects_scanned > 0;
  std::string period = Period(rep);

  // The report's own marking: given, or the highest level it shows; never
  // one made up.
  std::string marking = !meta.marking.empty() ? meta.marking : rep.TopMarking();
  std::string badge = marking.empty() ? std::string()
                                      : "<span class=\"badge\">" + Html(marking) + "</span>";
  // The marking at the top and bottom of every printed page: the page is
  // one table whose head and foot rows Chromium repeats on each page it
  // prints (CSS @page margin boxes are not drawn by its print, and fixed
  // elements cannot reach the page margins); on screen they are a banner
  // above and below the report. The foot row follows the content, so on a
  // page the content does not fill (page 1's summary, the last page) it
  // stood mid-page (round 52's tester 16, finding 9): in print it only
  // keeps the room, and the bottom banner is a fixed element, which
  // Chromium draws on every page at the bottom of its box (html_style.h).
  std::string marking_row =
      marking.empty() ? std::string()
                      : "<tr><td><div class=\"marking\">" + Html(marking) + "</div></td></tr>";
  std::string h = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                  "<title>" + Html(meta.title) + "</title><style>" + kReportCss +
                  // A4's print width is 3% under Letter's, for which the
                  // 1120 px layout is scaled (html_style.h): shrunk to match.
                  // No size: Chromium's own paper (Letter), as before.
                  (meta.paper == "A4" ? "@page{size:A4}@media print{main{zoom:.96}}"
                   : meta.paper == "letter" ? "@page{size:letter}"
                                            : "") +
                  "</style></head><body>" +
                  (marking.empty() ? std::string()
                                   : "<div class=\"marking marking-foot\">" + Html(marking) +
                                         "</div>") +
                  "<table class=\"pagebox first\"><thead>" + marking_row +
                  "</thead><tfoot>" + marking_row + "</tfoot><tbody><tr><td>"
                  "<header><div class=\"kicker\">nearmiss investigation" + badge +
                  "</div><h1>" + Html(meta.title) +
                  "</h1><div class=\"meta\">";
  if (!meta.organisation.empty()) h += Html(meta.organisation) + " &middot; ";
  // The span of the flagged deliveries, named so, and beside it the time
  // the logs cover (the "What was read" table gives it per file).
  // Gaps left out: "2026-01-01 to 2026-01-31 and 2026-03-01 to 2026-03-31".
  std::string covered = CoveredDays(rep);
  // One span over several servers hides one whose logs end early: each
  // server's, where they differ (server_coverage.h).
  if (std::string by_server = ServerCoverageText(rep); !by_server.empty() && !covered.empty()) {
    covered += " (by server: " + by_server + ")";
  }
  // A window no line reaches still says what the logs cover.
  const std::string read = covered.empty() ? ReadDays(rep) : std::string();
  // Lines both before and after a window with none in it: a hole over the
  // window (file_holes.h), not logs outside it (round 59b's tester 16, 4).
  const bool around =
      std::any_of(rep.logs.begin(), rep.logs.end(),
                  [&](const maillog::LineCounts& c) {
                    return c.read_first_time != 0 && c.read_first_time < rep.window_from;
                  }) &&
      std::any_of(rep.logs.begin(), rep.logs.end(), [&](const maillog::LineCounts& c) {
        return rep.window_to != 0 && c.read_last_time >= rep.window_to;
      });
  h += (period.empty() ? std::string("no flagged recipients")
                       : "Flagged recipients " + Html(period)) +
       (!read.empty() ? " &middot; logs cover " + Html(read) +
                            (around ? " (none of their lines in the window asked)"
                                    : " (outside the window asked)")
        : covered.empty()     ? ""
        : Window(rep).applied ? " &middot; log lines counted cover " + Html(covered)
                              : " &middot; logs cover " + Html(covered)) +
       " &middot; " +
       Counted(static_cast<int64_t>(rep.lines), "log line") +
       (rep.messages ? ", " + Counted(static_cast<int64_t>(rep.messages), "message") : "") +
       " from " + Counted(static_cast<int64_t>(rep.inputs.size()), "source") +
       " &middot; generated " + Html(meta.generated) +
       "</div>" +
       // The window applied, in full, where the reader sees the figures.
       (Window(rep).applied ? "<div class=\"meta\">" + Html(WindowText(rep)) + "</div>"
                            : std::string()) +
       (meta.marking_warning.empty()
            ? std::string()
            : "<div class=\"marking-warning\">Marking below the data: " +
                  Html(meta.marking_warning) + ".</div>") +
       "</header><main>" + ExecutiveSummaryHtml(rep, meta) + "</main></td></tr></tbody></table>";
  // Page 1 is the summary alone: its own page box, the page broken after
  // it (a forced break inside a table cell is not kept by Chromium's
  // print, which let the summary's last lines run onto page 2).
  h += "<table class=\"pagebox rest\"><thead>" + marking_row + "</thead><tfoot>" + marking_row +
       "</tfoot><tbody><tr><td><main>";

  h += "<section class=\"kpis\">" + Kpi(Thousands(t.deliveries), "Flagged recipients", true) +
       // The summary's split: accepted by the receiving server, or only
       // found in a Sent folder (whether it arrived is not known).
       Kpi(Thousands(t.sent - t.in_mailbox), "Delivered to look-alikes", true) +
       (t.in_mailbox != 0
            ? Kpi(Thousands(t.in_mailbox), "In Sent folders (delivery unknown)", true)
            : std::string()) +
       Kpi(Thousands(static_cast<int64_t>(rep.by_domain().size())), "Domains involved") +
       Kpi(Thousands(static_cast<int64_t>(rep.PeopleSenders())), "Senders involved") + "</section>";

  h += "<section class=\"grid2\"><div class=\"card\"><h2>" + by_time +
       (axis.note.empty() ? std::string() : "<small>" + Html(axis.note) + "</small>") + "</h2>" +
       ColumnChartSvg(axis.bars, by_time) + Legend(t) + "</div><div class=\"card\"><h2>Attempts by outcome</h2>" + DonutSvg(statuses) + "</div></section>";
  h += "<section class=\"grid2 even\"><div class=\"card\"><h2>Top look-alike domains</h2>" +
       BarListSvg(top_domains) + Legend(t) + "</div><div class=\"card\"><h2>Top senders</h2>" +
       BarListSvg(top_senders) + "</div></section>";

  h += "<section class=\"card\"><h2>Look-alike and blocked domains<small class=\"screen\">click a "
       "column to sort</small></h2><div class=\"scroll\">" + DomainTable(rep) + "</div></section>";
  h += "<section class=\"card\"><h2>Senders</h2><div class=\"scroll\">" + SenderTable(rep) +
       "</div></section>";
  h += "<section class=\"card\"><h2>Flagged recipients<small>" +
       (rep.table_dropped() ? "first " + Thousands(static_cast<int64_t>(rep.table().size())) +
                                  " of " + Thousands(t.deliveries) + "; --json lists every attempt"
                            : Counted(t.deliveries, "recipient", "recipients") +
                                  ", each by its latest outcome") +
       "</small></h2><div class=\"scroll\">" + DeliveryTable(rep, with_level) +
       "</div></section>";
  h += ReadSectionHtml(rep);
  // Appended, not "..." + string: GCC 12 -O3's false -Wrestrict (bug 105329).
  std::string counted = CountedAs(rep);
  counted[0] = 'A';
  h += "</main><footer>" + Html(counted) + ". Domains are classified with the "
       "policy " + Html(meta.policy) + ". " + Html(TimesNote(rep)) + "</footer>"
       "</td></tr></tbody></table><script>" +
       kReportJs + "</script></body></html>\n";
  return h;
}

}  // namespace nearmiss::investigate
