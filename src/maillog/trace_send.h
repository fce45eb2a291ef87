// What an Exchange message tracking SEND event's fields say
// (trace_row_exchange.cc): whether its connector keeps mail inside the
// organisation (one that hands it to a smart host outside it:
// smart_host.h), and which SMTP reply of its recipient-status belongs to
// which recipient. Internal to src/maillog.
//
// Thread safety: pure functions.
#ifndef NEARMISS_MAILLOG_TRACE_SEND_H_
#define NEARMISS_MAILLOG_TRACE_SEND_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::maillog {

// A SEND through the connector Exchange uses between the organisation's
// own transport servers: the implicit "Intra-Organization SMTP Send
// Connector" (never listed by Get-SendConnector), or the Edge
// subscription's inbound one ("EdgeSync - Inbound to SITE", Edge to
// Mailbox). Every other connector (a Send connector to the internet, a
// smart host, a partner; "EdgeSync - SITE to Internet") takes mail out.
bool IntraOrganisation(std::string_view connector);

// The SMTP replies of a SEND's recipient-status, in order, trimmed. For
// one recipient the whole field is its reply. For several, Exchange joins
// one reply per recipient with ';', yet a reply's own text may hold ';'
// ("550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using
// zen.spamhaus.org", Postfix's RBL reply): a ';' ends a reply only where
// the next piece starts with a reply code (issue-16 tester, item 4).
// Quotes are not honoured: a reply's text may hold an odd '"'.
void SmtpReplies(std::string_view text, size_t recipients, std::vector<std::string_view>* out);

// A SEND's next hop is a server on a private, loopback or link-local
// address (InternalRelay: no other domain's MX has one) that queued the
// message ("queued as X" in `reply`, or in the source-context Exchange
// copies the remote reply to). `f` is the record's fields, `hostname` the
// index of server-hostname: Exchange's own #Fields list has server-ip right
// before it and source-context right after it, the order Exchange writes
// in every tracking log's #Fields line ("Fields in the message tracking
// log", learn.microsoft.com), so only for a native tracking log.
bool PrivateNextHop(const std::vector<std::string>& f, int hostname, std::string_view reply);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_TRACE_SEND_H_
