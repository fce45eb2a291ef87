// Certificates and detached signatures (certificate_der.h).
#include "content/certificate_der.h"

#include <openssl/x509.h>

#include <climits>
#include <cstddef>

#include "content/cms_content.h"

namespace nearmiss::content {
namespace {

// The sniffed head is this long when the file was longer (walk_leaf.cc).
constexpr std::size_t kSniffBytes = 4096;

// A DER SEQUENCE's tag and long-form length of two bytes at `at`: what a
// certificate and its tbsCertificate open with when over 255 bytes.
bool SequenceAt(std::string_view s, std::size_t at) {
  return s.size() > at + 4 && static_cast<unsigned char>(s[at]) == 0x30 &&
         static_cast<unsigned char>(s[at + 1]) == 0x82;
}

}  // namespace

bool IsDerCertificate(std::string_view head) {
  if (head.empty() || head.size() > LONG_MAX) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(head.data());
  X509* cert = d2i_X509(nullptr, &p, static_cast<long>(head.size()));
  if (cert != nullptr) {
    const bool whole = p == reinterpret_cast<const unsigned char*>(head.data()) + head.size();
    X509_free(cert);
    return whole;
  }
  // Longer than the head: SEQUENCE, SEQUENCE, [0] { INTEGER 0..2 }.
  if (head.size() < kSniffBytes || !SequenceAt(head, 0) || !SequenceAt(head, 4)) return false;
  static constexpr unsigned char kVersion[] = {0xA0, 0x03, 0x02, 0x01};
  for (std::size_t k = 0; k < sizeof(kVersion); ++k) {
    if (static_cast<unsigned char>(head[8 + k]) != kVersion[k]) return false;
  }
  return static_cast<unsigned char>(head[12]) <= 2;
}

bool IsDetachedCmsSignature(std::string_view bytes) {
  return LooksLikeCmsSignedData(bytes) && ReadCms(bytes).kind == CmsKind::kNoContent;
}

}  // namespace nearmiss::content
