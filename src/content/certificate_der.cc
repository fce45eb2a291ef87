// Certificates and detached signatures (certificate_der.h).
#include "content/certificate_der.h"

#include <openssl/x509.h>

#include <climits>
#include <cstddef>

#include "content/cms_content.h"

namespace nearmiss::content {
bool IsDerCertificate(std::string_view bytes) {
  // Parsed whole, never judged by its opening bytes: a file that only opens
  // like a certificate is no certificate, and stays "a binary file of no
  // format" (held), whatever follows its opening.
  if (bytes.empty() || bytes.size() > LONG_MAX) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  X509* cert = d2i_X509(nullptr, &p, static_cast<long>(bytes.size()));
  if (cert == nullptr) return false;
  const bool whole = p == reinterpret_cast<const unsigned char*>(bytes.data()) + bytes.size();
  X509_free(cert);
  return whole;
}

bool IsDetachedCmsSignature(std::string_view bytes) {
  return LooksLikeCmsSignedData(bytes) && ReadCms(bytes).kind == CmsKind::kNoContent;
}

}  // namespace nearmiss::content
