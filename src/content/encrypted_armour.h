// Encrypted data armoured inside a text, judged by what stands between its
// lines, not by the lines alone (round 56b's tester 13, finding 8): a reply
// quoting ciphertext ("> -----BEGIN PGP MESSAGE-----", "> hQEMA...") holds
// it as unreadably as the message it quotes, and a how-to's "(your text
// here)" between the lines holds none. Each armour is a row of one table
// (kArmours in encrypted_armour.cc), with its documented opener:
//  - OpenPGP, RFC 4880 section 6.2 (RFC 9580 6.2): "-----BEGIN PGP
//    MESSAGE-----", armour headers ("Version: ...") up to a blank line, the
//    radix-64 data (6.3), an optional "=" checksum line, "-----END PGP
//    MESSAGE-----";
//  - age v1's ASCII armour (age-encryption.org/v1, "ASCII armor"): "-----BEGIN
//    AGE ENCRYPTED FILE-----", base64 lines, "-----END AGE ENCRYPTED FILE-----";
//  - a passphrase-encrypted private key, RFC 7468 section 11 (RFC 5958
//    EncryptedPrivateKeyInfo): "-----BEGIN ENCRYPTED PRIVATE KEY-----";
//  - a legacy PEM private key encrypted by OpenSSL's traditional format
//    (RFC 1421 section 4.6.1.1 "Proc-Type: 4,ENCRYPTED" then "DEK-Info:",
//    OpenSSL PEM_write_bio_PrivateKey with a cipher): "-----BEGIN RSA
//    PRIVATE KEY-----" (also EC, DSA) with that header; the same key
//    without it is not encrypted and is no armour here (round 57's tester
//    13, h46 finding 3); the header with or without blanks after its colon
//    ("Proc-Type:4,ENCRYPTED", as OpenSSL reads it);
//  - an RFC 1421 Privacy-Enhanced Mail message, "-----BEGIN
//    PRIVACY-ENHANCED MESSAGE-----", with the same header (section 4.6.1.1;
//    MIC-ONLY and MIC-CLEAR are not encrypted; round 58b's tester 13,
//    finding 16);
//  - Ansible Vault (Ansible docs, "Vault payload format 1.1-1.2"): the line
//    "$ANSIBLE_VAULT;1.1;AES256" (1.2 adds ";<vault id>"), then lines of
//    hex, ended by the first line that is not (a whole file, or a value
//    under "!vault |" in YAML, indented);
//  - OpenSSL enc -a (apps/enc.c; CryptoJS's AES output is the same):
//    base64 lines whose bytes open with "Salted__" and an 8-byte salt, so
//    whose first line opens "U2FsdGVkX1" (round 57's tester 13, finding 9:
//    held as an attachment, accepted in a body);
//  - sops (getsops/sops, "Encrypted values"): a value
//    "ENC[AES256_GCM,data:<base64>,iv:...,tag:...,type:str]" in a YAML,
//    JSON, INI or dotenv file.
// Each line may carry the quote prefix a reply gives it ('>' and blanks,
// RFC 3676 4.5) or a YAML value's indent.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_ENCRYPTED_ARMOUR_H_
#define NEARMISS_CONTENT_ENCRYPTED_ARMOUR_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

struct EncryptedArmour {
  int blocks = 0;                  // opening lines of any armour, quoted or not
  bool ciphertext = false;         // some block holds data
  bool quoted_ciphertext = false;  // ... and is quoted
  // The first block holding data, for the finding: "an age encrypted file
  // (-----BEGIN AGE ENCRYPTED FILE-----)", or "... quoted in the text (>
  // -----BEGIN PGP MESSAGE-----)" when quoted. Empty when none does.
  std::string what;
};

// The armoured encrypted data of `text`. A block holds ciphertext when a
// line after its headers is data: four characters or more of radix-64
// (eight of hex for Ansible Vault), an ellipsis after allowed ("hQEMA...",
// as a note shortens it). One whose lines are all else (a placeholder
// "(your text here)", "...", prose) holds none.
EncryptedArmour FindEncryptedArmour(std::string_view text);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_ENCRYPTED_ARMOUR_H_
