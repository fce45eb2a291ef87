// Whether a delivery's next hop is a smart host outside the organisation:
// a relay service or an email security gateway that queues mail for
// delivery elsewhere (its 250 says it took the message, not that the
// recipient's domain did), for every format read: a Postfix relay=, an
// Exchange SEND's server-hostname, server-ip and connector-id, a
// Microsoft 365 trace's ToIP, a historical search's connector_id.
//
// A log cannot tell a smart host from the recipient's own MX by the reply,
// so a next hop is one only by its name, its port or its connector:
//   - a name the organisation gives (audit --smart-host HOST, or
//     smart_hosts in the configuration): the next hop's host is HOST or
//     ends with ".HOST" (so "mail.protection.outlook.com" names every
//     tenant endpoint), or its address is HOST (an IP address), or its
//     Exchange Send connector is named HOST;
//   - a relay service's or an email security gateway's host, from
//     data/lists/outbound-relays.txt (each entry with its public source:
//     Google's and Microsoft 365's SMTP relay, Amazon SES, SendGrid,
//     Mailgun, MailChannels, SparkPost, Postmark, Mimecast's outbound hosts
//     of every region, Proofpoint, Barracuda, Cisco, Hornetsecurity, Amazon
//     SES's FIPS endpoints, Broadcom/Symantec MessageLabs, Trend Micro,
//     Brevo, Mandrill, ZeptoMail, SocketLabs, GoDaddy, Sophos, SpamExperts,
//     Forcepoint; matched by whole labels), or a
//     Send connector whose name holds a gateway's name as a whole word
//     ("To Mimecast", "ToMimecast"; not "San Francisco Internet");
//   - a next hop known only by its address (a Microsoft 365 trace's ToIP)
//     inside a block a gateway operator publishes for its mail servers
//     ("range" entries of the same list, address_ranges.h);
//   - a hop on any port but 25 (submission's 587, RFC 6409 3.1, or 465,
//     RFC 8314 3.3; a relay service's 2525; a gateway's or filter's 10025)
//     to an address that is not the organisation's own (private, loopback,
//     link-local: InternalRelay): mail is relayed MX to MX on port 25
//     (RFC 5321 2.3.5, 5.1, and no MX record names a port), so a hop on
//     another port was told of by configuration: a relay that will
//     deliver the message, not the recipient's domain;
//   - an Exchange connector named for one: the Hybrid Configuration
//     Wizard's "Outbound to Office 365", or one whose name says "smart
//     host" / "smarthost";
//   - Exchange Online Protection's KEY.mail.protection.outlook.com and
//     KEY.ZONE.mx.microsoft (Microsoft 365's "SMTP relay" connector, and
//     its "direct send"): the same name is also the MX of a domain hosted
//     there, KEY the domain with its dots as dashes ("army-ml" for
//     army.ml, with a suffix such as "01b"; eop_mx.h): when KEY names the
//     recipient's domain or a parent of it, label by label, the relay is
//     the recipient's MX (a delivery); otherwise it is the organisation's
//     tenant, a smart host ("cba-com-au" for a recipient at cba.com).
//
// Never a smart host, whatever its port or its connector's name: a next hop
// whose host name is the recipient's domain or under it (RecipientOwnHost:
// smtp.army.ml for bob@army.ml, on 587 as on 25). It is the recipient's
// domain's own server, not a relay service that queues the message for
// delivery elsewhere: its 250 is the recipient's domain accepting it, so
// the row is "sent" (for a look-alike domain, its operator holds the
// message; issue-16 tester round 59, finding 1).
//
// Thread safety: pure functions (the list is read once, thread-safely).
#ifndef NEARMISS_MAILLOG_SMART_HOST_H_
#define NEARMISS_MAILLOG_SMART_HOST_H_

#include <string>
#include <string_view>
#include <vector>

namespace nearmiss::maillog {

// A delivery's next hop: its host name ("" when not logged), its address
// ("" when not logged) and port (0 when not logged).
struct NextHop {
  std::string_view host, address;
  int port = 0;
};

// True when `hop` is a smart host outside the organisation (above).
// `recipient_domain` is the delivery's ("army.ml"); `named` the
// organisation's smart hosts (lower case, no trailing dot). Case is
// ignored.
bool OutboundRelay(const NextHop& hop, std::string_view recipient_domain,
                   const std::vector<std::string>& named);

// `host` (a next hop's name, any case, a trailing dot allowed) is
// `recipient_domain` or a host under it, by whole labels, the domain
// compared in A-labels: the recipient's domain's own server (above). False
// for a domain of one label or an empty host.
bool RecipientOwnHost(std::string_view host, std::string_view recipient_domain);

// OutboundRelay of `relay` as Postfix logs it ("host[addr]:port").
bool PostfixSmartHost(std::string_view relay, std::string_view recipient_domain,
                      const std::vector<std::string>& named);

// An lmtp(8) delivery's relay ("lmtp.armymil.com[203.0.113.20]:24") that
// is the recipient's own mail store, not a relay: its host name is the
// recipient's domain or under it (whole labels, case ignored) and its
// address is public (not InternalRelay: no organisation's store). The same
// evidence the smtp path takes for the recipient's own MX (org_relay.h):
// no host under the recipient's domain is the organisation's. An LMTP 250
// for a recipient is sent after final delivery (RFC 2033 4.2), so it is a
// delivery, "sent" (issue-16 tester round 57c, finding 2). Any other lmtp
// to another host stays of unknown outcome (kLmtpElsewhere).
bool LmtpRecipientStore(std::string_view relay, std::string_view recipient_domain);

// An Exchange Send connector (connector-id) that hands mail to a smart
// host outside the organisation by its name (above): "Outbound to Office
// 365", a name saying "smart host", a gateway's word from the list, or a
// name given in `named`. Any other connector's destination may be the
// recipient's own MX, which its next hop then says.
bool SmartHostConnector(std::string_view connector, const std::vector<std::string>& named);

// True when `domain` (lower case, a registered domain: "sendgrid.net")
// runs a relay service or gateway of the list: a host, glob or under
// entry is `domain` or under it (smtp.sendgrid.net, *-smtp-outbound-*.
// mimecast.com). A host under it is that operator's, whoever sends.
bool RelayOperatorDomain(std::string_view domain);

}  // namespace nearmiss::maillog

#endif  // NEARMISS_MAILLOG_SMART_HOST_H_
