#include "maillog/trace_send.h"

#include <gtest/gtest.h>

namespace nearmiss::maillog {
namespace {

// Issue 16, round 36, item 1: a private next hop, by server-ip or by a
// server-hostname written as an address.
TEST(TraceSend, PrivateNextHopOfEachKind) {
  for (const char* ip : {"10.20.0.5", "172.16.5.5", "192.168.1.2", "100.64.8.2", "127.0.0.1",
                         "169.254.10.3", "fd00:25::9", "fe80::1%eth0", "::ffff:10.0.0.25"}) {
    EXPECT_TRUE(PrivateNextHop(ip, "relay.mod.gov.uk")) << ip;
    EXPECT_TRUE(PrivateNextHop("", ip)) << ip;
  }
  for (const char* ip : {"192.0.2.7", "198.51.100.20", "203.0.113.5", "52.101.68.5",
                         "100.128.0.1", "2001:db8::25", ""}) {
    EXPECT_FALSE(PrivateNextHop(ip, "mx.army.ml")) << ip;
  }
  EXPECT_FALSE(PrivateNextHop("", "EX01"));
}

// Item 5: the Hybrid wizard's Exchange Online connector to the
// on-premises organisation; not the on-premises connector to Office 365.
TEST(TraceSend, OwnOrganisationConnector) {
  EXPECT_TRUE(OwnOrganisationConnector("Outbound to 6f3c2a1e-0b5d-4c9e-9a57-2f1d8e4b7c10"));
  EXPECT_TRUE(OwnOrganisationConnector("outbound to 6F3C2A1E-0B5D-4C9E-9A57-2F1D8E4B7C10"));
  EXPECT_TRUE(OwnOrganisationConnector("EX01\\Outbound to 6f3c2a1e-0b5d-4c9e-9a57-2f1d8e4b7c10"));
  EXPECT_FALSE(
      OwnOrganisationConnector("Outbound to Office 365 - 6f3c2a1e-0b5d-4c9e-9a57-2f1d8e4b7c10"));
  EXPECT_FALSE(OwnOrganisationConnector("Outbound to Mimecast"));
  EXPECT_FALSE(OwnOrganisationConnector("Outbound to 6f3c2a1e"));
  EXPECT_FALSE(OwnOrganisationConnector(""));
}

// Item 5: a relay named under the sender's domain is the organisation's.
TEST(TraceSend, OwnRelayHostUnderTheSendersDomain) {
  EXPECT_TRUE(OwnRelayHost("smtp-gw2.mod.gov.uk", "mod.gov.uk", "army.ml"));
  EXPECT_TRUE(OwnRelayHost("SMTP-GW2.MOD.GOV.UK.", "mod.gov.uk", "army.ml"));
  EXPECT_FALSE(OwnRelayHost("mx.army.ml", "mod.gov.uk", "army.ml"));
  EXPECT_FALSE(OwnRelayHost("gw.notmod.gov.uk", "mod.gov.uk", "army.ml"));
  // The recipient's own MX at a subdomain of the sender's: a delivery.
  EXPECT_FALSE(OwnRelayHost("mx.hq.mod.gov.uk", "mod.gov.uk", "hq.mod.gov.uk"));
  EXPECT_FALSE(OwnRelayHost("EX01", "mod.gov.uk", "army.ml"));
  EXPECT_FALSE(OwnRelayHost("", "mod.gov.uk", "army.ml"));
}

}  // namespace
}  // namespace nearmiss::maillog
