// Encrypted armour judged by its content (encrypted_armour.h).
#include "content/encrypted_armour.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

constexpr char kData[] = "hQEMA1234567890abcdefghijklmnopqrstuvwxyzABCDEFGH+/\n";

TEST(EncryptedArmour, CiphertextQuotedOrNot) {
  const std::string plain = std::string("-----BEGIN PGP MESSAGE-----\nVersion: GnuPG\n\n") + kData +
                            "=abcd\n-----END PGP MESSAGE-----\n";
  EncryptedArmour a = FindEncryptedArmour("See below.\n" + plain);
  EXPECT_EQ(a.blocks, 1);
  EXPECT_TRUE(a.ciphertext);
  EXPECT_FALSE(a.quoted_ciphertext);
  EXPECT_EQ(a.what, "an OpenPGP encrypted message (-----BEGIN PGP MESSAGE-----)");
  // Round 56b's tester 13, finding 8: a reply quoting it.
  std::string quoted = "Thanks, got it.\n\nOn Mon, Bob wrote:\n";
  for (std::size_t at = 0; at < plain.size();) {
    const std::size_t nl = plain.find('\n', at);
    quoted += "> " + plain.substr(at, nl - at + 1);
    at = nl + 1;
  }
  a = FindEncryptedArmour(quoted);
  EXPECT_TRUE(a.ciphertext);
  EXPECT_TRUE(a.quoted_ciphertext);
  EXPECT_EQ(a.what,
            "an OpenPGP encrypted message quoted in the text (> -----BEGIN PGP MESSAGE-----)");
  EXPECT_TRUE(FindEncryptedArmour("> > -----BEGIN PGP MESSAGE-----\r\n> > \r\n> > " + std::string(kData)).quoted_ciphertext);
  // Shortened as the tester's note shortened it.
  a = FindEncryptedArmour("> -----BEGIN PGP MESSAGE-----\n> hQEMA...\n> -----END PGP MESSAGE-----\nWhat is this?\n");
  EXPECT_TRUE(a.quoted_ciphertext);
}

TEST(EncryptedArmour, PlaceholderHoldsNone) {
  EncryptedArmour a = FindEncryptedArmour(
      "To encrypt, paste:\n-----BEGIN PGP MESSAGE-----\n(your text here)\n-----END PGP MESSAGE-----\n");
  EXPECT_EQ(a.blocks, 1);
  EXPECT_FALSE(a.ciphertext);
  a = FindEncryptedArmour("-----BEGIN PGP MESSAGE-----\n\n...\n-----END PGP MESSAGE-----\n");
  EXPECT_FALSE(a.ciphertext);
  EXPECT_EQ(FindEncryptedArmour("no armour here").blocks, 0);
}

// Round 57's tester 13, finding 5: the other armours with fixed openers.
TEST(EncryptedArmour, OtherArmours) {
  const std::string age = std::string("Here it is:\n-----BEGIN AGE ENCRYPTED FILE-----\n") + kData +
                          "-----END AGE ENCRYPTED FILE-----\nBye\n";
  EncryptedArmour a = FindEncryptedArmour(age);
  EXPECT_TRUE(a.ciphertext);
  EXPECT_EQ(a.what, "an age encrypted file (-----BEGIN AGE ENCRYPTED FILE-----)");
  a = FindEncryptedArmour(std::string("-----BEGIN ENCRYPTED PRIVATE KEY-----\n") + kData +
                          "-----END ENCRYPTED PRIVATE KEY-----\n");
  EXPECT_EQ(a.what, "a passphrase-encrypted private key (-----BEGIN ENCRYPTED PRIVATE KEY-----)");
  // Ansible Vault, a whole file (1.1) and a YAML value (1.2, indented).
  a = FindEncryptedArmour(
      "$ANSIBLE_VAULT;1.1;AES256\n"
      "66386439653236336462626566653063336164663966303231363934653561363964363833313662\n"
      "6431626536303530376336343832656537303632313433360a626438346336353331386135323734\n");
  EXPECT_EQ(a.what, "an Ansible Vault encrypted file ($ANSIBLE_VAULT;...)");
  a = FindEncryptedArmour(
      "db_password: !vault |\n          $ANSIBLE_VAULT;1.2;AES256;prod\n"
      "          62313365396662343061393464336163383764373764613633653634306231386433626436623361\n"
      "user: admin\n");
  EXPECT_TRUE(a.ciphertext);
  // openssl enc -a, in a body (finding 9).
  a = FindEncryptedArmour(
      "The notes:\nU2FsdGVkX18xMjM0NTY3OAbcdEFGhijkLMNopqrSTUvwxYZ0123456789+/abcdEFGHijk\n"
      "LMNopqrSTUvw==\nThanks\n");
  EXPECT_EQ(a.what, "OpenSSL encrypted data (openssl enc -a) (U2FsdGVkX1...)");
  EXPECT_FALSE(FindEncryptedArmour("U2FsdGVkX1 is base64 of Salted_\n").ciphertext);
  // sops: an encrypted value in a YAML file.
  a = FindEncryptedArmour(
      "password: ENC[AES256_GCM,data:Tr7o1hkHPBg=,iv:1=,tag:2=,type:str]\nsops:\n  version: 3\n");
  EXPECT_EQ(a.what, "a sops encrypted value (ENC[AES256_GCM,data:...)");
}

TEST(EncryptedArmour, OtherArmoursWithoutDataHoldNone) {
  // A how-to naming the openers, not carrying ciphertext.
  EncryptedArmour a = FindEncryptedArmour(
      "An age file starts with\n-----BEGIN AGE ENCRYPTED FILE-----\n(the data)\n"
      "-----END AGE ENCRYPTED FILE-----\n");
  EXPECT_EQ(a.blocks, 1);
  EXPECT_FALSE(a.ciphertext);
  a = FindEncryptedArmour("A vault file opens with\n$ANSIBLE_VAULT;1.1;AES256\nand then hex.\n");
  EXPECT_FALSE(a.ciphertext);
  a = FindEncryptedArmour("sops writes ENC[AES256_GCM,data:...] for each value.\n");
  EXPECT_FALSE(a.ciphertext);
  EXPECT_TRUE(a.what.empty());
}

// h46 finding 3: a legacy PEM key is encrypted by its Proc-Type header
// (RFC 1421 4.6.1.1), not by its opener; an unencrypted one is no armour.
TEST(EncryptedArmour, LegacyPemKeyByProcType) {
  for (const std::string kind : {"RSA", "EC", "DSA"}) {
    const std::string begin = "-----BEGIN " + kind + " PRIVATE KEY-----\n";
    const std::string end = "-----END " + kind + " PRIVATE KEY-----\n";
    EncryptedArmour a = FindEncryptedArmour(
        "Key below.\n" + begin +
        "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n" + kData +
        end);
    EXPECT_EQ(a.blocks, 1) << kind;
    EXPECT_TRUE(a.ciphertext) << kind;
    EXPECT_EQ(a.what, "a passphrase-encrypted private key (" + begin.substr(0, begin.size() - 1) + ")");
    a = FindEncryptedArmour("> " + begin + "> Proc-Type: 4,ENCRYPTED\n> DEK-Info: DES-EDE3-CBC,0011\n>\n> " +
                            kData + "> " + end);
    EXPECT_TRUE(a.quoted_ciphertext) << kind;
    a = FindEncryptedArmour(begin + kData + end);
    EXPECT_EQ(a.blocks, 0) << kind;
    EXPECT_FALSE(a.ciphertext) << kind;
  }
}

// Round 58b's tester 13, finding 16: "Proc-Type:4,ENCRYPTED" with no blank
// (OpenSSL reads it so) and RFC 1421's own PEM message; a signed one
// (MIC-CLEAR) is no ciphertext.
TEST(EncryptedArmour, PemHeaderSpacingAndPrivacyEnhancedMessage) {
  EncryptedArmour a = FindEncryptedArmour(
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type:4,ENCRYPTED\nDEK-Info:AES-128-CBC,0011\n\n" +
      std::string(kData) + "-----END RSA PRIVATE KEY-----\n");
  EXPECT_TRUE(a.ciphertext);
  a = FindEncryptedArmour(
      "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 4,ENCRYPTED\nContent-Domain: RFC822\n"
      "DEK-Info: DES-CBC,F8143EDE5960C597\nOriginator-ID-Symmetric: linn@zendia.example,,\n"
      "Recipient-ID-Symmetric: linn@zendia.example,ptf-kmc,3\n"
      "Key-Info: DES-ECB,RSA-MD2,9FD3AAD2F2691B9A,B70665BB9BF7CBCDA60195DB94F727D3\n\n" +
      std::string(kData) + "-----END PRIVACY-ENHANCED MESSAGE-----\n");
  EXPECT_EQ(a.blocks, 1);
  EXPECT_TRUE(a.ciphertext);
  EXPECT_NE(a.what.find("RFC 1421"), std::string::npos);
  a = FindEncryptedArmour(
      "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 4,MIC-CLEAR\nContent-Domain: RFC822\n\n"
      "Signed text.\n-----END PRIVACY-ENHANCED MESSAGE-----\n");
  EXPECT_FALSE(a.ciphertext);
}

}  // namespace
}  // namespace nearmiss::content
