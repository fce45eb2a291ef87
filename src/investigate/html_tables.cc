// The HTML report's tables (html_tables.h): the flagged domains, senders
// and deliveries, each sortable, with an outcome column for every outcome
// the report holds.
#include "investigate/html_tables.h"

#include <set>
#include <string>

#include "investigate/html_cells.h"
#include "investigate/render.h"
#include "investigate/stopped_text.h"
#include "maillog/postfix_log.h"  // BareQueueId
#include "maillog/trace_log.h"    // kSmartHostOutside

namespace nearmiss::investigate {
namespace {

std::string TdTag(const std::string& v) {
  return "<td><span class=\"tag " + Html(v) + "\">" + Html(v) + "</span></td>";
}
// Where a mailbox message's time came from (Row::date_source), in words.
std::string DateSourceWords(const std::string& source) {
  if (source == "date-header") return "Date: header";
  if (source == "resent-date-header") return "Resent-Date: header";
  if (source == "mbox-from-line") return "mbox From_ line";
  if (source == "maildir-name") return "Maildir file name";
  if (source == "file-mtime") return "file modification time";
  return source;
}

// "Delivered" is what a receiving server accepted (a log or trace says
// so); Sent-folder copies, which say only that the message was sent, have
// a column of their own when there are any, as on page 1.
std::string FolderHead(const Report& rep) {
  return rep.totals().in_mailbox == 0 ? std::string()
                                      : "<th class=\"n\">In Sent folders (delivery unknown)</th>";
}
std::string Delivered(const Report& rep, const Counts& c) {
  return TdNum(c.sent - c.in_mailbox) +
         (rep.totals().in_mailbox == 0 ? std::string() : TdNum(c.in_mailbox));
}

// The outcome columns after "Delivered": bounced, expired and deferred
// always, and every other outcome the report holds (discarded, rejected,
// held, deleted, unknown), so a row's cells add up to its recipients
// (issue-16 tester round 34, item 5: "6 deliveries, 1 delivered, 0
// bounced, 0 expired, 0 deferred" left five unaccounted for).
struct OutcomeColumn {
  const char* head;
  int64_t Counts::*count;
  bool always;
};
constexpr OutcomeColumn kOutcomeColumns[] = {
    {"Bounced", &Counts::bounced, true},
    {"Expired", &Counts::expired, true},
    {"Deferred (still waiting)", &Counts::deferred, true},
    {"Discarded", &Counts::discarded, false},
    {"Rejected", &Counts::rejected, false},  // by whom: OutcomeHeads
    {"Held (hold queue, quarantine)", &Counts::held, false},
    {"Deleted (postsuper -d)", &Counts::deleted, false},
    {"Outcome unknown", &Counts::unknown, false},
};
bool Shown(const Report& rep, const OutcomeColumn& c) {
  return c.always || rep.totals().*c.count != 0;
}
std::string OutcomeHeads(const Report& rep) {
  std::string s;
  for (const OutcomeColumn& c : kOutcomeColumns) {
    if (!Shown(rep, c)) continue;
    std::string head = c.head;
    if (c.count == &Counts::rejected) head += " (by " + RejectedBy(rep.totals()) + ")";
    s += "<th class=\"n\">" + Html(head) + "</th>";
  }
  return s;
}
std::string OutcomeCells(const Report& rep, const Counts& counts) {
  std::string s;
  for (const OutcomeColumn& c : kOutcomeColumns) {
    if (Shown(rep, c)) s += TdNum(counts.*c.count);
  }
  return s;
}

}  // namespace

std::string DomainTable(const Report& rep) {
  // "counts": printed to fit the page (html_style.h), every column there.
  std::string s = "<table class=\"sortable counts\"><thead><tr><th>Domain</th><th>Class</th>"
                  "<th>Resembles</th><th>Why</th><th class=\"n\">Deliveries (recipients, every "
                  "outcome)</th><th class=\"n\">Delivered</th>";
  // Appended, not "..." + string: GCC 12 -O3's false -Wrestrict (bug 105329).
  s += FolderHead(rep);
  s += OutcomeHeads(rep);
  s += "<th class=\"n\">Senders</th><th>First</th><th>Last</th></tr></thead><tbody>";
  for (const auto& [domain, d] : rep.by_domain()) {
    // Cells of addresses and domains wrap anywhere (html_style.h: a long
    // name has no other place to break, and would push the table off the page).
    const std::string hosts = d.HostsText(domain);
    s += "<tr><td class=\"addr\">" + DomainLabel(domain, d.domain_unicode) +
         (hosts.empty() ? std::string() : "<br><span class=\"small\">" + Html(hosts) + "</span>") +
         "</td>" +
         TdTag(d.verdict) + "<td class=\"addr\"><code>" + BreakableAfter(d.target, ".") +
         "</code></td>" + Td(d.reason, "why") +
         TdNum(d.counts.deliveries) +
         Delivered(rep, d.counts) + OutcomeCells(rep, d.counts) +
         TdNum(static_cast<int64_t>(d.senders.size())) + Td(Day(d.first)) + Td(Day(d.last)) +
         "</tr>";
  }
  return s + "</tbody></table>";
}

std::string SenderTable(const Report& rep) {
  std::string s = "<table class=\"sortable counts\"><thead><tr><th>Sender</th>"
                  "<th class=\"n\">Deliveries (recipients, every outcome)</th>"
                  "<th class=\"n\">Delivered</th>";
  s += FolderHead(rep);
  s += OutcomeHeads(rep);
  s += "<th class=\"n\">Domains</th><th>Look-alike domains</th></tr></thead><tbody>";
  // Each look-alike with its U-label beside an "xn--" name, as the domain
  // table shows it: the reader recognises "аrmy.mil", not its A-label.
  auto domain_cell = [&](const std::set<std::string>& domains) {
    std::string cell = "<td class=\"addr\">";
    const size_t opening = cell.size();
    for (const std::string& x : domains) {
      auto it = rep.by_domain().find(x);
      cell += (cell.size() == opening ? "" : ", ") +
              DomainLabel(x, it == rep.by_domain().end() ? "" : it->second.domain_unicode);
    }
    return cell + "</td>";
  };
  for (const auto& [sender, d] : rep.by_sender()) {
    s += "<tr>" + TdSender(sender) + TdNum(d.counts.deliveries) + Delivered(rep, d.counts) +
         OutcomeCells(rep, d.counts) + TdNum(static_cast<int64_t>(d.domains.size())) +
         domain_cell(d.domains) + "</tr>";
  }
  if (const SenderLine& u = rep.unknown_sender(); u.counts.deliveries != 0) {
    s += "<tr>" + Td("(unknown: not in the log; not one sender)") + TdNum(u.counts.deliveries) +
         Delivered(rep, u.counts) + OutcomeCells(rep, u.counts) +
         TdNum(static_cast<int64_t>(u.domains.size())) + domain_cell(u.domains) + "</tr>";
  }
  return s + "</tbody></table>";
}

std::string DeliveryTable(const Report& rep, bool with_level) {
  // Column widths for print (percent of the page; html_style.h): every
  // column on the page, long addresses and relays wrapped.
  std::string s = std::string("<table class=\"sortable deliveries\"><colgroup>") +
                  (with_level ? "<col style=\"width:9%\"><col style=\"width:8%\">"
                                "<col style=\"width:10%\"><col style=\"width:11%\">"
                                "<col style=\"width:8%\"><col style=\"width:13%\">"
                                "<col style=\"width:10%\"><col style=\"width:8%\">"
                                "<col style=\"width:12%\"><col style=\"width:11%\">"
                              : "<col style=\"width:10%\"><col style=\"width:9%\">"
                                "<col style=\"width:11%\"><col style=\"width:12%\">"
                                "<col style=\"width:8%\"><col style=\"width:16%\">"
                                "<col style=\"width:11%\"><col style=\"width:8%\">"
                                "<col style=\"width:15%\">") +
                  "</colgroup><thead><tr><th>First attempt</th><th>Queue id</th>"
                  "<th>From</th><th>To</th><th>Class</th><th>Why</th><th>Did they mean</th>"
                  "<th>Status</th><th>Relay</th>";
  if (with_level) s += "<th>Sensitivity</th>";
  s += "</tr></thead><tbody>";
  for (const Row& r : rep.table()) {
    std::string to = Html(r.to);
    if (!r.domain_unicode.empty()) {
      to += " <span class=\"ulabel\">(" + Html(r.domain_unicode) + ")</span>";
    }
    if (!r.orig_to.empty()) {
      to += " <span class=\"ulabel\">(rewritten from " + Html(r.orig_to) + ")</span>";
    }
    std::string when = Html(r.time.empty() && !r.source.empty() ? "unknown" : r.time);
    if (!r.date_source.empty()) {
      when += " <span class=\"ulabel\">(" + Html(DateSourceWords(r.date_source)) + ")</span>";
    } else if (!r.source.empty()) {
      when += " <span class=\"ulabel\">(no Date: header, no delivery time)</span>";
    }
    // An Exchange or Microsoft 365 row has no queue id: its key is the
    // Message-ID, labelled as such, so it is not taken to postqueue or to
    // Get-MessageTrackingLog -InternalMessageId (issue-16 tester round 59,
    // finding 5).
    const bool message_id_key =
        r.given_queue_id.empty() && !r.queue_id.empty() && r.queue_id == r.message_id;
    s += "<tr><td data-v=\"" + Html(r.time) + "\">" + when + "</td><td>" +
         (message_id_key ? "<span class=\"ulabel\">Message-ID</span> " : "") + "<code>" +
         // The given log's id after a hand-off not followed; the next
         // server's is in the outcome cell ("queued as X").
         Html(r.given_queue_id.empty() ? maillog::BareQueueId(r.queue_id) : r.given_queue_id) +
         "</code></td>" +
         TdSender(SenderLabel(r)) +
         "<td>" + to + "</td>" + TdTag(r.verdict) + Td(RowReason(r)) + Td(r.suggestion) +
         (r.status != "unknown" ? TdTag(RowStatus(r))
          // A Postfix hand-off (hops logged) whose next queue id never
          // logged this recipient's delivery; else an Exchange SEND on.
          : !r.hops.empty()
              ? "<td><span class=\"tag unknown\">outcome unknown</span>: handed to " +
                    Html(r.relay) + " (queued as " + Html(maillog::BareQueueId(r.queue_id)) +
                    "); final delivery not in the logs given</td>"
              : r.relay.find("no later event") != std::string::npos
              ? "<td><span class=\"tag unknown\">outcome unknown</span>: last seen at " +
                    Html(r.relay) + "; final delivery not in the logs given</td>"
              // A smart host outside the organisation took it (trace_log.h).
              : r.relay.find(maillog::kSmartHostOutside) != std::string::npos
              // The relay is in its own column: the cell stays short (a
              // third of a printed page before; issue-16 tester16b, F17).
              ? "<td><span class=\"tag unknown\">outcome unknown</span> (smart host): "
                "whether it arrived is in that server's log (Exchange Online: the Microsoft "
                "365 message trace)</td>"
              : "<td><span class=\"tag unknown\">outcome unknown</span>: handed to " +
                    Html(r.relay) + "; final delivery not in the logs given (give " +
                    Html(r.relay) + "'s log)</td>") +
         Td(r.hops.empty() ? r.relay : r.relay + " (after " + r.hops + ")");
    if (with_level) s += Td(r.marking.empty() ? r.level : r.marking);
    s += "</tr>";
  }
  return s + "</tbody></table>";
}

}  // namespace nearmiss::investigate
