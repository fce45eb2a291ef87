#include "content/encrypted_format.h"

#include <gpgme.h>

#include <cstddef>
#include <mutex>

#include "base/ascii.h"

namespace nearmiss::content {

const char* EncryptedMimeObject(GMimeObject* object) {
  if (GMIME_IS_MULTIPART_ENCRYPTED(object)) {
    return "an encrypted message (multipart/encrypted, PGP/MIME)";
  }
  if (GMIME_IS_APPLICATION_PKCS7_MIME(object)) {
    switch (g_mime_application_pkcs7_mime_get_smime_type(
        GMIME_APPLICATION_PKCS7_MIME(object))) {
      case GMIME_SECURE_MIME_TYPE_ENVELOPED_DATA:
        return "an S/MIME encrypted message (application/pkcs7-mime)";
      case GMIME_SECURE_MIME_TYPE_CERTS_ONLY:
        return nullptr;  // certificates only: no content to read
      default:
        // Opaque-signed, compressed or unnamed: the content is inside CMS.
        return "an S/MIME opaque message (application/pkcs7-mime)";
    }
  }
  if (GMIME_IS_PART(object) &&
      g_mime_part_get_openpgp_data(GMIME_PART(object)) ==
          GMIME_OPENPGP_DATA_ENCRYPTED) {
    return "an OpenPGP encrypted message (-----BEGIN PGP MESSAGE-----)";
  }
  return nullptr;
}

namespace {

// Whether GPGME's identification could answer "encrypted" for `head` at
// all. gpgme_data_identify (GPGME 1.18, src/data-identify.c,
// basic_detection) answers GPGME_DATA_TYPE_UNKNOWN for fewer than 24
// bytes, and otherwise reaches an encrypted answer only by one of three
// roads: a DER SEQUENCE first (byte 0x30, the CMS EnvelopedData OID
// inside), a first byte with the high bit set (a binary OpenPGP packet
// tag, RFC 4880 4.2), or an armour line "-----BEGIN " (PGP MESSAGE, or
// CMS's "ENCRYPTED "). A text part has none of these, and asking GPGME
// cost every message a gpgme_data_t, a 4 KiB malloc and a copy (1.7% of
// the milter's CPU per message, issue 20). The substring is looked for
// anywhere, not only at a line start, so this is never narrower than
// GPGME's own scan.
bool MayBeEncrypted(std::string_view head) {
  constexpr std::size_t kGpgmeMinimum = 24;
  if (head.size() < kGpgmeMinimum) return false;
  const auto first = static_cast<unsigned char>(head.front());
  if (first == 0x30 || (first & 0x80) != 0) return true;
  return head.find("-----BEGIN ") != std::string_view::npos;
}

// Encrypted files GPGME does not know, by the fixed opener their format
// documents at the start of the file (encrypted_format.h).
struct Opener {
  std::string_view bytes;
  const char* what;
};
constexpr Opener kOpeners[] = {
    // age v1 (age-encryption.org/v1, "Header"): the version line, then
    // "-> " recipient stanzas; the payload after them is ciphertext.
    {"age-encryption.org/v1\n", "an age encrypted file (age-encryption.org/v1)"},
    // OpenSSL enc (apps/enc.c): the magic "Salted__", an 8-byte salt, then
    // the ciphertext; CryptoJS's AES output is the same.
    {"Salted__", "an OpenSSL encrypted file (openssl enc, Salted__)"},
};

}  // namespace

const char* EncryptedFileFormat(std::string_view head) {
  for (const Opener& o : kOpeners) {
    if (head.starts_with(o.bytes) && head.size() > o.bytes.size()) return o.what;
  }
  return MayBeEncrypted(head) ? internal::GpgmeEncryptedFormat(head) : nullptr;
}

const char* RightsProtectedMessage(std::string_view mime_type, std::string_view filename,
                                   std::string_view head) {
  constexpr std::string_view kIdentifier("\x76\xE8\x04\x60\xC4\x11\xE3\x86", 8);
  const std::string_view type = mime_type.substr(0, mime_type.find(';'));
  if (head.starts_with(kIdentifier) || EndsWithNoCase(filename, ".rpmsg") ||
      EqualsNoCase(type, "application/x-microsoft-rpmsg-message")) {
    return "an Outlook rights-protected message (IRM, message.rpmsg)";
  }
  return nullptr;
}

namespace internal {

const char* GpgmeEncryptedFormat(std::string_view head) {
  if (head.empty()) return nullptr;
  // GPGME must be told its version before first use (GPGME manual,
  // "Library Version Check"); it starts no engine for identification.
  static std::once_flag init;
  std::call_once(init, [] { gpgme_check_version(nullptr); });
  gpgme_data_t data = nullptr;
  if (gpgme_data_new_from_mem(&data, head.data(), head.size(), 0) != 0) {
    return nullptr;
  }
  gpgme_data_type_t type = gpgme_data_identify(data, 0);
  gpgme_data_release(data);
  // Only encrypted data: a detached signature (PGP/MIME's signature.asc,
  // S/MIME's smime.p7s) and clear-signed text are signed too, and their
  // message is readable beside them.
  switch (type) {
    case GPGME_DATA_TYPE_PGP_ENCRYPTED:
      return "an OpenPGP encrypted file";
    case GPGME_DATA_TYPE_CMS_ENCRYPTED:
      return "a CMS (S/MIME) encrypted file";
    default:
      return nullptr;
  }
}

}  // namespace internal
}  // namespace nearmiss::content
