#include "maillog/eop_mx.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "maillog/smart_host.h"

namespace nearmiss::maillog {
namespace {

const std::vector<std::string> kNone;

TEST(EopMx, DomainKeyOfEachForm) {
  EXPECT_EQ(EopDomainKey("cba-com-au.mail.protection.outlook.com"), "cba-com-au");
  EXPECT_EQ(EopDomainKey("cba-com-au.x-v1.mx.microsoft"), "cba-com-au");
  EXPECT_EQ(EopDomainKey("army-ml.o-v1.mx.microsoft"), "army-ml");
  // Microsoft 365 operated by 21Vianet (round 58b's tester 16, finding 2).
  EXPECT_EQ(EopDomainKey("contoso-cn.mail.protection.partner.outlook.cn"), "contoso-cn");
  EXPECT_TRUE(EopKeyNames("contoso-cn", "contoso.cn"));
  EXPECT_EQ(EopDomainKey("mail.protection.partner.outlook.cn"), "");
  // Not a tenant's name: the service's own hosts, another domain's.
  EXPECT_EQ(EopDomainKey("mail.protection.outlook.com"), "");
  EXPECT_EQ(EopDomainKey("a.b.mail.protection.outlook.com"), "");
  EXPECT_EQ(EopDomainKey("o-v1.mx.microsoft"), "");
  EXPECT_EQ(EopDomainKey("a.b.o-v1.mx.microsoft"), "");
  EXPECT_EQ(EopDomainKey("cba-com-au.mail.protection.outlook.com.evil.example"), "");
  EXPECT_EQ(EopDomainKey("mx.cba.com.au"), "");
}

// Whole labels: the tenant of cba.com.au is not the MX of the look-alike
// cba.com, which its letters start (the round 36 defect).
TEST(EopMx, KeyNamesWholeLabels) {
  EXPECT_TRUE(EopKeyNames("cba-com-au", "cba.com.au"));
  EXPECT_TRUE(EopKeyNames("cba-com-au", "CBA.com.AU"));
  EXPECT_TRUE(EopKeyNames("cba-com-au", "mail.cba.com.au"));  // a subdomain
  EXPECT_FALSE(EopKeyNames("cba-com-au", "cba.com"));
  EXPECT_FALSE(EopKeyNames("cba-com-au", "cbac.omau"));
  EXPECT_FALSE(EopKeyNames("cba-com-au", "com.au"));
  EXPECT_TRUE(EopKeyNames("army-ml01b", "army.ml"));
  EXPECT_FALSE(EopKeyNames("army-ml01b", "army.mil"));
  EXPECT_FALSE(EopKeyNames("army-ml01b", "hq-army.ml"));
  EXPECT_FALSE(EopKeyNames("armyml", "army.ml"));
  // The domain's own hyphens are dropped in the key; kept, a hyphenation
  // look-alike would take the tenant for its MX.
  EXPECT_TRUE(EopKeyNames("myfirm-co-uk", "my-firm.co.uk"));
  EXPECT_FALSE(EopKeyNames("cba-com-au", "cba-com.au"));
}

// An internationalised recipient domain is compared in A-labels.
TEST(EopMx, UnicodeDomainInALabels) {
  EXPECT_TRUE(EopKeyNames("xnbcherkva-de", "b\xC3\xBC" "cher.de"));
  EXPECT_TRUE(EopKeyNames("xnbcherkva-de", "xn--bcher-kva.de"));
  EXPECT_FALSE(EopKeyNames("bucher-de", "b\xC3\xBC" "cher.de"));
}

// Through OutboundRelay: the organisation's tenant relaying to the
// look-alike is a smart host (outcome unknown), in both name forms; the
// recipient's own tenant MX is a delivery.
TEST(EopMx, TenantRelayIsASmartHost) {
  EXPECT_TRUE(OutboundRelay({"cba-com-au.mail.protection.outlook.com", "52.101.1.1", 25},
                            "cba.com", kNone));
  EXPECT_TRUE(OutboundRelay({"cba-com-au.x-v1.mx.microsoft", "52.101.1.1", 25}, "cba.com",
                            kNone));
  EXPECT_TRUE(OutboundRelay({"modgov-uk.o-v1.mx.microsoft.", "52.101.1.1", 25}, "army.ml",
                            kNone));
  EXPECT_FALSE(OutboundRelay({"cba-com.x-v1.mx.microsoft", "52.101.1.1", 25}, "cba.com",
                             kNone));
  EXPECT_FALSE(OutboundRelay({"cba-com01b.mail.protection.outlook.com", "52.101.1.1", 25},
                             "cba.com", kNone));
}

}  // namespace
}  // namespace nearmiss::maillog
