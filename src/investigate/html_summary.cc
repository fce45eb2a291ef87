// The report's first page: what someone who decides reads in a minute.
// Every figure names what it counts.
#include <algorithm>
#include <array>

#include "base/ascii.h"
#include "investigate/html_cells.h"  // Day
#include "investigate/lookalike_hop.h"
#include "investigate/render.h"
#include "investigate/stopped_text.h"
#include "maillog/timestamp.h"
#include "maillog/unknown_cause.h"

namespace nearmiss::investigate {
namespace {

constexpr size_t kNamed = 5;

// How many of the flagged recipients whose message was read carried a
// marking, and which, most first ("135 of the 135 flagged recipients whose
// message or subject was read were marked: 135 SECRET//NOFORN."): the
// highest alone does not say how much (issue-16 tester, item 12).
std::string MarkedCount(const Report& rep) {
  // A sentence with nothing to count says so, never "0 of the 0 ...: ."
  // (issue-16 tester F10).
  if (rep.sensitivity_read() == 0) {
    return "No flagged recipient's delivery holds a message or subject that was read, so none "
           "is counted as marked.";
  }
  std::vector<std::pair<std::string, int64_t>> by(rep.by_marking().begin(),
                                                  rep.by_marking().end());
  std::stable_sort(by.begin(), by.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  int64_t marked = 0;
  for (const auto& [m, n] : by) marked += n;
  std::string out = marked == 0 ? std::string("None") : Thousands(marked);
  out += " of the ";
  out += Counted(static_cast<uint64_t>(rep.sensitivity_read()), "flagged recipient",
                 "flagged recipients");
  out += " whose message or subject was read ";
  if (marked == 0) return out + "was marked.";
  out += marked == 1 ? "was" : "were";
  out += " marked: ";
  for (size_t i = 0; i < by.size() && i < kNamed; ++i) {
    if (i != 0) out += ", ";
    out += Thousands(by[i].second);
    out += ' ';
    out += Html(by[i].first);
  }
  if (by.size() > kNamed) {
    out += ", and ";
    out += Thousands(static_cast<int64_t>(by.size() - kNamed));
    out += " other markings";
  }
  return out + ".";
}

// The flagged recipients whose sensitivity is not known: nothing of their
// message was read (a Postfix log without a header check's Subject: line,
// an Exchange event without a subject), said beside any count of markings
// so "no marking was found" is never read as covering them (issue-16
// tester16b, F4). "" when every one was read.
std::string NothingRead(const Report& rep) {
  const uint64_t all = rep.totals().deliveries;
  const uint64_t read = static_cast<uint64_t>(std::max<int64_t>(rep.sensitivity_read(), 0));
  if (all <= read) return {};
  std::string out = " ";
  out += Thousands(static_cast<int64_t>(all - read));
  out += " of the ";
  out += Counted(all, "flagged recipient", "flagged recipients");
  out += all - read == 1 ? " has" : " have";
  out += " no message or subject to read (a Postfix log records no subject unless a header "
         "check logs it): ";
  out += all - read == 1 ? "its" : "their";
  out += " sensitivity is not known.";
  return out;
}

// How many of the flagged messages reached a receiving server at those
// domains (Report::reached_messages): a recipient refused at RCPT by the
// organisation's own gateway was tried, never "went" (issue-16 tester
// round 45, finding 8).
std::string ReachedSentence(const Report& rep) {
  const size_t n = rep.flagged_messages(), reached = rep.reached_messages();
  if (reached == 0) {
    return n == 1 ? "<strong>It is not known to have reached a receiving server at those "
                    "domains</strong>."
                  : "<strong>None of them is known to have reached a receiving server at those "
                    "domains</strong>.";
  }
  std::string out = "<strong>";
  out += reached == n ? (n == 1 ? std::string("It") : "All " + Thousands(static_cast<int64_t>(n)))
                      : Thousands(static_cast<int64_t>(reached)) + " of them";
  out += " reached a receiving server at those domains</strong> (a recipient accepted, or refused only "
         "after the server had the whole message).";
  return out;
}

// Why the outcome of the flagged recipients closed "unknown" is not known,
// in the words of the source that left it so (round 55's tester 16,
// finding 7: a Microsoft 365 FilteredAsSpam row was explained as a
// Postfix hand-off; tester 16 (b): an LMTP server of the look-alike's own
// as "another of the organisation's servers"): the Postfix hand-offs
// (LeftOut::handed_unknown) and the next hops named (LeftOut::next_hops),
// each worded by its cause as learn words it (maillog/unknown_cause.h).
std::string UnknownWhy(const LeftOut& l) {
  std::array<bool, maillog::kUnknownCauses> seen{};
  for (const std::string& hop : l.next_hops) {
    seen[static_cast<size_t>(maillog::UnknownCauseOf(hop))] = true;
  }
  std::string why;
  auto add = [&why](std::string_view part) {
    why += why.empty() ? "" : "; ";
    why += part;
  };
  if (l.handed_unknown != 0) {
    add("handed to a content filter or another Postfix instance whose log was not given");
  }
  for (size_t i = 0; i < seen.size(); ++i) {
    if (seen[i]) add(maillog::UnknownCauseWords(static_cast<maillog::UnknownCause>(i)));
  }
  return why.empty() ? "final delivery not in the logs given" : why;
}

}  // namespace

std::string DomainLabel(const std::string& domain, const std::string& unicode) {
  // Broken after a dot, never inside a label ("gmial.c|om", issue-16
  // tester F3), where the cell's CSS allows no other break.
  std::string s = "<code>" + BreakableAfter(domain, ".") + "</code>";
  if (!unicode.empty()) s += " <span class=\"ulabel\">(" + Html(unicode) + ")</span>";
  return s;
}

// " (2 recipients of them the mail system's own notices: ...; 6 sent by
// Exchange's system mailbox: ...)" after "from N senders"; "" when neither.
std::string SendersAside(int64_t notices, int64_t system_mailbox) {
  std::vector<std::string> parts;
  // Bounces and other notices the mail system wrote to a look-alike that
  // had written in (backscatter): no person chose the recipient (round
  // 49's tester 16, finding 7).
  if (notices != 0) {
    parts.push_back(Counted(notices, "recipient", "recipients") +
                    " of them the mail system's own notices: bounces of mail those domains "
                    "sent in, which no person addressed");
  }
  // Exchange's system mailbox's mail the logs do not show to be a bounce:
  // a journal report to a mistyped journaling address carries the
  // journaled message whole (round 51's tester 16, finding 3).
  if (system_mailbox != 0) {
    parts.push_back(Thousands(system_mailbox) +
                    " sent by Exchange's system mailbox: journal reports or other system "
                    "messages, not bounces of mail those domains sent in; a journal report "
                    "carries the journaled message whole");
  }
  if (parts.empty()) return {};
  std::string out = " (" + parts[0];
  for (size_t i = 1; i < parts.size(); ++i) out += "; " + parts[i];
  return out + ")";
}

std::string ExecutiveSummaryHtml(const Report& rep, const HtmlMeta& /*meta*/) {
  const Counts& t = rep.totals();
  const Counts notices = rep.SystemNotices(), system_mailbox = rep.SystemMailbox();
  // Every flagged recipient comes from a Sent folder: no log was read.
  const bool mailbox_only = t.deliveries != 0 && t.in_mailbox == t.deliveries;
  int64_t first = 0, last = 0;
  std::vector<std::pair<std::string, const DomainLine*>> domains;
  for (const auto& [d, line] : rep.by_domain()) {
    domains.emplace_back(d, &line);
    if (line.first != 0) first = first == 0 ? line.first : std::min(first, line.first);
    last = std::max(last, line.last);
  }
  std::stable_sort(domains.begin(), domains.end(), [](const auto& a, const auto& b) {
    return a.second->counts.deliveries > b.second->counts.deliveries;
  });
  std::vector<std::pair<std::string, const SenderLine*>> senders;
  for (const auto& [s, line] : rep.by_sender()) senders.emplace_back(s, &line);
  std::stable_sort(senders.begin(), senders.end(), [](const auto& a, const auto& b) {
    return a.second->counts.deliveries > b.second->counts.deliveries;
  });

  std::string h = "<section class=\"exec\" id=\"summary\"><h2>Summary</h2>";
  // First, before any figure: what the figures leave out.
  if (std::string n = IncompleteNotice(rep, "The section \"What was read\" says which, and why.");
      !n.empty()) {
    h += "<p class=\"incomplete\"><strong>INCOMPLETE</strong>" + Html(n.substr(10)) + "</p>";
  }
  if (t.deliveries == 0 && rep.unread_flagged != 0) {
    // Never "no message" over a line left out that names one (issue-16
    // tester round 43, finding 6).
    h += "<p class=\"lead\">None among the lines read went to a look-alike or blocked domain; "
         "<strong>" +
         Counted(static_cast<int64_t>(rep.unread_flagged_lines),
                 "delivery line that could not be read names",
                 "delivery lines that could not be read name") +
         (rep.unread_flagged_lines == rep.unread_flagged
              ? std::string(" a look-alike or blocked recipient")
              : " " + Counted(static_cast<int64_t>(rep.unread_flagged),
                              "look-alike or blocked recipient")) +
         "</strong>: " + Html(UnreadFlaggedNamed(rep)) + ".</p>";
  } else if (t.deliveries == 0 && rep.begun_before_window != 0) {
    // Never "no message" over a flagged delivery the window left out
    // because it began before it (round 47's tester 16, finding 3).
    h += "<p class=\"lead\">None begun in the window went to a look-alike or blocked domain; "
         "<strong>" +
         Counted(static_cast<int64_t>(rep.begun_before_window), "delivery", "deliveries") +
         " to one, begun before the window, had later attempts in it</strong>: the report of "
         "the window it began in counts " +
         (rep.begun_before_window == 1 ? "it" : "them") + " (give an earlier --since).</p>";
  } else if (t.deliveries == 0) {
    h += "<p>No message in what was read went to a look-alike or blocked domain.</p>";
  } else {
    h += "<p class=\"lead\"><strong>" +
         Counted(static_cast<int64_t>(rep.flagged_messages()), "message", "messages") +
         "</strong> " + (rep.flagged_messages() == 1 ? "was" : "were") +
         " addressed to recipients at <strong>" +
         Counted(static_cast<int64_t>(rep.by_domain().size()), "look-alike or blocked domain",
                "look-alike or blocked domains") +
         "</strong>, from " +
         // No sender known at all (a log filtered to its delivery lines):
         // said so, not "from 0 senders" (breaker round 3 §9).
         (rep.by_sender().empty() && rep.unknown_sender().counts.deliveries != 0
              ? std::string("an unknown sender (no from= line for its queue in the logs given)")
              : rep.PeopleSenders() == 0 && notices.deliveries != 0
                    ? std::string("no person: the mail system's own notices (bounces of mail "
                                  "those domains sent in)")
                    : Counted(static_cast<int64_t>(rep.PeopleSenders()), "sender", "senders") +
                          (rep.unknown_sender().counts.deliveries != 0 ? " and an unknown one"
                                                                       : "")) +
         // Bounces and other notices the mail system wrote to a look-alike
         // that had written in (backscatter): no person chose the
         // recipient (round 49's tester 16, finding 7).
         SendersAside(rep.PeopleSenders() > 0 ? notices.deliveries : 0,
                      system_mailbox.deliveries) +
         (first != 0 ? ", between " + Day(first) + " and " + Day(last) : std::string()) +
         ". " + ReachedSentence(rep) + " Of their " + Counted(t.deliveries, "recipient", "recipients") +
         " at those domains: <strong>" + Thousands(t.sent - t.in_mailbox) +
         " accepted</strong> by the receiving server, " +
         // A refusal after the end of DATA: the server had the content.
         // Counted with what reached the look-alike's server, not among
         // the refused addresses (issue-16 tester round 43, finding 2).
         (t.bounced_after_data != 0
              ? "<strong>" + Thousands(t.bounced_after_data) +
                    " refused only after the receiving server had the whole message</strong> "
                    "(the content, attachments included, reached it), "
              : std::string()) +
         // A Sent-folder copy says the message went, not that it arrived.
         (t.in_mailbox != 0
              ? Thousands(t.in_mailbox) + " found in Sent folders (delivery not known from a "
                                          "mailbox), "
              : std::string()) +
         Thousands(t.bounced - t.bounced_after_data) +
         (t.bounced_after_data != 0 ? " other bounced, " : " bounced, ") +
         // Not delivered, yet the content reached the server at an
         // attempt: a 4xx after the end of DATA, a connection lost after
         // it (issue-16 tester round 44, finding 4).
         (t.unsent_after_data != 0
              ? "<strong>" + Thousands(t.unsent_after_data) +
                    " never recorded as delivered though the receiving server had, or may "
                    "have had, the whole message at an attempt</strong> (also counted below), "
              : std::string()) +
         // Named when there are any, as in the text summary.
         (t.expired != 0
              ? Thousands(t.expired) + " expired (given up and returned to the sender), "
              : std::string()) +
         (t.discarded != 0
              ? Thousands(t.discarded) + " discarded by the mail server (never delivered), "
              : std::string()) +
         (t.deleted != 0 ? Thousands(t.deleted) +
                               " deleted from the queue by an administrator (postsuper -d; "
                               "never delivered), "
                         : std::string()) +
         (t.rejected != 0
              ? "<strong>" + Thousands(t.rejected) +
                    " rejected by the mail server</strong> (by " + Html(RejectedBy(t)) + "; never delivered), "
              : std::string()) +
         (t.held != 0 ? "<strong>" + Thousands(t.held) +
                            " held</strong> in Postfix's hold queue or a Microsoft 365 quarantine "
                            "when the logs end (not delivered, not bounced; a release would "
                            "send it), "
                      : std::string()) +
         (t.unknown != 0
              ? Thousands(t.unknown) +
                    " whose outcome is unknown (" + Html(UnknownWhy(rep.left_out())) + "), "
              : std::string()) +
         // Sent folders alone: no log says what a server did, so nothing
         // is "still waiting" (round 50's tester 16, finding 5).
         (mailbox_only ? std::string("and no mail log or trace was given to tell whether a "
                                     "receiving server accepted them.</p>")
                       : Thousands(t.deferred) + " still waiting when the logs end.</p>");
    // Counted by the next hop, not the recipient (lookalike_hop.h): said
    // apart, never mixed silently into the recipients above.
    if (std::string hop = LookalikeHopText(rep); !hop.empty()) {
      h += "<p class=\"lead\"><strong>Next hop:</strong> " + Html(hop) + ".</p>";
    }
    h += "<table class=\"exec\"><tbody><tr><th>To which domains</th><td>";
    for (size_t i = 0; i < domains.size() && i < kNamed; ++i) {
      const DomainLine& d = *domains[i].second;
      const std::string hosts = d.HostsText(domains[i].first);
      h += (i ? "<br>" : "") + DomainLabel(domains[i].first, d.domain_unicode) +
           (hosts.empty() ? std::string() : " (" + Html(hosts) + ")") +
           (d.target.empty() ? std::string(" (blocked by policy)")
                             : " looks like <code>" + Html(d.target) + "</code>") +
           ": " + Counted(d.counts.deliveries, "recipient", "recipients") + ", " +
           Thousands(d.counts.sent - d.counts.in_mailbox) + " accepted" +
           (d.counts.bounced_after_data != 0
                ? ", " + Thousands(d.counts.bounced_after_data) +
                      " refused after receiving the whole message"
                : std::string()) +
           (d.counts.in_mailbox != 0
                ? ", " + Thousands(d.counts.in_mailbox) + " found in Sent folders"
                : std::string());
    }
    if (domains.size() > kNamed) {
      h += "<br>and " + Thousands(static_cast<int64_t>(domains.size() - kNamed)) + " more";
    }
    h += "</td></tr><tr><th>From whom</th><td>";
    for (size_t i = 0; i < senders.size() && i < kNamed; ++i) {
      h += (i ? "<br>" : "") + Html(senders[i].first) + ": " +
           Counted(senders[i].second->counts.deliveries, "recipient", "recipients");
    }
    if (senders.size() > kNamed) {
      h += "<br>and " + Thousands(static_cast<int64_t>(senders.size() - kNamed)) + " more";
    }
    if (const SenderLine& u = rep.unknown_sender(); u.counts.deliveries != 0) {
      // The logs given hold no from= line for the message: they start after
      // it, or were filtered (grep of the delivery lines); which, they do
      // not say.
      h += std::string(senders.empty() ? "" : "<br>and ") +
           Counted(u.counts.deliveries, "recipient", "recipients") +
           " whose sender is unknown (no from= line for its queue in the logs given), "
           "not counted as a sender";
    }
    h += "</td></tr><tr><th>How sensitive</th><td>";
    if (!rep.top_level.empty()) {
      h += "The most sensitive flagged message " +
           std::string(rep.messages > 0 ? "read from a mailbox" : "") +
           (rep.messages > 0 && rep.subjects_scanned > 0 ? " or " : "") +
           (rep.subjects_scanned > 0 ? "by its subject" : "") + " was marked <strong>" +
           Html(rep.top_level_marking.empty() ? rep.TopMarking() : rep.top_level_marking) +
           "</strong> (" + Html(rep.top_level_source) + "). " +
           MarkedCount(rep) + NothingRead(rep);
    } else if (rep.messages > 0 || rep.subjects_scanned > 0) {
      h += "No protective marking was found in the " +
           Counted(static_cast<uint64_t>(rep.sensitivity_read()), "flagged recipient's",
                   "flagged recipients'") +
           " message or subject that was read (a subject is all a trace or a Postfix header "
           "check records)." +
           NothingRead(rep);
    } else {
      h += "Not known: mail logs and traces record who wrote to whom, not what the message "
           "said (a Postfix log has a subject only where a header check logs it: "
           "/^Subject:/ INFO). Read the Sent folders (mbox, Maildir) to learn the markings.";
    }
    // Appended, not " " + string: GCC 12 -O3's false -Wrestrict (bug 105329).
    std::string doubt;
    if (rep.doubtful_mailbox_dates != 0) {
      doubt = " ";
      doubt += Counted(static_cast<uint64_t>(rep.doubtful_mailbox_dates), "Sent-folder message is",
                       "Sent-folder messages are");
      doubt += " dated by a Date: header more than 30 days before filing; such a date may be "
               "too early (see the notes).";
    }
    h += "</td></tr><tr><th>Since when</th><td>" +
         // The first attempt, said as such, not as the day it was sent
         // (issue-16 tester round 34, item 9). A window selects deliveries
         // by it, so it is never before --since.
         (first == 0 ? std::string("Unknown.")
          : mailbox_only
              ? "The first flagged message is dated " + Day(first) +
                    " (its Date: header in a Sent folder). Whether a receiving server accepted "
                    "it is not known: no mail log or trace was given."
              : "The first flagged message was first tried on " + Day(first) + ".") +
         (first == 0 || mailbox_only ? std::string()
          : rep.first_accepted() != 0
              ? " The first acceptance by a receiving server at those domains was on " +
                    Day(rep.first_accepted()) + "."
              : std::string(" No flagged recipient was accepted by a receiving server.")) +
         doubt + "</td></tr></tbody></table>";
  }
  h += "<p class=\"small\">What was read: " +
       Counted(static_cast<int64_t>(rep.lines), "log line", "log lines") + " in " +
       Counted(static_cast<int64_t>(rep.logs.size()), "file", "files") +
       (rep.messages ? " and " + Counted(static_cast<int64_t>(rep.messages), "mailbox message",
                                        "mailbox messages")
                     : std::string()) +
       (Window(rep).applied ? "; " + Html(WindowText(rep)) : std::string()) +
       "; the section \"What was read\" says what each file covered and what was left out, "
       "and why.</p></section>";
  return h;
}

}  // namespace nearmiss::investigate
