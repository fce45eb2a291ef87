#include "content/certificate_der.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::content {
namespace {

// A file that only opens as a certificate does (SEQUENCE, SEQUENCE, [0]
// version 3) and carries anything after that is no certificate: it stays
// "a binary file of no format" (held), never "nothing to scan".
TEST(CertificateDer, OpeningAloneIsNoCertificate) {
  std::string bytes("\x30\x82\x20\x00\x30\x82\x1f\x00\xA0\x03\x02\x01\x02", 13);
  bytes.append(6000, 'A');
  bytes.append(1, '\0');
  bytes.append("UK SECRET: the convoy leaves at 0600");
  EXPECT_FALSE(IsDerCertificate(bytes));
  EXPECT_FALSE(IsDerCertificate(bytes.substr(0, 4096)));
  EXPECT_FALSE(IsDerCertificate(""));
}

}  // namespace
}  // namespace nearmiss::content
