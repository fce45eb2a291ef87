#include "maillog/smart_host.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "maillog/address_ranges.h"

namespace nearmiss::data {
extern const std::string_view kOutboundRelays;  // data/lists/outbound-relays.txt
}  // namespace nearmiss::data

namespace nearmiss::maillog {
namespace {

const std::vector<std::string> kNone;

// Issue-16 tester round 34, item 1: relay services a Postfix relayhost
// names, whose 250 is a queueing, not the recipient domain's acceptance.
TEST(SmartHost, RelayServicesByName) {
  for (const char* relay : {
           "smtp-relay.gmail.com[142.250.27.28]:587",
           "SMTP-Relay.Gmail.com[142.250.27.28]:25",
           "smtp.gmail.com[142.250.27.108]:587",
           "smtp.office365.com[52.98.1.1]:587",
           "smtp-mail.outlook.com[52.98.1.1]:587",
           "email-smtp.eu-west-2.amazonaws.com[3.8.1.1]:587",
           "smtp.sendgrid.net[167.89.1.1]:587",
           "smtp.mailgun.org[34.1.1.1]:587",
           "eu-smtp-outbound-1.mimecast.com[195.130.217.1]:25",
           "outbound-us1.ppe-hosted.com[148.163.1.1]:25",
           "modgov-uk01b.mail.protection.outlook.com[52.101.68.5]:25",
           "mod-gov-uk.mail.protection.outlook.com.[52.101.68.5]:25",
       }) {
    EXPECT_TRUE(PostfixSmartHost(relay, "army.ml", kNone)) << relay;
  }
}

// The recipient's own MX is a delivery: a hosted domain's EOP name, a
// Google MX, any other host.
TEST(SmartHost, RecipientsOwnMxIsNot) {
  EXPECT_FALSE(PostfixSmartHost("army-ml.mail.protection.outlook.com[52.101.1.1]:25",
                                "army.ml", kNone));
  EXPECT_FALSE(PostfixSmartHost("army-ml01b.mail.protection.outlook.com[52.101.1.1]:25",
                                "army.ml", kNone));
  // A subdomain whose MX is its parent's tenant.
  EXPECT_FALSE(PostfixSmartHost("army-ml.mail.protection.outlook.com[52.101.1.1]:25",
                                "hq.army.ml", kNone));
  EXPECT_FALSE(PostfixSmartHost("gmail-smtp-in.l.google.com[142.250.1.26]:25", "gmial.com",
                                kNone));
  EXPECT_FALSE(PostfixSmartHost("aspmx.l.google.com[142.250.1.26]:25", "army.ml", kNone));
  EXPECT_FALSE(PostfixSmartHost("eu-smtp-inbound-1.mimecast.com[195.130.217.1]:25", "army.ml",
                                kNone));
  EXPECT_FALSE(PostfixSmartHost("mx.army.ml[192.0.2.7]:25", "army.ml", kNone));
  EXPECT_FALSE(PostfixSmartHost("none", "army.ml", kNone));
  EXPECT_FALSE(PostfixSmartHost("", "army.ml", kNone));
  EXPECT_FALSE(PostfixSmartHost("dfilt", "army.ml", kNone));
}

// The organisation names its own smart hosts: the host or one under it.
TEST(SmartHost, NamedByTheOrganisation) {
  const std::vector<std::string> named = {"relay.isp.example", "mailhop.example.net"};
  EXPECT_TRUE(PostfixSmartHost("relay.isp.example[203.0.113.5]:25", "army.ml", named));
  EXPECT_TRUE(PostfixSmartHost("out2.relay.isp.example[203.0.113.6]:25", "army.ml", named));
  EXPECT_TRUE(PostfixSmartHost("MAILHOP.example.net[203.0.113.7]:587", "army.ml", named));
  EXPECT_FALSE(PostfixSmartHost("badrelay.isp.example[203.0.113.8]:25", "army.ml", named));
  EXPECT_FALSE(PostfixSmartHost("relay.isp.example.evil[203.0.113.9]:25", "army.ml", named));
}

// Issue-16 tester round 35, item 2: the gateways and relay services of
// data/lists/outbound-relays.txt, each entry's form.
TEST(SmartHost, GatewaysAndRelayServicesOfTheList) {
  for (const char* relay : {
           "mx0a-00123401.pphosted.com[205.220.165.32]:25",
           "outbound-eu1.ppe-hosted.com[185.183.28.1]:25",
           "d123456a.ess.barracudanetworks.com[64.235.150.1]:25",
           "d123456a.ess.uk.barracudanetworks.com[35.197.1.1]:25",
           "esa1.modgov.iphmx.com[68.232.140.10]:25",
           "relay.mailchannels.net[23.83.208.1]:25",
           "smtp.sparkpostmail.com[52.1.1.1]:25",
           "smtp.eu.sparkpostmail.com[52.1.1.2]:25",
           "smtp.postmarkapp.com[50.31.156.6]:25",
           "smtp-broadcasts.postmarkapp.com[50.31.156.7]:25",
           "mx-gate01.hornetsecurity.com[185.140.208.1]:25",
           "za-smtp-outbound-1.mimecast.co.za[41.74.192.1]:25",
           "je-smtp-outbound-1.mimecast-offshore.com[213.167.75.1]:25",
           "usb-smtp-outbound-2.mimecast.com[207.211.30.1]:25",
           "smtp.eu.mailgun.org[141.193.32.1]:25",
       }) {
    EXPECT_TRUE(PostfixSmartHost(relay, "army.ml", kNone)) << relay;
  }
  // Not under them: a name that only ends with the same letters, an
  // inbound Mimecast host, a look-alike of a gateway's domain.
  for (const char* relay : {
           "mx.notpphosted.com[192.0.2.1]:25",
           "za-smtp-inbound-1.mimecast.co.za[41.74.192.2]:25",
           "esa1.modgov.iphmx.com.evil.example[192.0.2.3]:25",
           "ess.barracudanetworks.com.example[192.0.2.4]:25",
       }) {
    EXPECT_FALSE(PostfixSmartHost(relay, "army.ml", kNone)) << relay;
  }
}

// Submission (RFC 6409 port 587, RFC 8314 port 465) is to a relay; MX to
// MX is on port 25. A private or loopback address is the organisation's
// own (a hand-off, postfix_log.h), not a smart host outside it.
TEST(SmartHost, SubmissionPortIsARelay) {
  EXPECT_TRUE(PostfixSmartHost("smtp.relay.example.net[203.0.113.5]:587", "army.ml", kNone));
  EXPECT_TRUE(PostfixSmartHost("203.0.113.5[203.0.113.5]:465", "army.ml", kNone));
  EXPECT_FALSE(PostfixSmartHost("smtp.relay.example.net[203.0.113.5]:25", "army.ml", kNone));
  EXPECT_FALSE(PostfixSmartHost("relay.mod.internal[10.0.0.5]:587", "army.ml", kNone));
  EXPECT_FALSE(PostfixSmartHost("localhost[127.0.0.1]:587", "army.ml", kNone));
}

// MX to MX is on port 25 and no MX record names a port (RFC 5321 5.1): a
// public next hop on any other port was configured as a relay (a relay
// service's 2525, a gateway's 10025), unless it is a host under the
// recipient's own domain: that is the recipient's server on whatever port
// (issue-16 tester round 59, finding 1).
TEST(SmartHost, AnyPortButTwentyFiveIsARelay) {
  for (std::string_view relay : {"smtp.relay.example[192.0.2.7]:2525",
                                 "smtp.relay.example[192.0.2.7]:587",
                                 "smtp.relay.example[192.0.2.7]:10025",
                                 "gw.example.net[203.0.113.9]:26",
                                 "gw.example.net[2001:db8::9]:2525"}) {
    EXPECT_TRUE(PostfixSmartHost(relay, "army.ml", kNone)) << relay;
  }
  for (std::string_view relay : {"mx.army.ml[192.0.2.7]:25", "mx.army.ml[192.0.2.7]",
                                 "mx.army.ml[192.0.2.7]:2525", "mx.army.ml[192.0.2.7]:587",
                                 "mx.army.ml[192.0.2.7]:10025",
                                 "filter.mod.internal[10.0.0.5]:10025",
                                 "localhost[127.0.0.1]:10026", "gw[fd00::9]:2525"}) {
    EXPECT_FALSE(PostfixSmartHost(relay, "army.ml", kNone)) << relay;
  }
  EXPECT_TRUE(OutboundRelay({"", "203.0.113.9", 2525}, "army.ml", kNone));
  EXPECT_FALSE(OutboundRelay({"", "203.0.113.9", 25}, "army.ml", kNone));
}

// The next hop of any format: an address named with --smart-host (a
// Microsoft 365 trace's ToIP), a host name without a port (Exchange's
// server-hostname).
TEST(SmartHost, NextHopOfAnyFormat) {
  const std::vector<std::string> named = {"203.0.113.25", "relay1.modgov.example"};
  EXPECT_TRUE(OutboundRelay({"", "203.0.113.25", 0}, "army.ml", named));
  EXPECT_FALSE(OutboundRelay({"", "203.0.113.26", 0}, "army.ml", named));
  EXPECT_TRUE(OutboundRelay({"relay1.modgov.example", "", 0}, "army.ml", named));
  EXPECT_TRUE(OutboundRelay({"esa2.modgov.iphmx.com", "", 0}, "army.ml", kNone));
  EXPECT_FALSE(OutboundRelay({"mx.army.ml", "192.0.2.7", 0}, "army.ml", named));
}

// Exchange Send connectors by name: the Hybrid wizard's, one saying smart
// host, one named for a gateway, one named with --smart-host (its server
// prefix aside); "Internet" is not one.
TEST(SmartHost, SendConnectorsByName) {
  const std::vector<std::string> named = {"outbound gateway"};
  EXPECT_TRUE(SmartHostConnector("Outbound to Office 365 - 6f3c2a1e", kNone));
  EXPECT_TRUE(SmartHostConnector("EX01\\Smart Host Connector", kNone));
  EXPECT_TRUE(SmartHostConnector("EX01\\To Mimecast", kNone));
  EXPECT_TRUE(SmartHostConnector("Proofpoint outbound", kNone));
  EXPECT_TRUE(SmartHostConnector("EX1\\Outbound Gateway", named));
  EXPECT_FALSE(SmartHostConnector("EX1\\Outbound Gateway", kNone));
  EXPECT_FALSE(SmartHostConnector("EX01\\Internet", kNone));
  EXPECT_FALSE(SmartHostConnector("", named));
  // Whole words only (issue-16 tester round 36, defect 4).
  EXPECT_FALSE(SmartHostConnector("San Francisco Internet", kNone));
  EXPECT_FALSE(SmartHostConnector("EX01\\SanFrancisco Internet", kNone));
  EXPECT_TRUE(SmartHostConnector("EX01\\To-Cisco", kNone));
  EXPECT_TRUE(SmartHostConnector("EX01\\ToMimecast", kNone));
}

// Issue 16, round 36, item 4: the gateways and relay services added to
// data/lists/outbound-relays.txt, by whole labels only.
TEST(SmartHost, MoreGatewaysAndRelayServices) {
  for (const char* relay : {
           "email-smtp-fips.us-east-1.amazonaws.com[52.0.0.1]:587",
           "email-smtp-fips.us-gov-west-1.amazonaws.com[52.0.0.2]:25",
           "cluster1.eu.messagelabs.com[85.158.136.1]:25",
           "cluster5.outbound.messagelabs.com[85.158.137.1]:25",
           "relay.tmes.trendmicro.com[18.208.22.1]:25",
           "relay.tmes.trendmicro.eu[18.185.115.1]:25",
           "army-ml.in.hes.trendmicro.com[150.70.226.1]:25",
           "prefilter.emailsecurity.trendmicro.eu[150.70.226.147]:25",
           "smtp-relay.brevo.com[1.179.112.1]:25",
           "smtp-relay.sendinblue.com[1.179.112.2]:25",
           "smtp.mandrillapp.com[198.2.128.1]:25",
           "smtp.zeptomail.com[136.143.188.1]:25",
           "smtp.zeptomail.eu[136.143.188.2]:25",
           "smtp.socketlabs.com[142.0.176.1]:25",
           "smtpout.secureserver.net[68.178.252.1]:25",
           "relay-hosting.secureserver.net[68.178.252.2]:25",
           "mx-01-eu-west-1.prod.hydra.sophos.com[35.177.1.1]:25",
           "mx.spamexperts.com[38.111.198.1]:25",
           "smtp.antispamcloud.com[38.111.198.2]:25",
           "cluster-a.mailcontrol.com[85.115.52.1]:25",
       }) {
    EXPECT_TRUE(PostfixSmartHost(relay, "army.ml", kNone)) << relay;
  }
  // Whole labels: a host that only ends with the same letters, or puts
  // the service's name under a domain of its own, is not one.
  for (const char* relay : {
           "mx.notmessagelabs.com[192.0.2.1]:25",
           "smtp-relay.brevo.com.example[192.0.2.2]:25",
           "xsmtp.mandrillapp.com[192.0.2.3]:25",
           "mailcontrol.com.evil.example[192.0.2.4]:25",
           "mysophos.com[192.0.2.5]:25",
           "email-smtp-fips.amazonaws.com[192.0.2.6]:25",
       }) {
    EXPECT_FALSE(PostfixSmartHost(relay, "army.ml", kNone)) << relay;
  }
  EXPECT_TRUE(SmartHostConnector("EX01\\To Sophos", kNone));
  EXPECT_TRUE(SmartHostConnector("EX01\\Outbound via Forcepoint", kNone));
  EXPECT_TRUE(SmartHostConnector("MessageLabs outbound", kNone));
}

// Issue 16, round 36, item 3: a next hop known by its address alone (a
// Microsoft 365 ToIP) in a gateway's published block is that gateway; a
// named host is judged by its name (Mimecast's inbound MX stays a
// delivery, RecipientsOwnMxIsNot).
TEST(SmartHost, GatewayBlockByAddressAlone) {
  EXPECT_TRUE(OutboundRelay({"", "195.130.217.40", 0}, "army.ml", kNone));
  EXPECT_TRUE(OutboundRelay({"", "185.58.86.7", 25}, "army.ml", kNone));
  EXPECT_FALSE(OutboundRelay({"", "192.0.2.7", 0}, "army.ml", kNone));
  EXPECT_FALSE(OutboundRelay({"eu-smtp-inbound-1.mimecast.com", "195.130.217.1", 25}, "army.ml",
                             kNone));
}

// Every "range" of the list is a network as written: a typo would match
// more or less than its source says, or be left out without a word.
TEST(SmartHost, EveryRangeOfTheListParses) {
  std::string_view text = data::kOutboundRelays;
  int ranges = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.starts_with("range ")) continue;
    line.remove_prefix(6);
    line = line.substr(0, line.find_first_of(" #\r"));
    AddressRanges r;
    EXPECT_TRUE(r.Add(line)) << line;
    ++ranges;
  }
  EXPECT_GT(ranges, 0);
}

// The operators of the list by their registered domain: a sender there is
// the operator's staff or customer, and a relay under it the operator's
// (investigate/org_relay.h IsProviderRelay), never the organisation's.
TEST(SmartHost, RelayOperatorDomainsOfTheList) {
  EXPECT_TRUE(RelayOperatorDomain("sendgrid.net"));     // host smtp.sendgrid.net
  EXPECT_TRUE(RelayOperatorDomain("mimecast.com"));     // glob *-smtp-outbound-*.mimecast.com
  EXPECT_TRUE(RelayOperatorDomain("amazonaws.com"));    // glob email-smtp.*.amazonaws.com
  EXPECT_TRUE(RelayOperatorDomain("pphosted.com"));     // under pphosted.com
  EXPECT_FALSE(RelayOperatorDomain("mod.gov.uk"));
  EXPECT_FALSE(RelayOperatorDomain("grid.net"));        // by whole labels: not sendgrid.net
  EXPECT_FALSE(RelayOperatorDomain("com"));
}

// lmtp(8) into the recipient's own store: a host under its domain, by
// whole labels, at a public address (issue-16 tester round 57c, finding 2).
TEST(SmartHost, LmtpRecipientStoreByNameAndPublicAddress) {
  EXPECT_TRUE(LmtpRecipientStore("lmtp.armymil.com[203.0.113.20]:24", "armymil.com"));
  EXPECT_TRUE(LmtpRecipientStore("LMTP.ArmyMil.com.[203.0.113.20]:24", "ARMYMIL.com"));
  EXPECT_TRUE(LmtpRecipientStore("armymil.com[203.0.113.20]:2003", "armymil.com"));
  // Another domain's host, or a name that only ends in the same letters.
  EXPECT_FALSE(LmtpRecipientStore("store.hosting.example[198.51.100.9]:24", "armymil.com"));
  EXPECT_FALSE(LmtpRecipientStore("lmtp.xarmymil.com[203.0.113.20]:24", "armymil.com"));
  // Loopback, private, a socket: this host's or the organisation's.
  EXPECT_FALSE(LmtpRecipientStore("lmtp.armymil.com[127.0.0.1]:24", "armymil.com"));
  EXPECT_FALSE(LmtpRecipientStore("lmtp.armymil.com[10.2.0.9]:24", "armymil.com"));
  EXPECT_FALSE(LmtpRecipientStore("lmtp.armymil.com[private/dovecot-lmtp]", "armymil.com"));
  EXPECT_FALSE(LmtpRecipientStore("none", "armymil.com"));
}

}  // namespace
}  // namespace nearmiss::maillog
