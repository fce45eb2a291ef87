// OpenPGP armour judged by its content (pgp_armour.h).
#include "content/pgp_armour.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

constexpr char kData[] = "hQEMA1234567890abcdefghijklmnopqrstuvwxyzABCDEFGH+/\n";

TEST(PgpArmour, CiphertextQuotedOrNot) {
  const std::string plain = std::string("-----BEGIN PGP MESSAGE-----\nVersion: GnuPG\n\n") + kData +
                            "=abcd\n-----END PGP MESSAGE-----\n";
  PgpArmour a = FindPgpArmour("See below.\n" + plain);
  EXPECT_EQ(a.blocks, 1);
  EXPECT_TRUE(a.ciphertext);
  EXPECT_FALSE(a.quoted_ciphertext);
  // Round 56b's tester 13, finding 8: a reply quoting it.
  std::string quoted = "Thanks, got it.\n\nOn Mon, Bob wrote:\n";
  for (std::size_t at = 0; at < plain.size();) {
    const std::size_t nl = plain.find('\n', at);
    quoted += "> " + plain.substr(at, nl - at + 1);
    at = nl + 1;
  }
  a = FindPgpArmour(quoted);
  EXPECT_TRUE(a.ciphertext);
  EXPECT_TRUE(a.quoted_ciphertext);
  EXPECT_TRUE(FindPgpArmour("> > -----BEGIN PGP MESSAGE-----\r\n> > \r\n> > " + std::string(kData)).quoted_ciphertext);
  // Shortened as the tester's note shortened it.
  a = FindPgpArmour("> -----BEGIN PGP MESSAGE-----\n> hQEMA...\n> -----END PGP MESSAGE-----\nWhat is this?\n");
  EXPECT_TRUE(a.quoted_ciphertext);
}

TEST(PgpArmour, PlaceholderHoldsNone) {
  PgpArmour a = FindPgpArmour(
      "To encrypt, paste:\n-----BEGIN PGP MESSAGE-----\n(your text here)\n-----END PGP MESSAGE-----\n");
  EXPECT_EQ(a.blocks, 1);
  EXPECT_FALSE(a.ciphertext);
  a = FindPgpArmour("-----BEGIN PGP MESSAGE-----\n\n...\n-----END PGP MESSAGE-----\n");
  EXPECT_FALSE(a.ciphertext);
  EXPECT_EQ(FindPgpArmour("no armour here").blocks, 0);
}

}  // namespace
}  // namespace nearmiss::content
