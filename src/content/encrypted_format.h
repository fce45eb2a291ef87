// Encrypted mail and encrypted files: S/MIME (RFC 8551) and OpenPGP
// (RFC 4880, RFC 3156) content that only its recipient can read. The
// guard cannot see inside, so the walker reports it as the finding
// "encrypted-attachment" (the policy decides; the default holds it for
// outside recipients), never as read and clean.
#ifndef NEARMISS_CONTENT_ENCRYPTED_FORMAT_H_
#define NEARMISS_CONTENT_ENCRYPTED_FORMAT_H_

#include <gmime/gmime.h>

#include <string_view>

namespace nearmiss::content {

// What an encrypted or opaque MIME object is, for the finding's text, or
// nullptr. From GMime's own reading of the structure: multipart/encrypted
// (RFC 1847, RFC 3156 PGP/MIME), application/pkcs7-mime or
// x-pkcs7-mime of any smime-type (RFC 8551 3.2: enveloped-data and
// authEnveloped-data are encrypted; signed-data and compressed-data wrap
// the content in CMS: the walker reads signed content through OpenSSL
// (walk_cms.cc) and comes here only for what does not parse), and a part
// GMime's parser found an armoured "-----BEGIN PGP MESSAGE-----" in
// (g_mime_part_get_openpgp_data: inline PGP in a text body).
const char* EncryptedMimeObject(GMimeObject* object);

// What a file's first bytes are, when they are an encrypted or opaque
// container, or nullptr: GPGME's gpgme_data_identify (OpenPGP binary or
// armoured encrypted messages; CMS EnvelopedData
// (as in a ".p7m", ".gpg", ".pgp" or ".asc" file); not signatures. `head` may
// be the start of the file only (4 KiB is enough for the packet headers).
// GPGME is asked only when the bytes could be one (at least 24 bytes, and
// a DER SEQUENCE, a binary OpenPGP packet or a "-----BEGIN " armour line):
// the answer is GPGME's for every input (encrypted_format_test). Before
// GPGME, the encrypted files it does not know by their documented fixed
// openers: age v1 ("age-encryption.org/v1\n", the age format spec) and
// OpenSSL enc ("Salted__" and the salt, OpenSSL apps/enc.c; CryptoJS AES).
// Thread-safe.
const char* EncryptedFileFormat(std::string_view head);

// "an Outlook rights-protected message (IRM, message.rpmsg)" when a part
// is one, or nullptr: [MS-OXORMMS] 2.1 and 2.2, Outlook sends a message
// protected by Information Rights Management as an attachment
// "message.rpmsg" of type application/x-microsoft-rpmsg-message, its
// content encrypted for the rights server's users, opening with the
// storage container's identifier 76 E8 04 60 C4 11 E3 86. By any of the
// three (a ".rpmsg" name, the MIME type, the identifier). It is encrypted
// content, the policy's encrypted-attachment, not an unreadable part.
// Pure; `head`: the part's first bytes.
const char* RightsProtectedMessage(std::string_view mime_type, std::string_view filename,
                                   std::string_view head);

namespace internal {
// GPGME's answer without the cheap pre-check, for the test that holds
// EncryptedFileFormat to it.
const char* GpgmeEncryptedFormat(std::string_view head);
}  // namespace internal

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_ENCRYPTED_FORMAT_H_
