#include "content/encrypted_format.h"

#include <gpgme.h>

#include <mutex>

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

const char* EncryptedFileFormat(std::string_view head) {
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

}  // namespace nearmiss::content
