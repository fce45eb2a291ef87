// The lines a Report (report.h) is made of: the counts of deliveries by
// outcome (Counts), a flagged domain's and a sender's breakdown line
// (DomainLine, SenderLine), and what was made of each mailbox given
// (MailboxRead). Split from report.h, which keeps the Report that adds
// attempts up into them.
//
// Thread safety: plain data.
#ifndef NEARMISS_INVESTIGATE_REPORT_LINES_H_
#define NEARMISS_INVESTIGATE_REPORT_LINES_H_

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "investigate/row.h"
#include "maillog/line_counts.h"
#include "maillog/shown_time.h"
#include "nearmiss/content_sensitivity.h"

namespace nearmiss::investigate {

struct Counts {
  // expired: the queue gave up (Postfix maximal_queue_lifetime) and
  // returned the message to its sender; not counted as bounced.
  // discarded: thrown away by Postfix discard(8), never delivered.
  // deleted: an administrator deleted the message from the queue
  // (postsuper -d) while the recipient was deferred or held; a failure,
  // never delivered, no longer waiting.
  // unknown: sent on to a server whose log was not given (Row::status).
  // rejected: the mail server itself refused it (a Postfix milter,
  // header or body check or smtpd restriction, maillog/postfix_actions.h;
  // an Exchange transport rule or agent's DROP with a 5xx); never
  // delivered. rejected_by: of those, how many each stopper refused
  // (maillog::StoppedBy, by its value; kNone when the log names none).
  // held: a milter or a header check put it in Postfix's hold queue, and
  // the logs end before it was released or deleted: not delivered, one
  // release (postsuper -H) away from it.
  int64_t deliveries = 0, sent = 0, bounced = 0, deferred = 0, expired = 0, discarded = 0,
          deleted = 0, unknown = 0, rejected = 0, held = 0;
  // Of `sent`: copies found in a mailbox's Sent folder, which say the
  // message was sent, not that a receiving server accepted it.
  int64_t in_mailbox = 0;
  std::array<int64_t, maillog::kStoppedByKinds> rejected_by{};
  // Of `bounced`: refused only after the server had received the whole
  // message (Row::content_received): the content reached that server.
  int64_t bounced_after_data = 0;
  // Of the others not delivered (expired, deferred, outcome unknown, ...),
  // those whose content reached the receiving server at an attempt
  // (Row::content_received: a 4xx after the end of DATA, a connection lost
  // after it).
  int64_t unsent_after_data = 0;
  // `in_mailbox`: the delivery is a Sent-folder copy (counted in `sent`
  // and in `in_mailbox`); `after_data`: a bounce after the end of DATA.
  // `by`: who stopped a "rejected" one (Row::stopped_by).
  void Add(const std::string& final_status, bool in_mailbox = false, bool after_data = false,
           maillog::StoppedBy by = maillog::StoppedBy::kNone);
};

// One look-alike or blocked domain as registered: keyed by its registrable
// name (Public Suffix List, the suffix plus one label: "gmial.com"), so a
// host under it ("mail.gmial.com") is the same registrant, one block or
// takedown request, never a second domain (issue-16 tester16b, F7).
struct DomainLine {
  std::string verdict, target, domain_unicode, reason;
  // The flagged names delivered to under it, as the rows name them
  // ("gmial.com", "mail.gmial.com"); the reports list them when any is not
  // the registrable name itself.
  std::set<std::string> hosts;
  // Whether `hosts` says more than the key: a name other than it.
  bool HostsDiffer(const std::string& key) const {
    return hosts.size() > 1 || (hosts.size() == 1 && *hosts.begin() != key);
  }
  // "hosts: gmial.com, mail.gmial.com" when HostsDiffer, else "".
  std::string HostsText(const std::string& key) const;
  Counts counts;
  // Senders named in the log (the null sender "<> (bounce)" is one); the
  // deliveries whose sender the log never named are counted apart, as
  // they may come from any number of senders.
  std::set<std::string> senders;
  int64_t unknown_sender = 0;
  int64_t first = 0, last = 0;
};

struct SenderLine {
  Counts counts;
  std::set<std::string> domains;
  // The mail system's own notices (the null sender, MAILER-DAEMON@, and
  // Exchange's system mailbox where the logs show a non-delivery report:
  // Row::non_delivery_report); or Exchange's system mailbox's other mail
  // (journal reports, moderation and recall notices), which is no bounce
  // and counts among the senders.
  bool notice = false;
  bool system_mailbox = false;
};

// What was made of one mailbox given (an mbox, a Maildir, a directory, an
// .eml): its messages, and the files in it that were not read, with why.
struct MailboxRead {
  std::string path;            // as given
  uint64_t messages = 0;       // messages read from it
  uint64_t not_read = 0;       // files in it not read (no message, cannot open)
  std::string first_not_read;  // "cur/junk: not a message (...); not read"
  // Each file not read, with why, at most kMaxNamed of them.
  std::vector<std::string> not_read_files;
  static constexpr size_t kMaxNamed = 100;
  // Messages in it the organisation did not send, left out and counted:
  // a Google Takeout message without the Sent label, or one whose From: is
  // outside [domains] organisation (mail received: an all-mail export, a
  // message dragged into Sent), as `learn` skips them (round 46's tester
  // 16, finding 1). The first named: "All mail.mbox:12: From: x@army.ml".
  uint64_t not_sent = 0;
  std::string first_not_sent;
  // The span its messages read are dated over (content::MessageDate, unix
  // seconds; 0 and 0 when none had a date): the time a mailbox covers, as
  // a log's lines say theirs (round 47's tester 16, finding 6).
  int64_t first_date = 0, last_date = 0;
  maillog::ZoneSource first_zone = maillog::ZoneSource::kInput,
                      last_zone = maillog::ZoneSource::kInput;  // maillog/shown_time.h
  // Messages dated by their mbox From_ line, a wall clock with no zone
  // (maillog::ZoneSource::kReadAsUtc): their times are shown without "Z".
  uint64_t zoneless_dates = 0;
};

}  // namespace nearmiss::investigate

#endif  // NEARMISS_INVESTIGATE_REPORT_LINES_H_
