// PostfixLogOptions: how PostfixLog (postfix_log.h) reads, each field
// with its default: the bounds of its state in log time and in count, the
// hand-off window, the domain checks, learning or auditing, the window a
// report counts and the organisation's smart hosts.
//
// Thread safety: a plain value.
#ifndef NEARMISS_MAILLOG_POSTFIX_LOG_OPTIONS_H_
#define NEARMISS_MAILLOG_POSTFIX_LOG_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "maillog/postfix_fields.h"  // DomainCheck, DomainWhy

namespace nearmiss::maillog {

struct PostfixLogOptions {
  int year = 1970;                      // for timestamps without one (first line)
  int64_t idle_timeout = 8 * 86400;     // past maximal_queue_lifetime (5 d)
  size_t max_queues = 1 << 20;          // state kept at most for this many
  // Attempts and ends of queue ids are held this long (log time) so a
  // hand-off can join lines in any order (above). 0: passed on at once.
  int64_t hand_off_window = 600;
  size_t max_held = 1 << 18;            // held events at most; past it the oldest go
  // A settled queue id (above) is let go this long after its last line.
  int64_t settle_after = 600;
  // Recipients whose domain this refuses are not understood (DomainCheck);
  // passed on to the traces read too.
  DomainCheck judgeable_domain;
  // Why judgeable_domain refused a domain, for the report (DomainWhy); may
  // be unset.
  DomainWhy domain_why;
  // Reading to learn (`nearmiss learn`: who the organisation writes to),
  // not to audit. A recipient whose domain judgeable_domain refuses is
  // then skipped and counted (LineCounts::skipped_domains), not "not
  // understood": nothing is learned of it, and the history is still whole.
  // And a trace's rows of mail that came in are skipped and counted
  // (LineCounts::inbound_rows, trace_log.h): those whose direction column
  // says so, else, for Microsoft 365 traces, those whose sender's domain
  // own_domain refuses (every row when own_domain is empty: the direction
  // cannot be told, LineCounts::direction_unknown_rows).
  // In a Postfix log, with own_domain set, a delivery of a message whose
  // sender's domain own_domain refuses (mail received from outside and
  // delivered by lmtp, local or virtual to a mailbox here, or relayed for
  // an outside sender) is skipped and counted the same way; a sender not
  // logged is kept (issue-14 tester, round 3, item 7). A delivery of a
  // message from the null sender (from=<>: a bounce, RFC 5321 4.5.5) is
  // skipped and counted (LineCounts::bounces): the mail system wrote it,
  // no sender chose the recipient (issue-16 tester, round 7, item 12).
  bool learning = false;
  DomainCheck own_domain;
  // When auditing, a "sent" to a smart host outside the organisation
  // (smart_host.h: a relay service known by name, or one of these, lower
  // case) is "unknown", relay "RELAY (a smart host outside the
  // organisation)" (kSmartHostOutside): its 250 queued the message, and
  // the outcome is in the smart host's log (for Exchange Online the
  // Microsoft 365 message trace, joined by Message-ID when given), as
  // Exchange's "Outbound to Office 365" SEND is (trace_log.h). Learning
  // learns the recipient as sent.
  std::vector<std::string> smart_hosts;
  // When auditing, a "sent" by the smtp client (program ".../smtp") to a
  // relay of the organisation (InternalRelay: loopback, private,
  // link-local) is a hand-off, its outcome in the next server's log
  // (postfix_log.h), unless the relay is one of these (final_relay.h:
  // audit --final-relay, a mail store reached over SMTP): then its 250 is
  // the delivery.
  std::vector<std::string> final_relays;
  // When auditing, whether a relay on a public address is the
  // organisation's own by its host name (`relay_host`, as logged before
  // "[address]"), for a message from `sender` to `recipient`
  // (investigate/org_relay.h: under the sender's registered domain, a
  // protected domain or namespace, the organisation's domains): a "sent"
  // by the smtp client to it is a hand-off as to an InternalRelay one.
  // Unset: none is.
  std::function<bool(std::string_view relay_host, std::string_view sender,
                     std::string_view recipient)>
      organisation_relay;
  // When auditing, whether a relay on a public address is the sender's
  // mail provider's (investigate/org_relay.h IsProviderRelay: under the
  // sender's registered domain where that domain is a shared provider,
  // gmail.com, outlook.com, or an operator of the relay list,
  // sendgrid.net): a smart host outside the organisation as one of the
  // relay list is (kSmartHostOutside), never the recipient's server.
  // Unset: none is.
  std::function<bool(std::string_view relay_host, std::string_view sender,
                     std::string_view recipient)>
      provider_relay;
  // The window of log time a report counts (audit --since, --until;
  // LineCounts::window_from, window_to), set in each file's counts; 0 an
  // open end. Reading is the same: a caller leaves out the attempts.
  int64_t window_from = 0, window_to = 0;
};

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_POSTFIX_LOG_OPTIONS_H_
