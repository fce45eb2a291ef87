#include "content/cms_content.h"

#include <openssl/cms.h>
#include <openssl/objects.h>

#include <climits>
#include <memory>

namespace nearmiss::content {

CmsContent ReadCms(std::string_view der) {
  CmsContent out;
  if (der.size() > LONG_MAX) return out;
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<CMS_ContentInfo, void (*)(CMS_ContentInfo*)> cms(
      d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())),
      &CMS_ContentInfo_free);
  if (!cms) return out;
  switch (OBJ_obj2nid(CMS_get0_type(cms.get()))) {
    case NID_pkcs7_signed: {
      ASN1_OCTET_STRING** content = CMS_get0_content(cms.get());
      if (content == nullptr || *content == nullptr) {
        out.kind = CmsKind::kNoContent;
        return out;
      }
      out.kind = CmsKind::kSigned;
      out.content.assign(reinterpret_cast<const char*>(ASN1_STRING_get0_data(*content)),
                         static_cast<std::size_t>(ASN1_STRING_length(*content)));
      return out;
    }
    case NID_id_smime_ct_compressedData:
      out.kind = CmsKind::kCompressed;
      return out;
    default:
      return out;
  }
}

bool LooksLikeCmsSignedData(std::string_view head) {
  // id-signedData, DER-encoded with its tag and length.
  static constexpr unsigned char kOid[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86,
                                           0xf7, 0x0d, 0x01, 0x07, 0x02};
  if (head.size() < 2 || static_cast<unsigned char>(head[0]) != 0x30) return false;
  // The SEQUENCE's length: short form, long form of 1 to 4 bytes, or
  // indefinite (BER, which OpenSSL also reads).
  auto first = static_cast<unsigned char>(head[1]);
  std::size_t at = first < 0x80 ? 2 : first == 0x80 ? 2 : 2 + (first & 0x7f);
  if (first > 0x84 || head.size() < at + sizeof(kOid)) return false;
  return head.compare(at, sizeof(kOid),
                      std::string_view(reinterpret_cast<const char*>(kOid), sizeof(kOid))) == 0;
}

}  // namespace nearmiss::content
