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

// A SEND's next hop (or a Microsoft 365 trace's ToIP) is on a private
// address: RFC 1918 (10/8, 172.16/12,
// 192.168/16), RFC 6598 shared space (100.64/10), loopback, link-local,
// IPv6 ULA (RFC 4193) or link-local (InternalRelay). No other domain's MX
// has one, so that server is a gateway or relay of the organisation's
// own, and its 250 (with "queued as" or not) says only that it took the
// message on: the outcome is in its log, whatever the reply's words.
// `server_ip` and `server_hostname` are the SEND's fields of those names
// (the tracking log's; server_ip / ServerIp in the historical search's
// detail CSV and Get-MessageTrackingLog's Export-Csv): for a SEND they
// name the remote server ("Fields in the message tracking log",
// learn.microsoft.com/exchange/mail-flow/transport-logs/message-tracking).
// A server-hostname written as an address literal counts as its address.
bool PrivateNextHop(std::string_view server_ip, std::string_view server_hostname);

// A connector that takes mail to the organisation's own servers, not out
// of it: the Hybrid Configuration Wizard's Exchange Online connector to
// the on-premises organisation, "Outbound to <GUID>" (the OnPremises-
// Organization object's OutboundConnector, "Set-OnPremisesOrganization",
// learn.microsoft.com/powershell/module/exchange; the wizard names it for
// the organisation's GUID, as administrators see it: that name form was
// not re-read from Microsoft's pages), with or without a server prefix
// ("EX01\\"). Not "Outbound to Office 365 - <GUID>",
// the on-premises side's connector to Exchange Online (smart_host.h).
bool OwnOrganisationConnector(std::string_view connector);

// A SEND's next hop `server_hostname` is a relay of the sender's own
// organisation: the sender's domain or a host under it
// ("smtp-gw2.mod.gov.uk" for alice@mod.gov.uk), and not the recipient's
// domain nor under it (the recipient's own MX at a subdomain of the
// sender's is still a delivery). Case is ignored.
bool OwnRelayHost(std::string_view server_hostname, std::string_view sender_domain,
                  std::string_view recipient_domain);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_TRACE_SEND_H_
